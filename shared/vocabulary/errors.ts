/**
 * Error messages in a clinician's words: the field named as the form labels it ("Tumour diameter (mm) must be at
 * least 0"), never a path (`current[0].diameter_mm`) or a schema library's default text ("Too big: expected number
 * to be <=4"). The core reports `{ message, field }`; screens pass both through `readableError`, with the labels of
 * their own form where they have them.
 */
import { DECISION_FIELD_LABELS } from './meeting';
import { FACT_VOCABULARY, factLabel } from './facts';
import { humanise } from './humanise';

/** Fields outside the clinical facts, as the forms label them. */
export const FIELD_WORDS: Readonly<Record<string, string>> = {
  identifier: 'Identifier (MRN)', family_name: 'Family name', given_name: 'Given name', birth_date: 'Date of birth', sex: 'Sex',
  referring_clinician: 'Referring clinician', diagnosis: 'Diagnosis', question: 'Question for the board', status: 'Status',
  last_imaging_date: 'Date of latest imaging', last_labs_date: 'Date of latest labs',
  scheduled_at: 'Date and time', location: 'Location', video_link: 'Video link', board: 'Board', board_id: 'Board',
  chair_profile_id: 'Chair', coordinator_profile_id: 'Coordinator', attendees: 'Attendees', minutes_allotted: 'Minutes allotted',
  presenter: 'Presenter', override_reason: 'Reason for the override', reason: 'Reason', pin: 'PIN', password: 'Password',
  time_zone: 'Time zone', locale: 'Language and region', hospital: 'Hospital', address: 'Address', logo: 'Logo',
  date: 'Date', grade: 'Grade', term: 'Term', note: 'Note', modality: 'Imaging modality', name: 'Name', role: 'Role', specialty: 'Specialty',
  ...DECISION_FIELD_LABELS,
};

const LESION_PARTS: Readonly<Record<string, string>> = {
  diameter_mm: 'diameter (mm)', viable_diameter_mm: 'diameter (mm)', organ: 'organ', id: 'name', node: 'lymph node',
};

/** `current[0].diameter_mm` and `current.0.diameter_mm` alike, as dotted segments. */
function segments(path: string): string[] {
  return path.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean);
}

/** The label a form shows for a field path, or null when nothing names it. */
export function fieldPathLabel(path: string): string | null {
  const parts = segments(path);
  if (parts.length === 0) return null;
  // Target lesions of a response assessment: "Lesion 1 current diameter (mm)".
  const at = parts.findIndex((p) => p === 'baseline' || p === 'current');
  const index = parts[at + 1];
  const part = parts[at + 2];
  if (at >= 0 && index !== undefined && /^\d+$/.test(index) && part !== undefined) {
    return `Lesion ${Number(index) + 1} ${parts[at]} ${LESION_PARTS[part] ?? humanise(part).toLowerCase()}`;
  }
  const last = parts.at(-1) ?? '';
  const numbered = /^\d+$/.test(last) ? parts.at(-2) : undefined;
  const key = numbered ?? last;
  const found = Object.hasOwn(FACT_VOCABULARY, key) ? factLabel(key) : FIELD_WORDS[key] ?? null;
  if (found === null && /^\d+$/.test(key)) return null;
  const label = found ?? humanise(key);
  if (numbered !== undefined) return `${label} (entry ${Number(last) + 1})`;
  // A field of a row in a list ("attendees.2.name"): say which row.
  const row = parts.slice(0, -1).findLastIndex((p) => /^\d+$/.test(p));
  const list = row > 0 ? parts[row - 1] : undefined;
  if (row > 0 && list !== undefined) return `${label} (row ${Number(parts[row]) + 1} of ${FIELD_WORDS[list] ?? humanise(list)})`;
  return label;
}

