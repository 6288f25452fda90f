/**
 * The minutes and letter PDFs, rendered once through Chromium (playwright-core) from a 25-case fixture, and
 * checked with poppler and qpdf as issue 5's acceptance says.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLetterHtml, buildMinutesHtml } from '../../../shared/minutes/html';
import { letterFromMinutes, type MinutesDocument } from '../../../shared/minutes/model';
import { sampleMinutes } from '../../../shared/minutes/sample';
import { bundledFontDataUrls } from '../../../electron/minutes/fonts';
import { ChromiumNotFoundError, findChromium, openPdfRenderer, renderPdf, type PdfRenderer } from '../../../electron/minutes/render';
import { BUNDLED_FONT, pageTexts, pdfFonts, pdfInfo, pdfOutline, pdfText, qpdfCheck, squash } from './poppler';

const HOSTILE_FAMILY = '<script>alert(1)</script> & "quotes"';
const HOSTILE_GIVEN = "O'Hara & <b>Sons</b>";
const HOSTILE_BOARD = `St. Mary's "Liver" Board </style><script>alert(2)</script>`;
const CASES = 25;

/** 25 cases; names with diacritics and one hostile patient; every option rationale framed by row markers. */
function fixture(): MinutesDocument {
  const doc = sampleMinutes(CASES, { signed: false });
  doc.meeting.board_name = HOSTILE_BOARD;
  const names: [string, string][] = [['Ødegård', 'Zoë'], ['Núñez', 'José'], ['Wróbel', 'Łukasz']];
  doc.cases.forEach((c, i) => {
    const name = names[i];
    if (name) [c.patient.family_name, c.patient.given_name] = name;
    if (i === 3) {
      c.patient.family_name = HOSTILE_FAMILY;
      c.patient.given_name = HOSTILE_GIVEN;
      c.question = `Is <img src=x onerror=alert(3)> & 'this' safe?`;
    }
    c.options.forEach((o, k) => {
      // A tall row (the rationale twice over) whose first and last words are unique markers.
      o.rationale = `ROWSTART_${c.item}_${k + 1} ${o.rationale} ${o.rationale} ROWEND_${c.item}_${k + 1}`;
    });
    if (c.decision) c.decision.plan = `${c.decision.plan} [decision ${c.item}]`;
  });
  return doc;
}

const doc = fixture();
let dir = '';
let minutesFile = '';
let letterFile = '';
let renderer: PdfRenderer;
let pages = 0;
let texts: string[] = [];
let whole = '';
let renderMs = 0;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tb-minutes-'));
  renderer = await openPdfRenderer();
  const fontUrls = bundledFontDataUrls();
  const started = performance.now();
  const pdf = await renderer.render(buildMinutesHtml(doc, { fontUrls }));
  renderMs = performance.now() - started;
  minutesFile = path.join(dir, 'minutes.pdf');
  writeFileSync(minutesFile, pdf);
  const letter = letterFromMinutes(doc, doc.cases[3]?.case_id ?? 0);
  if (!letter) throw new Error('fixture has no case 4');
  letterFile = path.join(dir, 'letter.pdf');
  writeFileSync(letterFile, await renderer.render(buildLetterHtml(letter, { fontUrls })));
  pages = pdfInfo(minutesFile).pages;
  texts = pageTexts(minutesFile, pages);
  whole = pdfText(minutesFile);
}, 120_000);

