/**
 * Clinical plausibility of a case's dates (issue 13): what cannot be true is refused, naming the field as the
 * form labels it. Calendar validity is checked at the edge (zod); these rules need today and the birth date.
 * Age is derived from the birth date: an entered age that contradicts it (by more than the year it may have
 * been recorded in) is refused, naming both.
 */
import { ageOn, formatDay, type Clock } from '../time/clock';

export const EARLIEST_BIRTH_DATE = '1900-01-01';

export interface DatedCase {
  birth_date: string | null | undefined;
  last_imaging_date: string | null | undefined;
  last_labs_date: string | null | undefined;
  age: number | null | undefined;
}

export interface DateProblem {
  /** The API path of the field to blame. */
  field: 'patient.birth_date' | 'case.last_imaging_date' | 'case.last_labs_date' | 'case.facts.age';
  message: string;
}

/** Every implausible date of a case, in form order (empty when all is well). */
export function implausibleDates(c: DatedCase, today: string, clock: Clock): DateProblem[] {
  const day = (d: string) => formatDay(d, clock);
  const problems: DateProblem[] = [];
  const birth = c.birth_date ?? null;
  if (birth !== null) {
    if (birth < EARLIEST_BIRTH_DATE) problems.push({ field: 'patient.birth_date', message: `Date of birth ${day(birth)} is before 1900: check the year.` });
    else if (birth > today) problems.push({ field: 'patient.birth_date', message: `Date of birth ${day(birth)} is in the future (today is ${day(today)}).` });
  }
  const dated = [['case.last_imaging_date', 'Date of latest imaging', c.last_imaging_date], ['case.last_labs_date', 'Date of latest labs', c.last_labs_date]] as const;
  for (const [field, label, value] of dated) {
    if (!value) continue;
    if (value > today) problems.push({ field, message: `${label} ${day(value)} is in the future (today is ${day(today)}).` });
    else if (birth !== null && value < birth) problems.push({ field, message: `${label} ${day(value)} is before the date of birth ${day(birth)}.` });
  }
  if (birth !== null && birth <= today && c.age !== null && c.age !== undefined) {
    const derived = ageOn(birth, today);
    if (Math.abs(derived - c.age) > 1) {
      problems.push({ field: 'case.facts.age', message: `Age ${c.age} contradicts the date of birth ${day(birth)} (${derived} years today): correct one of them.` });
    }
  }
  return problems;
}

/** The age the engine uses: derived from the birth date when there is one, else as entered. */
export function derivedAge(birth: string | null | undefined, entered: number | null | undefined, today: string): number | undefined {
  if (birth && birth <= today) return ageOn(birth, today);
  return entered ?? undefined;
}
