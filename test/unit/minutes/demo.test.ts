/**
 * The demo database's signed meeting, exported by the CLI (`export-minutes --meeting latest-signed`,
 * `export-letter`), checked with poppler and qpdf; the expected names, decisions and evidence ids are read
 * from the database with plain SQL, not through the minutes loader.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { planLabel } from '../../../electron/minutes/load';
import type { Plan } from '../../../shared/domain/meeting';
import {
  BUNDLED_FONT, OPTIONS_HEADER, OPTIONS_ROW, SUMMARY_HEADER, SUMMARY_ROW, pageTexts, pdfFonts, pdfInfo, pdfLayoutText, pdfText, qpdfCheck,
  splitRowsUnderHeaders, squash,
} from './poppler';

// Issue 13: the board's clock defaults to the machine's; under Oslo time nothing may print "UTC".
process.env.TZ = 'Europe/Oslo';


interface Expected {
  meetingId: number;
  plannedId: number;
  patients: { family_name: string; given_name: string; identifier: string }[];
  decisions: { case_id: number; plan: string; rationale: string; evidence: string[] }[];
  amendmentReasons: string[];
  dissentViews: string[];
  overrides: { reason: string }[];
  /** The audit row of the signature (read with plain SQL). */
  signature: { id: number; hash: string };
}

let dir = '';
let dbFile = '';
let minutesFile = '';
let letterFile = '';
let draftFile = '';
let exported = { code: -1, out: '', err: '' };
let expected: Expected;
let pages = 0;
let texts: string[] = [];
let whole = '';
let letterText = '';

