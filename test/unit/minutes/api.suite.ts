// minutes.preview and minutes.exportPdf through the dispatcher on the demo database (PDF engine and file choice
// given as host capabilities, as the Electron shell does): the file is written where the hook says, a signed meeting's
// PDF hash goes to the audit log, a cancelled save writes nothing, a draft is not audited. On either engine
// (api.test.ts: SQLite; api.pg.test.ts: PostgreSQL).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HostCapabilities } from '../../../electron/app/host';
import { seatCtx } from '../helpers/fixtures';
import { useEngine, type Engine } from '../helpers/engines';
import { stmt } from '../../../db/statements';

const ctx = seatCtx('test-user');

/** The host the test plays: what it answers can change between calls. */
const host: Partial<HostCapabilities> = {};
const playedHost: Partial<HostCapabilities> = {
  renderPdf: (html) => (host.renderPdf ?? (() => Promise.reject(new Error('no PDF engine in this test'))))(html),
  choosePath: (request, ctx) => (host.choosePath ?? (() => Promise.resolve(null)))(request, ctx),
};

/** Runs `open` with `dir` (when given) as the working folder, then goes back. */
function inWorkingFolder<T>(dir: string | null, open: () => T): T {
  const cwd = process.cwd();
  if (dir) process.chdir(dir);
  try {
    return open();
  } finally {
    process.chdir(cwd);
  }
}

export function minutesApiSuite(engine: Engine): void {
  const fixture = useEngine(engine);

  /**
   * A new demo board (seeded because its store is new). `dir`: where its default exports/ folder is, beside the
   * SQLite file, or on PostgreSQL in the working folder at opening, a temporary one here (no file to sit beside).
   */
  function openDemo(options: { defaultChoice?: boolean } = {}) {
    delete host.renderPdf;
    delete host.choosePath;
    const store = fixture.place({ empty: true, label: 'demo' });
    const dir = store.dbPath !== undefined ? path.dirname(store.dbPath) : fixture.tmp();
    const app = inWorkingFolder(store.dbPath === undefined ? dir : null, () =>
      fixture.app({ store, transport: 'cli', demoIfMissing: true, host: options.defaultChoice ? { renderPdf: playedHost.renderPdf } : playedHost }));
    expect(app.createdDemo).toBe(true);
    const ids = (status: string) => stmt(app.db, 'SELECT id FROM meetings WHERE status = ? ORDER BY id').pluck().all(status) as number[];
    return { dir, store, app, signed: ids('signed')[0] ?? 0, planned: ids('planned')[0] ?? 0 };
  }

  describe(`minutes API on ${engine}`, () => {
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
        // A case listed through the gate says who listed it: the audit row that set the reason, found by a JSON member.
        const overridden = stmt(app.db, 'SELECT count(*) FROM agenda_items WHERE meeting_id = ? AND override_reason IS NOT NULL').pluck().get(signed) as number;
        expect(overridden).toBeGreaterThan(0);
        expect(v.html.match(/completeness-gate override\)\.<\/strong> Reason: [^<]+ Listed by [^<]+\.<\/p>/g)).toHaveLength(overridden);
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
      const { dir, store, app, signed, planned } = openDemo();
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
        // Read through a second connection to the store: the audit row is committed, not only seen by the app's own.
        const audit = fixture.reopen(store);
        const row = stmt(audit, "SELECT actor, after FROM audit_log WHERE action = 'minutes.export_pdf'").get() as { actor: string; after: string };
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

    it(`by default writes into exports/ ${engine === 'sqlite' ? 'next to the database' : 'of the working folder'}, never over an earlier file`, async () => {
      const { dir, app, planned } = openDemo({ defaultChoice: true });
      try {
        host.renderPdf = async () => Buffer.from('%PDF-x');
        const a = await app.dispatch('minutes.exportPdf', { meeting_id: planned }, ctx);
        const b = await app.dispatch('minutes.exportPdf', { meeting_id: planned }, ctx);
        expect([a.ok, b.ok]).toEqual([true, true]);
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
}
