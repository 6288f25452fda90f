/** Data in and out over the API: CSV and FHIR imports, saved mappings, backups, the FHIR case export. */
import type { DbLike as Db } from '../../db/sql/port';
import { getCase } from '../../db/repositories/cases';
import { listSavedMappings, saveMapping } from '../../db/repositories/imports';
import { listDecisionsForCase } from '../../db/repositories/decisions';
import { DomainError } from '../../shared/errors';
import type { Handlers } from '../../shared/api';
import { caseToFhirBundle } from '../exports/fhir';
import { importCsv, previewCsv } from '../imports/csv/import';
import { importFhir, previewFhir } from '../imports/fhir/import';
import { backupHandlers, type BackupHost } from './backups';
import type { HostCapabilities } from '../app/host';

type ImportHandlers = Pick<Handlers,
  | 'imports.csvPreview' | 'imports.csvImport' | 'imports.mappings.list' | 'imports.mappings.save' | 'imports.fhirPreview' | 'imports.fhirImport'
  | 'backups.list' | 'backups.create' | 'backups.status' | 'backups.restore' | 'exports.caseFhir'>;

export function importHandlers(db: Db, backups: BackupHost, host: Pick<HostCapabilities, 'progress'>): ImportHandlers {
  return {
    'imports.csvPreview': ({ source, content, mapping }) => previewCsv(db, { source, content, mapping }),
    'imports.csvImport': ({ source, content, mapping, dry_run }, ctx) => importCsv(db, {
      source, content, mapping, dryRun: dry_run, actor: ctx.actor.label, onProgress: (done, total) => host.progress('imports.csvImport', done, total),
    }),
    'imports.mappings.list': () => listSavedMappings(db),
    'imports.mappings.save': ({ source, mapping }, ctx) => saveMapping(db, source, mapping, ctx.actor.label),
    'imports.fhirPreview': ({ source, content }) => previewFhir(db, { source, content }),
    'imports.fhirImport': ({ source, content }, ctx) => importFhir(db, { source, content, actor: ctx.actor.label }),
    ...backupHandlers(db, backups),
    'exports.caseFhir': ({ id }) => {
      const record = getCase(db, id);
      if (!record) throw new DomainError('NOT_FOUND', `case ${id} does not exist`);
      const plans = listDecisionsForCase(db, id).map((d) => ({
        decision_id: d.id, plan: d.current.plan, intent: d.current.intent, decided_on: d.recorded_at.slice(0, 10),
      }));
      return { file_name: `case-${id}.fhir.json`, content: JSON.stringify(caseToFhirBundle(record, new Date(), plans), null, 2) };
    },
  };
}
