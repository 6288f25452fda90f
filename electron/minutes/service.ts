/**
 * Minutes and outcome letters behind the API and the CLI: build the document from the database, the HTML from
 * the document, the PDF from the HTML; write it where the transport chose; for a signed meeting, record the
 * PDF's SHA-256 in the audit log (in its own transaction, after the file is written).
 *
 * The PDF engine and the file choice are hooks: by default Chromium through playwright-core and a folder
 * `exports/` next to the database (browser host, tests); the Electron shell sets printToPDF and a save dialog
 * with setMinutesExportHooks() at start-up.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/connection';
import { appendAudit } from '../../db/audit';
import type { CallContext, Handlers } from '../../shared/api';
import { DomainError } from '../../shared/errors';
import { buildLetterHtml, buildMinutesHtml, formatDate, letterStylesheet, minutesStylesheet, type FontUrls } from '../../shared/minutes/html';
import { letterFromMinutes, type MinutesDocument, type OutcomeLetter } from '../../shared/minutes/model';
import { bundledFontDataUrls } from './fonts';
import { letterheadOf, loadMinutes } from './load';
import { renderPdf } from './render';

export interface MinutesExportHooks {
  /** HTML → PDF. */
  renderPdf(html: string): Promise<Buffer>;
  /** The absolute path to write, given a suggested file name; null when the user cancelled. */
  choosePath(suggestedName: string, ctx: CallContext): Promise<string | null>;
}

let configured: Partial<MinutesExportHooks> = {};

/** Replaces the PDF engine and/or the file choice (the Electron shell: printToPDF and a save dialog). */
export function setMinutesExportHooks(hooks: Partial<MinutesExportHooks>): void {
  configured = { ...hooks };
}

export interface MinutesTarget { meeting_id: number; case_id?: number | undefined }

export type Rendered =
  | { kind: 'minutes'; doc: MinutesDocument; draft: boolean; title: string; fileName: string }
  | { kind: 'letter'; letter: OutcomeLetter; draft: boolean; title: string; fileName: string };

const safe = (s: string): string => s.normalize('NFKD').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'x';

/** The document for a target (minutes of a meeting, or one case's letter at that meeting). */
export function documentFor(db: Db, target: MinutesTarget, now = new Date().toISOString()): Rendered {
  const doc = loadMinutes(db, target.meeting_id, now);
  const draft = doc.sign_off === null;
  const suffix = draft ? '-DRAFT' : '';
  if (target.case_id === undefined) {
    return {
      kind: 'minutes', doc, draft,
      title: `${doc.meeting.board_name}: minutes ${formatDate(doc.meeting.date, doc.clock)}${draft ? ' (DRAFT)' : ''}`,
      fileName: `minutes-${safe(doc.meeting.board_name)}-${doc.meeting.date}-meeting-${doc.meeting.id}${suffix}.pdf`,
    };
  }
  const letter = letterFromMinutes(doc, target.case_id, letterheadOf(db));
  if (!letter) throw new DomainError('NOT_FOUND', `case ${target.case_id} is not on the agenda of meeting ${target.meeting_id}`, 'case_id');
  return {
    kind: 'letter', letter, draft,
    // Titles and file names travel (file lists, mail, print queues): case number and meeting date, no name or MRN.
    title: `Outcome letter: case ${letter.case.case_id}, meeting ${formatDate(doc.meeting.date, doc.clock)}${draft ? ' (DRAFT)' : ''}`,
    fileName: `letter-case-${letter.case.case_id}-${doc.meeting.date}${suffix}.pdf`,
  };
}

export function htmlFor(r: Rendered, fontUrls: FontUrls | null, styles: 'inline' | 'none' = 'inline'): string {
  return r.kind === 'minutes' ? buildMinutesHtml(r.doc, { fontUrls, styles }) : buildLetterHtml(r.letter, { fontUrls, styles });
}

/** The stylesheet `htmlFor` leaves out with `styles: 'none'`. */
export function cssFor(r: Rendered, fontUrls: FontUrls | null): string {
  return r.kind === 'minutes' ? minutesStylesheet(r.doc, fontUrls) : letterStylesheet(r.letter, fontUrls);
}

export interface WrittenPdf { path: string; bytes: number; sha256: string; audited: boolean }

/**
 * Writes the PDF of `r` to `outPath` (through a temporary file, so a reader never sees half a PDF) and, when the
 * meeting is signed, records its SHA-256 in the audit log.
 */
export async function writePdf(db: Db, r: Rendered, outPath: string, actor: string, render: (html: string) => Promise<Buffer> = (h) => renderPdf(h)): Promise<WrittenPdf> {
  const pdf = await render(htmlFor(r, bundledFontDataUrls()));
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  mkdirSync(path.dirname(outPath), { recursive: true });
  const tmp = `${outPath}.${process.pid}.tmp`;
  writeFileSync(tmp, pdf);
  renameSync(tmp, outPath);
  let audited = false;
  if (!r.draft) {
    const meetingId = r.kind === 'minutes' ? r.doc.meeting.id : r.letter.meeting.id;
    db.transaction(() => appendAudit(db, {
      actor,
      action: r.kind === 'minutes' ? 'minutes.export_pdf' : 'letter.export_pdf',
      entity: 'meeting',
      entityId: meetingId,
      before: null,
      after: { sha256, bytes: pdf.length, file_name: path.basename(outPath), ...(r.kind === 'letter' ? { case_id: r.letter.case.case_id } : {}) },
    }))();
    audited = true;
  }
  return { path: outPath, bytes: pdf.length, sha256, audited };
}

/** Default file choice: `exports/` next to the database, never overwriting (name-2.pdf, name-3.pdf, …). */
export function defaultExportPath(db: Db, suggestedName: string): string {
  const dir = path.join(path.dirname(path.resolve(db.name)), 'exports');
  const ext = path.extname(suggestedName);
  const stem = suggestedName.slice(0, suggestedName.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, n === 1 ? suggestedName : `${stem}-${n}${ext}`);
    if (!existsSync(candidate)) return candidate;
  }
}

export function minutesHandlers(db: Db): Pick<Handlers, 'minutes.preview' | 'minutes.exportPdf'> {
  return {
    'minutes.preview': ({ meeting_id, case_id, embed_fonts, styles }) => {
      const r = documentFor(db, { meeting_id, case_id });
      const fonts = embed_fonts ? bundledFontDataUrls() : null;
      const html = htmlFor(r, fonts, styles);
      return styles === 'none'
        ? { html, draft: r.draft, title: r.title, css: cssFor(r, fonts) }
        : { html, draft: r.draft, title: r.title };
    },
    'minutes.exportPdf': async ({ meeting_id, case_id }, ctx) => {
      const r = documentFor(db, { meeting_id, case_id });
      const chosen = configured.choosePath
        ? await configured.choosePath(r.fileName, ctx)
        : defaultExportPath(db, r.fileName);
      if (chosen === null) return { written: false, file_name: null, bytes: 0, sha256: null, draft: r.draft, audited: false };
      const written = await writePdf(db, r, chosen, ctx.actor.label, configured.renderPdf);
      return { written: true, file_name: path.basename(written.path), bytes: written.bytes, sha256: written.sha256, draft: r.draft, audited: written.audited };
    },
  };
}
