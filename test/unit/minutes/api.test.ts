// minutes.preview and minutes.exportPdf through the dispatcher on the demo database (PDF engine and file choice
// given as host capabilities, as the Electron shell does): the file is written where the hook says, a signed meeting's
// PDF hash goes to the audit log, a cancelled save writes nothing, a draft is not audited.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openAppContext } from '../../../electron/app/context';
import type { HostCapabilities } from '../../../electron/app/host';
import { seatCtx, useTempDir } from '../helpers/fixtures';
import { stmt } from '../../../db/statements';

const tmp = useTempDir();
const ctx = seatCtx('test-user');

/** The host the test plays: what it answers can change between calls. */
const host: Partial<HostCapabilities> = {};
const playedHost: Partial<HostCapabilities> = {
  renderPdf: (html) => (host.renderPdf ?? (() => Promise.reject(new Error('no PDF engine in this test'))))(html),
  choosePath: (request, ctx) => (host.choosePath ?? (() => Promise.resolve(null)))(request, ctx),
};

function openDemo(options: { defaultChoice?: boolean } = {}) {
  const dir = tmp();
  delete host.renderPdf;
  delete host.choosePath;
  const app = openAppContext({
    dbPath: path.join(dir, 'demo.db'), transport: 'cli', demoIfMissing: true,
    host: options.defaultChoice ? { renderPdf: playedHost.renderPdf } : playedHost,
  });
  const ids = (status: string) => stmt(app.db, 'SELECT id FROM meetings WHERE status = ? ORDER BY id').pluck().all(status) as number[];
  return { dir, app, signed: ids('signed')[0] ?? 0, planned: ids('planned')[0] ?? 0 };
}

describe('minutes API', () => {
  it('previews the minutes and a letter as HTML, without fonts unless asked', async () => {
    const { app, signed } = openDemo();
    try {
      const r = await app.dispatch('minutes.preview', { meeting_id: signed }, ctx);
      if (!r.ok) throw new Error(r.error.message);
      const v = r.value as { html: string; draft: boolean; title: string };
      expect(v.draft).toBe(false);
      expect(v.title).toMatch(/: minutes (\d+ \w+|\w+ \d+,) \d{4}$/);
      expect(v.html).toContain('<h2>Sign-off</h2>');
      expect(v.html).not.toContain('@font-face');
      const withFonts = await app.dispatch('minutes.preview', { meeting_id: signed, embed_fonts: true }, ctx);
      expect(withFonts.ok && (withFonts.value as { html: string }).html.includes('@font-face')).toBe(true);
      const caseId = stmt(app.db, 'SELECT case_id FROM decisions WHERE meeting_id = ? LIMIT 1').pluck().get(signed) as number;
      const letter = await app.dispatch('minutes.preview', { meeting_id: signed, case_id: caseId }, ctx);
      expect(letter.ok && (letter.value as { html: string }).html.includes('Dear ')).toBe(true);
      expect(await app.dispatch('minutes.preview', { meeting_id: 9999 }, ctx)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'meeting_id' } });
    } finally {
      app.close();
    }
  });

  it('exports where the transport chose, records the signed PDF hash in the audit log; drafts and cancels are not audited', async () => {
    const { dir, app, signed, planned } = openDemo();
    try {
      const fake = Buffer.from('%PDF-1.7 minutes');
      const suggested: string[] = [];
      Object.assign(host, { renderPdf: async (html: string) => { expect(html).toContain('@font-face'); return fake; }, choosePath: async ({ suggestedName }: { suggestedName: string }) => { suggested.push(suggestedName); return path.join(dir, 'out', suggestedName); } });
      const r = await app.dispatch('minutes.exportPdf', { meeting_id: signed }, ctx);
      if (!r.ok) throw new Error(r.error.message);
      const sha = createHash('sha256').update(fake).digest('hex');
      expect(r.value).toMatchObject({ written: true, sha256: sha, bytes: fake.length, draft: false, audited: true });
      expect(suggested[0]).toMatch(/^minutes-.*-meeting-\d+\.pdf$/);
      expect(readFileSync(path.join(dir, 'out', suggested[0] ?? '')).equals(fake)).toBe(true);
      const audit = new Database(path.join(dir, 'demo.db'), { readonly: true });
      const row = audit.prepare("SELECT actor, after FROM audit_log WHERE action = 'minutes.export_pdf'").get() as { actor: string; after: string };
      audit.close();
      expect(row.actor).toBe('test-user');
      expect(JSON.parse(row.after)).toMatchObject({ sha256: sha });

      const draft = await app.dispatch('minutes.exportPdf', { meeting_id: planned }, ctx);
      expect(draft).toMatchObject({ ok: true, value: { written: true, draft: true, audited: false } });
      expect(suggested[1]).toMatch(/-DRAFT\.pdf$/);

      Object.assign(host, { renderPdf: async () => fake, choosePath: async () => null });
      expect(await app.dispatch('minutes.exportPdf', { meeting_id: signed }, ctx)).toMatchObject({ ok: true, value: { written: false, file_name: null, audited: false } });
      const count = stmt(app.db, "SELECT count(*) FROM audit_log WHERE action = 'minutes.export_pdf'").pluck().get();
      expect(count).toBe(1);
    } finally {
      app.close();
    }
  });

  it('by default writes into exports/ next to the database, never over an earlier file', async () => {
    const { dir, app, planned } = openDemo({ defaultChoice: true });
    try {
      host.renderPdf = async () => Buffer.from('%PDF-x');
      const a = await app.dispatch('minutes.exportPdf', { meeting_id: planned }, ctx);
      const b = await app.dispatch('minutes.exportPdf', { meeting_id: planned }, ctx);
      const na = a.ok ? (a.value as { file_name: string }).file_name : '';
      const nb = b.ok ? (b.value as { file_name: string }).file_name : '';
      expect(nb).toBe(na.replace(/\.pdf$/, '-2.pdf'));
      expect(existsSync(path.join(dir, 'exports', na))).toBe(true);
      expect(existsSync(path.join(dir, 'exports', nb))).toBe(true);
    } finally {
      app.close();
    }
  });
});
