/**
 * The facts a clinician reads first about a case (presentation mode and the case overview): performance status,
 * liver function scores, liver burden, lung shunt, line of therapy, and the date of the imaging and labs with
 * their age. Labels are the vocabulary's; a missing fact says so instead of leaving a blank.
 */
import type { CaseFacts } from '../../../shared/facts/facts';
import type { EngineDerived } from '../../../shared/engine';
import { factValueLabel } from '../../../shared/vocabulary';
import { formatDay, relativeDays, todayIn, useClock } from '../clock';

export function KeyFacts({ facts, derived, imaging, labs, className = 'present-facts', extra = [] }: {
  facts: CaseFacts; derived: EngineDerived | null; imaging: string | null; labs: string | null; className?: string;
  /** Further rows after the standard ones (label, value). */
  extra?: readonly (readonly [string, string])[];
}) {
  const clock = useClock();
  const today = todayIn(clock.time_zone);
  const when = (d: string | null): string => (d ? `${formatDay(d, clock)} (${relativeDays(d, today)})` : 'not recorded');
  const burden = [
    facts.liver_replacement_pct != null ? `${facts.liver_replacement_pct} % of liver` : null,
    facts.lesion_count != null ? `${facts.lesion_count} lesion${facts.lesion_count === 1 ? '' : 's'}` : null,
  ].filter(Boolean).join(', ');
  const rows: (readonly [string, string])[] = [
    ['ECOG', facts.ecog != null ? String(facts.ecog) : 'not recorded'],
    ['Child-Pugh', derived?.child_pugh_class ? `${derived.child_pugh_class} (${derived.child_pugh_score ?? '?'})` : 'not computed'],
    ['ALBI', derived?.albi_grade != null ? `grade ${derived.albi_grade}` : 'not computed'],
    ['Liver burden', burden || 'not recorded'],
    ['Lung shunt fraction', facts.lung_shunt_fraction_pct != null ? `${facts.lung_shunt_fraction_pct} %` : 'not recorded'],
    ['Line of therapy', facts.line_of_therapy ? factValueLabel('line_of_therapy', facts.line_of_therapy) : 'not recorded'],
    ...extra,
    ['Imaging', when(imaging)],
    ['Labs', when(labs)],
  ];
  return (
    <dl className={className}>
      {rows.map(([label, value]) => <div key={label}><dt>{label}</dt><dd>{value}</dd></div>)}
    </dl>
  );
}
