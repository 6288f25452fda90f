/** Poppler and qpdf, run on a PDF file: the checks every minutes/letter PDF must pass. */
import { execFileSync, spawnSync } from 'node:child_process';

export const pdfText = (file: string, page?: number): string =>
  execFileSync('pdftotext', [...(page === undefined ? [] : ['-f', String(page), '-l', String(page)]), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });

export function pdfInfo(file: string): { pages: number; tagged: boolean; raw: string } {
  const raw = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(raw)?.[1] ?? NaN), tagged: /^Tagged:\s+yes/m.test(raw), raw };
}

export interface PdfFont { name: string; type: string; embedded: boolean }

export function pdfFonts(file: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '');
  // Columns: name, type (may contain spaces), encoding, emb, sub, uni, object, id. Read from the right.
  return lines.map((line) => {
    const parts = line.trim().split(/\s+/);
    const emb = parts[parts.length - 5];
    return { name: parts[0] ?? '', type: parts.slice(1, parts.length - 6).join(' '), embedded: emb === 'yes' };
  });
}

export function qpdfCheck(file: string): { status: number; output: string } {
  const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  return { status: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
}

/** Text with all whitespace removed, to find a phrase whatever line breaks the layout gave it. */
export const squash = (s: string): string => s.replace(/\s+/g, '');

/** Runs every check of issue 5's acceptance on one PDF; returns the per-page texts for further checks. */
export function pageTexts(file: string, pages: number): string[] {
  return Array.from({ length: pages }, (_, i) => pdfText(file, i + 1));
}

/** Bundled families only: subset prefix + DejaVuSans and its bold/oblique faces. */
export const BUNDLED_FONT = /^[A-Z]{6}\+DejaVuSans(-Bold|-Oblique|-BoldOblique)?$/;

export interface OutlineItem { title: string; kids: OutlineItem[] }

/** The document outline (bookmarks), through qpdf's JSON. */
export function pdfOutline(file: string): OutlineItem[] {
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8' })) as { outlines: OutlineItem[] };
  const strip = (items: OutlineItem[]): OutlineItem[] => items.map((i) => ({ title: i.title, kids: strip(i.kids) }));
  return strip(json.outlines);
}

/** Page text in physical layout (table cells side by side on one line). */
export const pdfLayoutText = (file: string, page: number): string =>
  execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });

/**
 * Rows split across pages, found without markers: a table that goes on over a page break repeats its header
 * row, and the first line under that header must be the start of a row (its first cell, e.g. "3.2"). A row
 * split by the break would put the rest of its text there with an empty first cell. Returns "page N: line".
 */
export function splitRowsUnderHeaders(pageLayouts: readonly string[], header: RegExp, rowStart: RegExp): string[] {
  const problems: string[] = [];
  pageLayouts.forEach((text, p) => {
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (!header.test(line)) return;
      const next = lines.slice(i + 1).find((l) => l.trim() !== '');
      if (next === undefined || !rowStart.test(next)) problems.push(`page ${p + 1}: ${next?.trim() ?? '(nothing under the header)'}`);
    });
  });
  return problems;
}

export const OPTIONS_HEADER = /^\s*#\s+Option\s+Strength\s+Rationale\s+References\s*$/;
export const OPTIONS_ROW = /^\s*\d+\.\d+\s+\S/;
export const SUMMARY_HEADER = /^\s*#\s+Patient\s+MRN\s+Plan\s+Intent\s+Follow-up\s*$/;
export const SUMMARY_ROW = /^\s*\d+\s+\S/;