function readExpected(file: string): Expected {
  const db = new Database(file, { readonly: true });
  try {
    const meetingId = db.prepare("SELECT id FROM meetings WHERE status = 'signed' ORDER BY signed_at DESC LIMIT 1").pluck().get() as number;
    const plannedId = db.prepare("SELECT id FROM meetings WHERE status = 'planned' ORDER BY id LIMIT 1").pluck().get() as number;
    const patients = db.prepare(`SELECT p.family_name, p.given_name, p.identifier FROM agenda_items a JOIN cases c ON c.id = a.case_id
      JOIN patients p ON p.id = c.patient_id WHERE a.meeting_id = ? ORDER BY a.position`).all(meetingId) as Expected['patients'];
    const rows = db.prepare('SELECT id, case_id, plan, plan_detail, rationale, engine_snapshot FROM decisions WHERE meeting_id = ?').all(meetingId) as
      { id: number; case_id: number; plan: string; plan_detail: string; rationale: string; engine_snapshot: string }[];
    const amendments = db.prepare('SELECT decision_id, reason, after FROM decision_amendments ORDER BY id').all() as { decision_id: number; reason: string; after: string }[];
    const decisions = rows.map((r) => {
      // The decision as it stands after its amendments (later amendments win).
      let plan = r.plan, detail = r.plan_detail, rationale = r.rationale;
      for (const a of amendments.filter((x) => x.decision_id === r.id)) {
        const after = JSON.parse(a.after) as { plan?: string; plan_detail?: string; rationale?: string };
        plan = after.plan ?? plan; detail = after.plan_detail ?? detail; rationale = after.rationale ?? rationale;
      }
      const snapshot = JSON.parse(r.engine_snapshot) as { options: { evidence: string[] }[] };
      return { case_id: r.case_id, plan: planLabel(plan as Plan, detail), rationale, evidence: snapshot.options.flatMap((o) => o.evidence) };
    });
    const dissentViews = (db.prepare('SELECT dissent FROM decisions WHERE meeting_id = ?').pluck().all(meetingId) as string[])
      .flatMap((d) => (JSON.parse(d) as { view: string }[]).map((x) => x.view));
    const overrides = db.prepare('SELECT override_reason AS reason FROM agenda_items WHERE meeting_id = ? AND override_reason IS NOT NULL').all(meetingId) as { reason: string }[];
    const signature = db.prepare("SELECT id, hash FROM audit_log WHERE entity = 'meeting' AND entity_id = ? AND action = 'meeting.sign'")
      .get(String(meetingId)) as { id: number; hash: string };
    return { meetingId, plannedId, patients, decisions, amendmentReasons: amendments.map((a) => a.reason), dissentViews, overrides, signature };
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tb-minutes-demo-'));
  dbFile = path.join(dir, 'demo.db');
  minutesFile = path.join(dir, 'minutes.pdf');
  letterFile = path.join(dir, 'letter.pdf');
  draftFile = path.join(dir, 'draft.pdf');
  expect((await cli('demo', '--db', dbFile)).code).toBe(0);
  expected = readExpected(dbFile);
  exported = await cli('export-minutes', '--db', dbFile, '--meeting', 'latest-signed', '--out', minutesFile);
  pages = pdfInfo(minutesFile).pages;
  texts = pageTexts(minutesFile, pages);
  whole = pdfText(minutesFile);
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the demo database signed meeting, exported by the CLI', () => {
  it('has a signed meeting with at least 20 decided cases, a dissent and an amendment', () => {
    expect(expected.decisions.length).toBeGreaterThanOrEqual(20);
    expect(expected.dissentViews.length).toBeGreaterThan(0);
    expect(expected.amendmentReasons.length).toBeGreaterThan(0);
    expect(exported.err).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.out).toMatch(new RegExp(`minutes of meeting ${expected.meetingId} \\(signed\\), ${expected.patients.length} case\\(s\\)`));
  });

  it('passes qpdf --check, is tagged, and says "Page i of N" and Signed on every page', () => {
    expect(qpdfCheck(minutesFile).status).toBe(0);
    expect(pdfInfo(minutesFile).tagged).toBe(true);
    expect(pages).toBeGreaterThan(10);
    texts.forEach((t, i) => {
      expect(t, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages}`);
      expect(t, `page ${i + 1}`).toMatch(/Signed\n/);
      expect(t, `page ${i + 1}`).not.toContain('DRAFT');
    });
  });

  it('prints the audit row of the signature (entry and the first 12 digits of its keyed hash), as `audit --row` shows it', async () => {
    const { id, hash } = expected.signature;
    expect(hash).toMatch(/^hmac:[0-9a-f]{12}:[0-9a-f]{64}$/);
    const short = hash.slice(-64, -52);
    expect(squash(whole)).toContain(squash(`Audit record of the signature: entry ${id}, fingerprint ${short}.`));
    const shown = await cli('audit', '--db', dbFile, '--row', String(id));
    expect(shown.code).toBe(0);
    expect(shown.out).toContain(`audit row ${id}: fingerprint ${short}`);
  });

  it('embeds only the bundled DejaVu faces', () => {
    const fonts = pdfFonts(minutesFile);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.name).toMatch(BUNDLED_FONT);
      expect(f.embedded).toBe(true);
    }
  });

  it('gives back every patient name with its diacritics, every decision, dissent and amendments; references by number, never by code', () => {
    const flat = squash(whole);
    expect(expected.patients.some((p) => /[^\x20-\x7e]/.test(p.family_name + p.given_name))).toBe(true);
    for (const p of expected.patients) {
      expect(flat).toContain(squash(`${p.family_name}, ${p.given_name}`));
      expect(whole).toContain(p.identifier);
    }
    for (const d of expected.decisions) {
      expect(flat, `case ${d.case_id}`).toContain(squash(d.plan));
      if (d.rationale.trim()) expect(flat, `case ${d.case_id}`).toContain(squash(d.rationale));
      for (const id of d.evidence) expect(whole, `case ${d.case_id}`).not.toContain(id);
    }
    for (const v of expected.dissentViews) expect(flat).toContain(squash(v));
    for (const r of expected.amendmentReasons) expect(flat).toContain(squash(r));
    expect(flat).toContain(squash("The evidence engine supports and does not replace the board's judgement."));
  });

  it('splits no option or summary row across pages (every repeated header is followed by the start of a row)', () => {
    const layouts = Array.from({ length: pages }, (_, i) => pdfLayoutText(minutesFile, i + 1));
    const optionHeaders = layouts.join('\n').split('\n').filter((l) => OPTIONS_HEADER.test(l)).length;
    expect(optionHeaders).toBeGreaterThanOrEqual(expected.decisions.filter((d) => d.evidence.length > 0).length);
    expect(splitRowsUnderHeaders(layouts, OPTIONS_HEADER, OPTIONS_ROW)).toEqual([]);
    expect(splitRowsUnderHeaders(layouts, SUMMARY_HEADER, SUMMARY_ROW)).toEqual([]);
  });

  it("records the signed PDF's SHA-256 in the audit log, and the audit chain still verifies", async () => {
    const sha = createHash('sha256').update(readFileSync(minutesFile)).digest('hex');
    expect(exported.out).toContain(`sha256 ${sha} (recorded in the audit log)`);
    const db = new Database(dbFile, { readonly: true });
    const row = db.prepare("SELECT entity, entity_id, after FROM audit_log WHERE action = 'minutes.export_pdf' ORDER BY id DESC LIMIT 1").get() as { entity: string; entity_id: string; after: string };
    db.close();
    expect(row.entity).toBe('meeting');
    expect(row.entity_id).toBe(String(expected.meetingId));
    expect(JSON.parse(row.after)).toMatchObject({ sha256: sha, file_name: 'minutes.pdf', bytes: readFileSync(minutesFile).length });
    expect((await cli('audit', '--db', dbFile)).code).toBe(0);
  });

  it('exports a decided case as an outcome letter to its referring clinician', async () => {
    const d = expected.decisions.find((x) => x.evidence.length > 0);
    if (!d) throw new Error('the demo has a decision with evidence');
    const r = await cli('export-letter', '--db', dbFile, '--case', String(d.case_id), '--out', letterFile);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const info = pdfInfo(letterFile);
    expect(info.tagged).toBe(true);
    expect(qpdfCheck(letterFile).status).toBe(0);
    pageTexts(letterFile, info.pages).forEach((t, i) => expect(t).toContain(`Page ${i + 1} of ${info.pages}`));
    expect(info.pages).toBeLessThanOrEqual(2);
    letterText = pdfText(letterFile);
    const text = squash(letterText);
    expect(text).toContain(squash(d.plan));
    for (const id of d.evidence) expect(text).not.toContain(id);
    expect(text).toMatch(/Dear(Dr|Prof|Mr|Ms|Mrs)?[A-Z][^,]*,/);
  }, 60_000);

  it('speaks clinicians\' words: no snake_case or CODE_CASE word, no "profile N", no "seed", no "UTC" under Oslo time', () => {
    expect(letterText).not.toBe('');
    for (const [what, text] of [['minutes', whole], ['letter', letterText]] as const) {
      expect(text.match(/\b[a-z][a-z0-9]*_[a-z0-9_]+\b/g), `${what}: snake_case`).toBeNull();
      expect(text.match(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g), `${what}: CODE_CASE`).toBeNull();
      expect(text.match(/profile \d+/gi), `${what}: profile N`).toBeNull();
      expect(text.match(/seed/gi), `${what}: seed`).toBeNull();
      expect(text.match(/\bUTC\b/g), `${what}: UTC`).toBeNull();
      // The engine's rule ids (S-PS, R-CRC-04) stay in the snapshot; the rationales print in words.
      expect(text.match(/\b[SR]-[A-Z]{2,}[A-Z0-9-]*\b/g), `${what}: rule id`).toBeNull();
    }
  });

  it('lists the completeness-gate override of the signed meeting with its reason and who listed the case', () => {
    const flat = squash(whole);
    expect(expected.overrides.length).toBeGreaterThan(0);
    for (const o of expected.overrides) {
      expect(flat).toContain(squash(`Listed although not ready (completeness-gate override). Reason: ${o.reason} Listed by Priya Natarajan`));
    }
    const overrides = squash(whole.slice(whole.indexOf('Overrides'), whole.indexOf('1. ', whole.indexOf('Overrides'))));
    expect(overrides).toContain(squash(expected.overrides[0]?.reason ?? 'none'));
  });

  it('exports the planned meeting as DRAFT minutes, unaudited, and refuses to overwrite or to export nothing', async () => {
    const r = await cli('export-minutes', '--db', dbFile, '--meeting', String(expected.plannedId), '--out', draftFile);
    expect(r.code).toBe(0);
    expect(r.out).toContain('(DRAFT: not signed)');
    expect(r.out).not.toContain('audit log');
    const n = pdfInfo(draftFile).pages;
    pageTexts(draftFile, n).forEach((t, i) => {
      expect(t).toContain('DRAFT: not signed');
      expect(t).toContain(`Page ${i + 1} of ${n}`);
    });
    expect(await cli('export-minutes', '--db', dbFile, '--meeting', 'latest-signed', '--out', draftFile)).toMatchObject({ code: 2 });
    expect((await cli('export-minutes', '--db', dbFile, '--meeting', '9999', '--out', path.join(dir, 'x.pdf'))).err).toContain('meeting 9999 does not exist');
    expect((await cli('export-letter', '--db', dbFile, '--case', 'abc', '--out', path.join(dir, 'y.pdf'))).err).toContain('--case: must be a whole number');
  }, 60_000);
});
