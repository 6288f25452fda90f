/**
 * Minutes and outcome letters behind the API and the CLI: build the document from the database, the HTML from
 * the document, the PDF from the HTML; write it where the transport chose; for a signed meeting, record the
 * PDF's SHA-256 in the audit log (in its own transaction, after the file is written).
 *
 * The PDF engine and the file choice are the host's (electron/app/host.ts): printToPDF and a save dialog in the
 * app; Chromium through playwright-core and --out or `exports/` beside the database elsewhere.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DbLike as Db } from '../../db/sql/port';
import { appendAudit } from '../../db/audit';
import type { Handlers } from '../../shared/api';
import { ExportedFiles } from '../app/exported';
import type { HostCapabilities } from '../app/host';
import { DomainError } from '../../shared/errors';
import { buildLetterHtml, buildMinutesHtml, formatDate, letterStylesheet, minutesStylesheet, patientName, type FontUrls } from '../../shared/minutes/html';
import { letterFromMinutes, type MinutesDocument, type OutcomeLetter } from '../../shared/minutes/model';
import { bundledFontDataUrls } from './fonts';
import { letterheadOf, letterMeetingId, loadMinutes } from './load';
import { ChromiumNotFoundError, renderPdf } from './render';
import { transactionFn } from '../../db/statements';

/** The minutes of a meeting, or one case's letter (at `meeting_id`, else from the latest meeting that decided it). */
export type MinutesTarget = { meeting_id: number; case_id?: number | undefined } | { meeting_id?: number | undefined; case_id: number };

export type Rendered =
  | { kind: 'minutes'; doc: MinutesDocument; draft: boolean; title: string; fileName: string }
  | { kind: 'letter'; letter: OutcomeLetter; draft: boolean; title: string; fileName: string };

const safe = (s: string): string => s.normalize('NFKD').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'x';

/** The document for a target (minutes of a meeting, or one case's letter at that meeting). */
export function documentFor(db: Db, target: MinutesTarget, now = new Date().toISOString()): Rendered {
  const meetingId = target.meeting_id ?? letterMeetingId(db, target.case_id ?? 0);
  const doc = loadMinutes(db, meetingId, now);
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
  if (!letter) throw new DomainError('NOT_FOUND', `case ${target.case_id} is not on the agenda of meeting ${meetingId}`, 'case_id');
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
/** What the screen says when there is no Chromium to render a PDF with (the browser host and the CLI use one). */
export const NO_PDF_ENGINE = 'no Chromium was found to make the PDF: install Chromium (Debian/Ubuntu: apt-get install chromium) or Google Chrome, or set CHROMIUM to its program';

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
    transactionFn(db, () => appendAudit(db, {
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

/** What the export says about its document, for the caller to tell the user. */
function summaryOf(r: Rendered) {
  if (r.kind === 'minutes') return { meeting_id: r.doc.meeting.id, cases: r.doc.cases.length, patient: null, recipient: null };
  const p = r.letter.case.patient;
  return { meeting_id: r.letter.meeting.id, cases: 1, patient: `${patientName(p)} (${p.mrn})`, recipient: r.letter.recipient || null };
}

export function minutesHandlers(
  db: Db, host: Pick<HostCapabilities, 'renderPdf' | 'choosePath' | 'openFile' | 'revealFile'>, exported: ExportedFiles = new ExportedFiles(),
): Pick<Handlers, 'minutes.preview' | 'minutes.exportPdf' | 'exports.show'> {
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
      const r = documentFor(db, case_id === undefined ? { meeting_id: meeting_id ?? 0 } : { meeting_id, case_id });
      const summary = summaryOf(r);
      const chosen = await host.choosePath({ suggestedName: r.fileName, kind: r.kind }, ctx);
      if (chosen === null) return { written: false, file_name: null, folder: null, bytes: 0, sha256: null, draft: r.draft, audited: false, ...summary };
      const written = await writePdf(db, r, chosen, ctx.actor.label, async (html) => {
        try {
          return await host.renderPdf(html);
        } catch (error) {
          // Said in words (without the paths looked at, which go to the log): otherwise only "internal error".
          if (error instanceof ChromiumNotFoundError) throw new DomainError('UNAVAILABLE', NO_PDF_ENGINE);
          throw error;
        }
      });
      exported.remember(written.path);
      return {
        written: true, file_name: path.basename(written.path), folder: path.dirname(path.resolve(written.path)), bytes: written.bytes,
        sha256: written.sha256, draft: r.draft, audited: written.audited, ...summary,
      };
    },
    'exports.show': async ({ file_name, how }, ctx) => {
      const file = exported.find(file_name);
      if (file === null) throw new DomainError('NOT_FOUND', `${file_name} was not exported here in this session: only a file this app has just saved can be opened`, 'file_name');
      // Only the desktop has a file manager and applications to hand the file to.
      if (ctx.transport !== 'electron') return { shown: false };
      if (how === 'open') await host.openFile(file);
      else await host.revealFile(file);
      return { shown: true };
    },
  };
}
