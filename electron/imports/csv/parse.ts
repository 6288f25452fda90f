/**
 * RFC 4180 parsing through papaparse: quoted fields, embedded newlines, CRLF or LF, a UTF-8 byte-order mark,
 * and `;` or `,` as the separator (detected from the header line, outside quotes). Rows come back as arrays
 * of strings with their spreadsheet row number (the header is row 1), so every later problem can name it.
 */
import Papa from 'papaparse';
import type { ImportProblem } from '../../../shared/domain/imports';

export interface ParsedCsv {
  delimiter: ';' | ',' | '\t';
  headers: string[];
  /** Data rows; `row` is the spreadsheet row number (2 = first data row). */
  rows: { row: number; cells: string[] }[];
  problems: ImportProblem[];
}

/** Picks the separator that occurs most often in the header line, counting only outside quotes. */
export function detectDelimiter(text: string): ';' | ',' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

export function parseCsv(content: string): ParsedCsv {
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  const delimiter = detectDelimiter(text);
  const problems: ImportProblem[] = [];
  if (text.trim() === '') {
    return { delimiter, headers: [], rows: [], problems: [{ row: 1, column: '', message: 'the file is empty' }] };
  }
  const result = Papa.parse<string[]>(text, { delimiter, quoteChar: '"', escapeChar: '"', skipEmptyLines: false, header: false });
  const data = result.data;
  // Drop the blank lines a spreadsheet leaves at the end (and any fully empty row), keeping row numbers.
  const indexed = data.map((cells, i) => ({ row: i + 1, cells })).filter((r) => !(r.cells.length === 1 && (r.cells[0] ?? '').trim() === ''));
  for (const e of result.errors) {
    // papaparse counts data rows from 0 (header = 0 here, since header: false).
    const row = (e.row ?? 0) + 1;
    if (e.code === 'UndetectableDelimiter') continue;
    problems.push({ row, column: '', message: `${e.message}${e.code === 'MissingQuotes' ? ' (a quoted field is not closed)' : ''}` });
  }
  const headerRow = indexed.shift();
  const headers = (headerRow?.cells ?? []).map((h) => h.trim());
  if (headers.length === 0 || headers.every((h) => h === '')) {
    problems.push({ row: 1, column: '', message: 'the first row must hold the column names' });
  }
  headers.forEach((h, i) => {
    if (h === '') problems.push({ row: 1, column: `column ${i + 1}`, message: 'has no name' });
    else if (headers.indexOf(h) !== i) problems.push({ row: 1, column: h, message: 'appears twice in the header' });
  });
  const rows = indexed.map((r) => {
    if (r.cells.length !== headers.length) {
      problems.push({ row: r.row, column: '', message: `has ${r.cells.length} field(s), the header has ${headers.length}` });
    }
    return r;
  });
  return { delimiter, headers, rows, problems };
}
