// minutes.preview with styles: 'none' (the app's preview under a CSP without inline styles): the same HTML as the
// PDF's but for its <style> element, and that stylesheet returned apart, byte for byte.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAppContext } from '../../../electron/app/context';
import { seatCtx, useTempDir } from '../helpers/fixtures';
import { stmt } from '../../../db/statements';

const tmp = useTempDir();
const ctx = seatCtx('test-user');
interface Preview { html: string; draft: boolean; title: string; css?: string }

const sameMinute = (html: string): string => html.replace(/Generated [^<]*\./, 'Generated X.').replace(/<dt>Date<\/dt><dd>[^<]*<\/dd>/, '');

describe('minutes.preview styles', () => {
  it("'none' leaves out the <style> element and returns its CSS; the default keeps the PDF's HTML", async () => {
    const app = openAppContext({ dbPath: path.join(tmp(), 'demo.db'), transport: 'cli', demoIfMissing: true });
    try {
      const signed = stmt(app.db, "SELECT id FROM meetings WHERE status = 'signed' ORDER BY id").pluck().get() as number;
      const caseId = stmt(app.db, 'SELECT case_id FROM decisions WHERE meeting_id = ? LIMIT 1').pluck().get(signed) as number;
      for (const target of [{ meeting_id: signed }, { meeting_id: signed, case_id: caseId }]) {
        const inline = await app.dispatch('minutes.preview', target, ctx);
        const none = await app.dispatch('minutes.preview', { ...target, styles: 'none' }, ctx);
        if (!inline.ok || !none.ok) throw new Error('preview failed');
        const a = inline.value as Preview;
        const b = none.value as Preview;
        expect(a.css).toBeUndefined();
        expect(a.html).toMatch(/<style>/);
        expect(b.html).not.toMatch(/<style/);
        expect(b.css).toContain('@page');
        expect(b.css).toContain('h1 { font-size: 15pt;');
        expect(b.css).not.toContain('@font-face');
        expect(sameMinute(b.html.replace('</head>', `<style>${b.css ?? ''}</style>\n</head>`))).toBe(sameMinute(a.html));
        expect(b.draft).toBe(a.draft);
        expect(b.title).toBe(a.title);
      }
      expect(await app.dispatch('minutes.preview', { meeting_id: signed, styles: 'external' }, ctx)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    } finally {
      app.close();
    }
  });
});