const NUMBER = String.raw`(-?[\d.]+(?:e[+-]?\d+)?)`;
const REWRITES: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [new RegExp(String.raw`^Too big: expected number to be <=${NUMBER}$`, 'i'), (m) => `must be at most ${m[1]}`],
  [new RegExp(String.raw`^Too big: expected number to be <${NUMBER}$`, 'i'), (m) => `must be less than ${m[1]}`],
  [new RegExp(String.raw`^Too small: expected number to be >=${NUMBER}$`, 'i'), (m) => `must be at least ${m[1]}`],
  [new RegExp(String.raw`^Too small: expected number to be >${NUMBER}$`, 'i'), (m) => `must be more than ${m[1]}`],
  [/^Too small: expected string to have >=1 characters?$/i, () => 'is required'],
  [/^Too small: expected string to have >=(\d+) characters?$/i, (m) => `must have at least ${m[1]} characters`],
  [/^Too big: expected string to have <=(\d+) characters?$/i, (m) => `must have at most ${m[1]} characters`],
  [/^Too small: expected array to have >=(\d+) items?$/i, (m) => (m[1] === '1' ? 'needs at least one entry' : `needs at least ${m[1]} entries`)],
  [/^Too big: expected array to have <=(\d+) items?$/i, (m) => `may list at most ${m[1]} entries`],
  [/^Invalid input: expected \w+, received undefined$/i, () => 'is required'],
  [/^Invalid input: expected int, received \w+$/i, () => 'must be a whole number'],
  [/^Invalid input: expected number, received \w+$/i, () => 'must be a number'],
  [/^Invalid input: expected string, received \w+$/i, () => 'must be text'],
  [/^Invalid input: expected boolean, received \w+$/i, () => 'must be yes or no'],
  [/^Invalid input: expected .*$/i, () => 'has a value of the wrong kind'],
  [/^Invalid option: expected one of .*$/i, () => 'is not one of the choices'],
  [/^Invalid (?:ISO )?date(?:time)?.*$/i, () => 'must be a valid date'],
  [/^Invalid string: .*$/i, () => 'is not in the expected form'],
  [/^Unrecognized keys?: (.*)$/i, () => 'holds an unexpected entry'],
  [/^must be a finite number$/i, () => 'must be a number'],
  [new RegExp(String.raw`^must be ≥ ${NUMBER}(.*)$`), (m) => `must be at least ${m[1]}${m[2] ?? ''}`],
  [new RegExp(String.raw`^must be ≤ ${NUMBER}(.*)$`), (m) => `must be at most ${m[1]}${m[2] ?? ''}`],
  [new RegExp(String.raw`^must be > ${NUMBER}(.*)$`), (m) => `must be more than ${m[1]}${m[2] ?? ''}`],
];

/** A problem in words: the schema library's and the calculators' terse texts rewritten; our own messages kept. */
export function readableProblem(problem: string): string {
  const text = problem.trim();
  for (const [re, words] of REWRITES) {
    const m = re.exec(text);
    if (m) return words(m);
  }
  return text;
}

const FOLLOWS_LABEL = /^(must|is|are|may|needs?|has|have|cannot|can't|should|holds?|contradicts)\b/;

/**
 * A failure as a person reads it: `"current[0].diameter_mm: must be ≥ 0 (got -1)"` with field
 * `current[0].diameter_mm` → "Lesion 1 current diameter (mm) must be at least 0 (got -1)". `labels` are the
 * form's own labels by field path (they win over the vocabulary's).
 */
export function readableError(message: string, field?: string | null, labels?: Readonly<Record<string, string>>): string {
  let problem = message.trim();
  let path = field ?? null;
  // The core prefixes the path ("a.b: problem"); take it off, in whichever notation it came.
  const prefix = /^([A-Za-z_][\w]*(?:(?:\.\w+)|(?:\[\d+\]))*): (.+)$/s.exec(problem);
  if (prefix?.[1] && prefix[2] && (path === null || segments(prefix[1]).join('.') === segments(path).join('.') || /[._[]/.test(prefix[1]))) {
    path ??= prefix[1];
    problem = prefix[2];
  }
  problem = readableProblem(problem);
  if (!path) return problem;
  const dotted = segments(path).join('.');
  const label = labels?.[path] ?? labels?.[dotted] ?? fieldPathLabel(path);
  if (!label) return problem;
  return FOLLOWS_LABEL.test(problem) ? `${label} ${problem}` : `${label}: ${problem}`;
}
