/**
 * Data in and out: the CSV import wizard (file → mapping → preview → dry run / import), the FHIR import,
 * backups and restore. File contents travel to the API as text (read in the renderer with the File API).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { ApiError, type ApiClient, type ApiErrorCode } from '../../shared/api';
import { EngineInputError } from '../../shared/engine';
import { readableError } from '../../shared/vocabulary';
import type { CaseFactKey } from '../../shared/facts/facts';
import {
  LAB_FACT_ANALYTE, type BackupInfo, type ColumnMapping, type CsvImportResult, type CsvMapping, type CsvPreview, type CsvTarget,
  type FhirImportResult, type FhirReport, type RestoreResult, type SavedMapping,
} from '../../shared/domain/imports';
import { LAB_UNITS } from '../../shared/domain/units';

export interface ChosenFile { name: string; content: string }
export interface Failure { code: ApiErrorCode; message: string }

export interface DataState {
  // ---- CSV -----------------------------------------------------------------------------------------
  csvFile: ChosenFile | null;
  /** Where the rows come from; the mapping is saved under this name. Defaults to the file name. */
  csvSource: string;
  csvMapping: CsvMapping | null;
  csvPreview: CsvPreview | null;
  csvPreviewing: boolean;
  csvError: Failure | null;
  csvRunning: 'dry' | 'import' | null;
  csvResult: CsvImportResult | null;
  csvMappingSaved: string | null;
  /** Mappings saved earlier (any source), offered to apply to this file. */
  csvSaved: SavedMapping[];
  // ---- FHIR ----------------------------------------------------------------------------------------
  fhirFile: ChosenFile | null;
  fhirPreview: FhirReport | null;
  fhirBusy: 'preview' | 'import' | null;
  fhirError: Failure | null;
  fhirResult: FhirImportResult | null;
  // ---- backups -------------------------------------------------------------------------------------
  backups: BackupInfo[] | null;
  backupsBusy: 'list' | 'create' | 'restore' | null;
  backupsError: Failure | null;
  lastBackup: BackupInfo | null;
  restored: RestoreResult | null;

  csvChoose(file: ChosenFile): Promise<void>;
  csvSetSource(source: string): void;
  csvSetColumn(column: string, target: CsvTarget, unit?: string): Promise<void>;
  csvSaveMapping(): Promise<void>;
  csvUseSaved(source: string): Promise<void>;
  csvRun(dryRun: boolean): Promise<CsvImportResult | null>;
  csvReset(): void;
  fhirChoose(file: ChosenFile): Promise<void>;
  fhirImport(): Promise<FhirImportResult | null>;
  fhirReset(): void;
  backupsLoad(): Promise<void>;
  backupsCreate(): Promise<BackupInfo | null>;
  backupsRestore(file: string): Promise<RestoreResult | null>;
}

export type DataStore = StoreApi<DataState>;

export function failureOf(error: unknown): Failure {
  if (error instanceof ApiError) return { code: error.code, message: readableError(error.message, error.field) };
  if (error instanceof EngineInputError) return { code: 'VALIDATION', message: readableError(error.message, error.field) };
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : 'unknown error' };
}

/** The analyte a target measures, when it is a lab fact that may come in another unit. */
export function analyteOf(target: string): keyof typeof LAB_UNITS | undefined {
  return target.startsWith('fact.') ? LAB_FACT_ANALYTE[target.slice(5) as CaseFactKey] : undefined;
}

/**
 * The mapping after one column changes: a target already used by another column moves here (the other
 * column becomes ignored, so the mapping stays valid), and a unit is kept only where it applies.
 */
export function remap(mapping: CsvMapping, headers: readonly string[], column: string, target: CsvTarget, unit?: string): CsvMapping {
  const byColumn = new Map(mapping.columns.map((c) => [c.column, c] as const));
  const columns: ColumnMapping[] = [];
  for (const header of headers.length > 0 ? headers : mapping.columns.map((c) => c.column)) {
    if (header.trim() === '') continue;
    const current = byColumn.get(header) ?? { column: header, target: 'ignore' };
    if (header === column) {
      const analyte = analyteOf(target);
      const keep = analyte && unit !== undefined && LAB_UNITS[analyte].units.some((u) => u.id === unit) && unit !== LAB_UNITS[analyte].contract.id;
      columns.push(keep ? { column: header, target, unit } : { column: header, target });
    } else if (target !== 'ignore' && current.target === target) {
      columns.push({ column: header, target: 'ignore' });
    } else {
      columns.push(current);
    }
  }
  return { columns };
}

