/**
 * The engine's sentences (option rationales, conflicts, "why this fact matters") carry rule ids (`S-PS`,
 * `R-CRC-04`), flag and option words (`POOR_PERFORMANCE_STATUS`, `Y90_TARE`) and strength words
 * (`not_recommended`) for traceability. A clinician reads them in words: rule ids come off (they stay available
 * as codes on demand), flags and options read as their labels, strengths as their labels.
 */
import { FLAG_INFO, OPTION_LABELS, STRENGTH_INFO } from './engine';
import { FACT_VOCABULARY } from './facts';

const RULE_ID = String.raw`[SR]-[A-Z0-9]+(?:-[A-Z0-9]+)*(?:\/\d+)*`;
const RULE_RE = new RegExp(String.raw`\b${RULE_ID}\b`, 'g');
const WORD_RE = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|\b(?:not_recommended|contraindicated|recommended|consider)\b/g;

/** The rule ids, flag and option words a text mentions (for a details toggle). */
export function codesIn(text: string): string[] {
  const found = [...text.matchAll(RULE_RE)].map((m) => m[0]);
  for (const m of text.matchAll(WORD_RE)) if (/_/.test(m[0]) && /[A-Z]/.test(m[0])) found.push(m[0]);
  return [...new Set(found)];
}

function word(w: string): string {
  if (Object.hasOwn(FLAG_INFO, w)) return `the warning “${FLAG_INFO[w as keyof typeof FLAG_INFO].title}”`;
  if (Object.hasOwn(OPTION_LABELS, w)) return OPTION_LABELS[w as keyof typeof OPTION_LABELS];
  if (Object.hasOwn(STRENGTH_INFO, w)) return STRENGTH_INFO[w as keyof typeof STRENGTH_INFO].label.toLowerCase();
  return w.replace(/_/g, ' ').toLowerCase();
}

const SNAKE_RE = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g;
let valueWords: Map<string, string> | null = null;

/** A fact key as its label, a fact's value word as its label, anything else with spaces. */
function snake(w: string): string {
  if (Object.hasOwn(FACT_VOCABULARY, w)) return FACT_VOCABULARY[w as keyof typeof FACT_VOCABULARY].label;
  if (!valueWords) {
    valueWords = new Map();
    for (const f of Object.values(FACT_VOCABULARY)) for (const [k, v] of Object.entries(f.values ?? {})) if (!valueWords.has(k)) valueWords.set(k, v.toLowerCase());
  }
  return valueWords.get(w) ?? w.replace(/_/g, ' ');
}

/** An engine sentence in a clinician's words. */
export function engineTextInWords(text: string): string {
  let s = text;
  // "could make … not_recommended: S-PS (ECOG ≥ 3 …); also R-CRC-04, POOR_PERFORMANCE_STATUS"
  const also = /;\s*also\s+([^;]*)$/.exec(s);
  if (also?.[1] !== undefined) {
    const flags = also[1].split(/\s*,\s*/).filter((w) => Object.hasOwn(FLAG_INFO, w));
    s = s.slice(0, also.index) + (flags.length ? `; it may also raise ${flags.map((f) => `“${FLAG_INFO[f as keyof typeof FLAG_INFO].title}”`).join(', ')}` : '');
  }
  s = s
    .replace(new RegExp(String.raw`^${RULE_ID}:\s*`), '') // a rationale's leading rule id
    .replace(new RegExp(String.raw`\s*\((?:${RULE_ID})(?:\s*,\s*${RULE_ID})*\)`, 'g'), '') // "(S-TACE-BILIARY)"
    .replace(new RegExp(String.raw`:\s*${RULE_ID}\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)`, 'g'), ': $1') // "…: S-PS (ECOG ≥ 3 …)"
    .replace(new RegExp(String.raw`\(${RULE_ID}\s+factors\)`, 'g'), '(the listed risk factors)')
    .replace(RULE_RE, 'a board rule')
    .replace(WORD_RE, word)
    .replace(SNAKE_RE, snake)
    .replace(/\s{2,}/g, ' ')
    .trim();
  return s;
}