afterAll(async () => {
  await renderer?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('minutes PDF (25-case fixture)', () => {
  it('renders in reasonable time to many A4 pages', () => {
    expect(pages).toBeGreaterThan(20);
    expect(renderMs).toBeLessThan(20_000);
    expect(pdfInfo(minutesFile).raw).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
  });

  it('passes qpdf --check', () => {
    const r = qpdfCheck(minutesFile);
    expect(r.output).toContain('No syntax or stream encoding errors found');
    expect(r.status).toBe(0);
  });

  it('is a tagged PDF', () => {
    expect(pdfInfo(minutesFile).tagged).toBe(true);
  });

  it('says "Page i of N" on every page, and DRAFT with the board name in the running header', () => {
    expect(texts).toHaveLength(pages);
    texts.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages}`);
      expect(text, `page ${i + 1}`).toContain('DRAFT: not signed');
      expect(text, `page ${i + 1}`).toContain('CONFIDENTIAL: contains patient-identifiable information');
      expect(squash(text), `page ${i + 1}`).toContain(squash(`${HOSTILE_BOARD} · Minutes · 12 Mar 2027`));
    });
  });

  it('embeds only the bundled DejaVu Sans faces', () => {
    const fonts = pdfFonts(minutesFile);
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const f of fonts) {
      expect(f.name).toMatch(BUNDLED_FONT);
      expect(f.embedded, f.name).toBe(true);
    }
    expect(fonts.map((f) => f.name.slice(7)).sort()).toEqual(['DejaVuSans', 'DejaVuSans-Bold']);
  });

  it('gives back every patient name with its diacritics, every decision and every reference (numbered, never its code)', () => {
    for (const name of ['Ødegård, Zoë', 'Núñez, José', 'Wróbel, Łukasz']) expect(whole).toContain(name);
    for (const c of doc.cases) {
      expect(squash(whole), c.patient.family_name).toContain(squash(`${c.patient.family_name}, ${c.patient.given_name}`));
      expect(whole).toContain(c.patient.mrn);
      if (!c.decision) throw new Error('every fixture case has a decision');
      expect(squash(whole)).toContain(squash(c.decision.plan));
      expect(squash(whole)).toContain(squash(c.decision.rationale));
      for (const o of c.options) for (const id of o.evidence) expect(whole).not.toContain(id);
    }
    expect(doc.evidence.length).toBeGreaterThan(10);
    const references = squash(whole.slice(whole.lastIndexOf('References')));
    for (const ref of doc.evidence) expect(references).toContain(squash(ref.citation.slice(0, 24)));
    expect(squash(whole)).toContain(squash("The evidence engine supports and does not replace the board's judgement."));
  });

  it('shows hostile text verbatim', () => {
    expect(squash(whole)).toContain(squash(`${HOSTILE_FAMILY}, ${HOSTILE_GIVEN}`));
    expect(squash(whole)).toContain(squash(`Is <img src=x onerror=alert(3)> & 'this' safe?`));
  });

  it('never splits a table row across pages: each row starts and ends on the same page', () => {
    let rows = 0;
    for (const c of doc.cases) {
      c.options.forEach((_o, k) => {
        const start = `ROWSTART_${c.item}_${k + 1}`;
        const end = `ROWEND_${c.item}_${k + 1}`;
        const startPages = texts.flatMap((t, i) => (t.includes(start) ? [i + 1] : []));
        const endPages = texts.flatMap((t, i) => (t.includes(end) ? [i + 1] : []));
        expect(startPages, start).toHaveLength(1);
        expect(endPages, `${start} starts on page ${startPages[0]}`).toEqual(startPages);
        rows++;
      });
    }
    expect(rows).toBeGreaterThan(60);
  });

  it('has a document outline: the title, then meeting, attendance, summary, one entry per case, evidence, sign-off', () => {
    const top = pdfOutline(minutesFile);
    expect(top).toHaveLength(1);
    // Chromium drops the space after the colon in the outline title; the words are all there.
    expect(squash(top[0]?.title ?? '')).toBe(squash(`${HOSTILE_BOARD}: minutes`));
    const titles = (top[0]?.kids ?? []).map((k) => k.title);
    expect(titles.slice(0, 4)).toEqual(['Meeting', 'Attendance', 'Summary of decisions', 'Overrides']);
    expect(titles.slice(4, 4 + CASES)).toEqual(doc.cases.map((c) => `${c.item}. ${c.patient.family_name}, ${c.patient.given_name}`));
    expect(titles.slice(4 + CASES)).toEqual(['References', 'Sign-off']);
  });
});

describe('outcome letter PDF', () => {
  it('passes the same checks and addresses the referring clinician about one case', () => {
    const info = pdfInfo(letterFile);
    expect(info.tagged).toBe(true);
    expect(qpdfCheck(letterFile).status).toBe(0);
    const letterTexts = pageTexts(letterFile, info.pages);
    letterTexts.forEach((t, i) => expect(t).toContain(`Page ${i + 1} of ${info.pages}`));
    for (const f of pdfFonts(letterFile)) {
      expect(f.name).toMatch(BUNDLED_FONT);
      expect(f.embedded).toBe(true);
    }
    const text = squash(letterTexts.join('\n'));
    const c = doc.cases[3];
    if (!c?.decision) throw new Error('fixture case 4 has a decision');
    expect(info.pages).toBeLessThanOrEqual(2);
    expect(text).toContain(squash('Dear Prof Gauthier,'));
    expect(text).toContain(squash(HOSTILE_FAMILY));
    expect(text).toContain(squash(c.decision.plan));
    for (const o of c.options) for (const id of o.evidence) expect(text).not.toContain(id);
    expect(text).toContain(squash('Full references are listed in the minutes'));
    expect(text).not.toContain(squash('Núñez, José'));
  });
});

describe('the renderer', () => {
  it('refuses to print when a bundled font fails to load, naming it', async () => {
    const html = buildMinutesHtml(sampleMinutes(1), { fontUrls: { regular: 'data:font/ttf;base64,AAAA', bold: 'data:font/ttf;base64,AAAA', oblique: 'data:font/ttf;base64,AAAA', boldOblique: 'data:font/ttf;base64,AAAA' } });
    await expect(renderer.render(html)).rejects.toThrow(/bundled font\(s\) failed to load: TB DejaVu Sans/);
  });

  it('runs no script and fetches nothing', async () => {
    const html = `<!DOCTYPE html><html><body><p id="x">static</p><script>document.body.textContent = 'SCRIPT RAN'</script><img src="https://example.invalid/x.png"></body></html>`;
    const text = (await renderer.render(html, { tagged: false })).length;
    expect(text).toBeGreaterThan(500);
    const file = path.join(dir, 'noscript.pdf');
    writeFileSync(file, await renderer.render(html));
    expect(pdfText(file)).toContain('static');
    expect(pdfText(file)).not.toContain('SCRIPT RAN');
  });

  it('finds Chromium at $CHROMIUM or the usual paths, and names what to install when there is none', () => {
    expect(findChromium({ CHROMIUM: '/opt/x/chrome' }, (p) => p === '/opt/x/chrome')).toBe('/opt/x/chrome');
    expect(findChromium({}, (p) => p === '/usr/bin/chromium-browser')).toBe('/usr/bin/chromium-browser');
    expect(() => findChromium({}, () => false)).toThrow(ChromiumNotFoundError);
    expect(() => findChromium({}, () => false)).toThrow(/apt-get install chromium.*set CHROMIUM/);
    expect(() => findChromium({ CHROMIUM: '/nope' }, () => false)).toThrow(/CHROMIUM=\/nope \(does not exist\)/);
  });

  it('renderPdf launches, renders and closes in one call', async () => {
    const pdf = await renderPdf('<!DOCTYPE html><p>one</p>', { tagged: false, outline: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);
});
