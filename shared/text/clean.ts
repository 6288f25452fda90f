/**
 * Clean input at the edge. Text that reaches the database must be well-formed Unicode with no control
 * characters (a lone surrogate is stored as invalid UTF-8 and breaks the audit chain's hash for good; NUL,
 * ESC and C1 controls let stored text rewrite a terminal), and it must have one form (NFC) so that the same
 * name typed two ways hashes, sorts and searches the same. Bidirectional overrides make a name or identifier
 * display differently from what it holds ("Smith" shown for "htimS"), so they are refused there.
 *
 * `cleanInput` walks a whole request (the dispatcher applies it to every operation); `nameText` is the zod
 * refinement for names and identifiers.
 */
import type { z } from 'zod';

/** C0 and C1 controls other than tab (09), newline (0A) and CR (0D, allowed only as part of CRLF). */
const isRefusedControl = (code: number): boolean =>
  code <= 0x08 || code === 0x0b || code === 0x0c || (code >= 0x0e && code <= 0x1f) || (code >= 0x7f && code <= 0x9f);
/** The first control character text may not hold (a lone CR included), or null. */
function firstControl(text: string): number | null {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isRefusedControl(code) || (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) return code;
  }
  return null;
}
/** LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI: embeddings, overrides and isolates. */
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;

/** The first problem with `text`, in words, or null when it is clean. */
export function textProblem(text: string): string | null {
  if (LONE_SURROGATE.test(text)) return 'is not well-formed text (it holds a lone surrogate)';
  const code = firstControl(text);
  if (code !== null) {
    return code === 0 ? 'holds a NUL character' : `holds a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
  }
  return null;
}

export const hasBidiControl = (text: string): boolean => BIDI_CONTROL.test(text);

export class InputTextError extends Error {
  constructor(readonly field: string, readonly problem: string) {
    super(field ? `${field}: ${problem}` : problem);
    this.name = 'InputTextError';
  }
}

const MAX_DEPTH = 64;

/**
 * Returns a copy of `value` with every string (and object key) checked and NFC-normalised; throws
 * InputTextError naming the dotted path of the first bad string. Non-plain objects are left as they are.
 */
export function cleanInput(value: unknown, path: readonly string[] = []): unknown {
  if (path.length > MAX_DEPTH) throw new InputTextError(path.join('.'), 'is nested too deeply');
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) throw new InputTextError(path.join('.'), problem);
    return value.normalize('NFC');
  }
  if (Array.isArray(value)) return value.map((v, i) => cleanInput(v, [...path, String(i)]));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const problem = textProblem(key);
      if (problem) throw new InputTextError(path.join('.'), `a field name ${problem}`);
      out[key.normalize('NFC')] = cleanInput(v, [...path, key]);
    }
    return out;
  }
  return value;
}

/** Refinement for names and identifiers: no bidirectional embeddings, overrides or isolates. */
export const noBidi = <T extends z.ZodType<string>>(schema: T) =>
  schema.refine((s) => !hasBidiControl(s), 'may not hold right-to-left/left-to-right override characters');

/**
 * Printing stored text on a terminal: control and bidi characters become visible `\uXXXX` escapes, so a
 * stored ESC sequence cannot recolour, move the cursor or hide text. Tab and newline are kept.
 */
export function escapeForTerminal(text: string): string {
  let out = '';
  // By code point: a surrogate pair arrives whole (an emoji is kept); a lone surrogate arrives alone and is escaped.
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const escape = (code <= 0x1f && code !== 0x09 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f)
      || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || (code >= 0xd800 && code <= 0xdfff);
    out += escape ? `\\u${code.toString(16).padStart(4, '0')}` : ch;
  }
  return out;
}

/** A calendar date and a wall-clock time `YYYY-MM-DDTHH:MM`: 2026-02-30 or 29:59 are refused. */
export function isCalendarDateTime(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  return isCalendarDate(year, month, day) && hour <= 23 && minute <= 59;
}

export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}