export function createDataStore(api: ApiClient): DataStore {
  let previewSeq = 0;
  return createStore<DataState>()((set, get) => {
    const preview = async (mapping: CsvMapping | undefined): Promise<void> => {
      const file = get().csvFile;
      if (!file) return;
      const seq = ++previewSeq;
      set({ csvPreviewing: true, csvError: null });
      try {
        const result = await api.invoke('imports.csvPreview', { source: get().csvSource || file.name, content: file.content, ...(mapping ? { mapping } : {}) });
        if (seq !== previewSeq) return;
        set({ csvPreview: result, csvMapping: result.mapping, csvPreviewing: false });
      } catch (error) {
        if (seq !== previewSeq) return;
        set({ csvError: failureOf(error), csvPreviewing: false });
      }
    };

    return {
      csvFile: null, csvSource: '', csvMapping: null, csvPreview: null, csvPreviewing: false, csvError: null, csvRunning: null, csvResult: null, csvMappingSaved: null, csvSaved: [],
      fhirFile: null, fhirPreview: null, fhirBusy: null, fhirError: null, fhirResult: null,
      backups: null, backupsBusy: null, backupsError: null, lastBackup: null, restored: null,

      csvChoose: async (file) => {
        set({ csvFile: file, csvSource: file.name, csvMapping: null, csvPreview: null, csvResult: null, csvError: null, csvMappingSaved: null });
        const saved = api.invoke('imports.mappings.list', {}).then((list) => set({ csvSaved: list }), () => set({ csvSaved: [] }));
        await Promise.all([preview(undefined), saved]);
      },
      csvSetSource: (csvSource) => set({ csvSource, csvMappingSaved: null }),
      csvSetColumn: async (column, target, unit) => {
        const { csvMapping, csvPreview } = get();
        if (!csvMapping) return;
        const mapping = remap(csvMapping, csvPreview?.headers ?? [], column, target, unit);
        set({ csvMapping: mapping, csvResult: null, csvMappingSaved: null });
        await preview(mapping);
      },
      csvSaveMapping: async () => {
        const { csvMapping, csvSource, csvFile } = get();
        if (!csvMapping || !csvFile) return;
        try {
          const saved = await api.invoke('imports.mappings.save', { source: csvSource || csvFile.name, mapping: csvMapping });
          set({ csvMappingSaved: saved.source, csvError: null, csvSaved: [...get().csvSaved.filter((m) => m.source !== saved.source), saved] });
        } catch (error) {
          set({ csvError: failureOf(error) });
        }
      },
      csvUseSaved: async (source) => {
        const saved = get().csvSaved.find((m) => m.source === source);
        if (!saved || !get().csvFile) return;
        set({ csvSource: saved.source, csvMapping: saved.mapping, csvResult: null, csvMappingSaved: null });
        await preview(saved.mapping);
      },
      csvRun: async (dryRun) => {
        const { csvFile, csvMapping, csvSource } = get();
        if (!csvFile || get().csvRunning) return null;
        set({ csvRunning: dryRun ? 'dry' : 'import', csvResult: null, csvError: null });
        try {
          const result = await api.invoke('imports.csvImport', {
            source: csvSource || csvFile.name, content: csvFile.content, ...(csvMapping ? { mapping: csvMapping } : {}), dry_run: dryRun,
          });
          set({ csvResult: result, csvRunning: null });
          return result;
        } catch (error) {
          set({ csvError: failureOf(error), csvRunning: null });
          return null;
        }
      },
      csvReset: () => {
        previewSeq++;
        set({ csvFile: null, csvSource: '', csvMapping: null, csvPreview: null, csvPreviewing: false, csvError: null, csvRunning: null, csvResult: null, csvMappingSaved: null });
      },

      fhirChoose: async (file) => {
        set({ fhirFile: file, fhirPreview: null, fhirResult: null, fhirError: null, fhirBusy: 'preview' });
        try {
          const report = await api.invoke('imports.fhirPreview', { source: file.name, content: file.content });
          if (get().fhirFile === file) set({ fhirPreview: report, fhirBusy: null });
        } catch (error) {
          if (get().fhirFile === file) set({ fhirError: failureOf(error), fhirBusy: null });
        }
      },
      fhirImport: async () => {
        const file = get().fhirFile;
        if (!file || get().fhirBusy) return null;
        set({ fhirBusy: 'import', fhirError: null });
        try {
          const result = await api.invoke('imports.fhirImport', { source: file.name, content: file.content });
          set({ fhirResult: result, fhirPreview: result, fhirBusy: null });
          return result;
        } catch (error) {
          set({ fhirError: failureOf(error), fhirBusy: null });
          return null;
        }
      },
      fhirReset: () => set({ fhirFile: null, fhirPreview: null, fhirResult: null, fhirError: null, fhirBusy: null }),

      backupsLoad: async () => {
        set({ backupsBusy: 'list', backupsError: null });
        try {
          set({ backups: await api.invoke('backups.list', {}), backupsBusy: null });
        } catch (error) {
          set({ backupsError: failureOf(error), backupsBusy: null });
        }
      },
      backupsCreate: async () => {
        if (get().backupsBusy) return null;
        set({ backupsBusy: 'create', backupsError: null, restored: null });
        try {
          const made = await api.invoke('backups.create', {});
          set({ lastBackup: made, backupsBusy: null });
          await get().backupsLoad();
          return made;
        } catch (error) {
          set({ backupsError: failureOf(error), backupsBusy: null });
          return null;
        }
      },
      backupsRestore: async (file) => {
        if (get().backupsBusy) return null;
        set({ backupsBusy: 'restore', backupsError: null, restored: null, lastBackup: null });
        try {
          const restored = await api.invoke('backups.restore', { file });
          set({ restored, backupsBusy: null });
          await get().backupsLoad();
          return restored;
        } catch (error) {
          set({ backupsError: failureOf(error), backupsBusy: null });
          return null;
        }
      },
    };
  });
}
