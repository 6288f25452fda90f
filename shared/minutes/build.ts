/**
 * Pieces of the minutes document made from stored data: the options table, flags and scores from an engine
 * snapshot (what the board saw), a clinical summary from the case facts, and the document's evidence list and
 * engine line from its cases. Pure; used by the database loader and by the sample documents.
 */
import type { CaseFacts } from '../facts/facts';
import { PRIMARY_TUMOR_LABELS } from '../vocabulary';
import { CATALOGUE_VERSION, DISCLAIMER, formatCitation, getEvidence } from '../engine';
import type { EngineOutput } from '../engine/schema';
import { DERIVED_SOURCES, engineTextInWords, factLabel, factValueLabel, flagLabel, optionLabel } from '../vocabulary';
import type { EngineDerived } from '../engine/schema';
import { machineClock, type Clock } from '../time/clock';
import {
  citedReferences, DEFAULT_CONFIDENTIALITY, type MinutesAttendee, type MinutesCase, type MinutesDocument,
  type MinutesMeeting, type MinutesQuorum, type MinutesSignOff,
} from './model';

/** The options, flags, scores and engine version of one stored engine snapshot. */
export function fromSnapshot(snapshot: EngineOutput): Pick<MinutesCase, 'options' | 'flags' | 'derived' | 'engine_version' | 'missing_facts' | 'listing_override'> {
  return {
    options: snapshot.options.map((o) => ({
      // The engine's sentences in words (rule ids off, flag and option words as labels): the codes stay in the snapshot.
      option: o.option, label: optionLabel(o.option), strength: o.strength, rationale: engineTextInWords(o.rationale), evidence: [...o.evidence],
      // Conflicts between sources travel with the option into the signed record (snapshots without them: none).
      conflicts: (o.conflicts ?? []).map((c) => ({ summary: engineTextInWords(c.summary), sides: c.sides.map((sd) => ({ position: engineTextInWords(sd.position), evidence: [...sd.evidence] })) })),
    })),
    flags: snapshot.flags.map((f) => ({ word: f, label: flagLabel(f) })),
    derived: derivedRows(snapshot.derived),
    missing_facts: snapshot.missing.map((m) => factLabel(m.field)),
    engine_version: snapshot.engine_version,
    listing_override: null,
  };
}

const yesNo = (b: boolean | null | undefined, yes: string, no: string | null): string | null => (b == null ? null : b ? yes : no);

/** A few readable lines from the case facts, for the minutes' clinical summary. */
export function summaryFromFacts(facts: CaseFacts): string {
  const parts: (string | null)[] = [
    facts.primary_tumor ? `Primary: ${PRIMARY_TUMOR_LABELS[facts.primary_tumor]}` : null,
    facts.line_of_therapy ? `line of therapy: ${factValueLabel('line_of_therapy', facts.line_of_therapy).toLowerCase()}` : null,
    facts.prior_systemic_lines != null ? `prior systemic lines: ${facts.prior_systemic_lines}` : null,
    facts.ecog != null ? `ECOG ${facts.ecog}` : null,
    facts.age != null ? `age ${facts.age}` : null,
    yesNo(facts.liver_dominant, 'liver-dominant disease', 'disease not liver-dominant'),
    facts.extrahepatic_disease ? `extrahepatic disease: ${factValueLabel('extrahepatic_disease', facts.extrahepatic_disease).toLowerCase()}` : null,
    facts.lesion_count != null ? `${facts.lesion_count} liver lesion(s)` : null,
    facts.liver_replacement_pct != null ? `liver replacement ${facts.liver_replacement_pct} %` : null,
    yesNo(facts.bilobar, 'bilobar', null),
    facts.bclc_stage ? `BCLC ${facts.bclc_stage}` : null,
    facts.net_grade ? `NET ${facts.net_grade}${facts.net_ki67_pct != null ? ` (Ki-67 ${facts.net_ki67_pct} %)` : ''}` : null,
    facts.portal_vein && facts.portal_vein !== 'patent' ? `portal vein: ${factValueLabel('portal_vein', facts.portal_vein).toLowerCase()}` : null,
  ];
  const labs: (string | null)[] = [
    facts.bilirubin_mg_dl != null ? `bilirubin ${facts.bilirubin_mg_dl} mg/dL` : null,
    facts.albumin_g_dl != null ? `albumin ${facts.albumin_g_dl} g/dL` : null,
    facts.inr != null ? `INR ${facts.inr}` : null,
    facts.creatinine_mg_dl != null ? `creatinine ${facts.creatinine_mg_dl} mg/dL` : null,
    facts.lung_shunt_fraction_pct != null ? `lung shunt fraction ${facts.lung_shunt_fraction_pct} %` : null,
  ];
  const first = parts.filter((p): p is string => p !== null && p !== '').join('; ');
  const second = labs.filter((p): p is string => p !== null).join('; ');
  return [first && `${first}.`, second && `Labs: ${second}.`].filter(Boolean).join('\n');
}

/** The default quorum rule of issue 4: these specialties must be present. */
export const DEFAULT_QUORUM = ['Medical oncology', 'Interventional radiology', 'Surgery', 'Diagnostic radiology'] as const;

/** The quorum statement from the attendance and the required specialties (labels, compared case-insensitively). */
export function quorumOf(attendees: readonly MinutesAttendee[], required: readonly string[] = DEFAULT_QUORUM): MinutesQuorum {
  const present = new Set(attendees.filter((a) => a.attendance === 'attended').map((a) => a.specialty.toLowerCase()));
  return quorumStatement(attendees, required, required.filter((r) => !present.has(r.toLowerCase())));
}

/** The quorum as recorded (required and missing specialties, labels) with its sentence. */
export function quorumStatement(attendees: readonly MinutesAttendee[], required: readonly string[], missing: readonly string[]): MinutesQuorum {
  const list = (xs: readonly string[]) => xs.join(', ');
  const attended = attendees.filter((a) => a.attendance === 'attended').length;
  const apologies = attendees.filter((a) => a.attendance === 'apologies').length;
  return {
    met: missing.length === 0,
    required: [...required],
    missing: [...missing],
    statement: missing.length === 0
      ? `Required specialties present: ${required.length ? list(required) : 'none required'}. ${attended} attended, ${apologies} sent apologies.`
      : `Required specialties absent: ${list(missing)}. Decisions were recorded without a full quorum.`,
  };
}

/** Evidence references (from the catalogue) for ids the cases cite, in order of first citation. */
export function referencesFor(cases: readonly Pick<MinutesCase, 'options'>[]) {
  return citedReferences(cases, (id) => {
    const r = getEvidence(id);
    return r ? { citation: formatCitation(r), short_name: r.short_name } : undefined;
  });
}

export interface DocumentParts {
  /** The board's clock; the machine's when not given. */
  clock?: Clock;
  meeting: MinutesMeeting;
  attendees: MinutesAttendee[];
  cases: MinutesCase[];
  sign_off: MinutesSignOff | null;
  generated_at: string;
  quorum?: MinutesQuorum;
  confidentiality?: string;
}

/** Completes a document: quorum (unless given), evidence cited, engine line, PDF status. */
export function assembleMinutes(parts: DocumentParts): MinutesDocument {
  const versions = [...new Set(parts.cases.map((c) => c.engine_version).filter((v): v is string => v !== null))].sort();
  return {
    clock: parts.clock ?? machineClock(),
    meeting: parts.meeting,
    attendees: parts.attendees,
    quorum: parts.quorum ?? quorumOf(parts.attendees),
    cases: parts.cases,
    evidence: referencesFor(parts.cases),
    engine: { engine_versions: versions, catalogue_version: CATALOGUE_VERSION, disclaimer: DISCLAIMER },
    sign_off: parts.sign_off,
    pdf: parts.sign_off
      ? { state: 'signed', note: 'Signed minutes: read-only. The SHA-256 of each exported PDF of these minutes is recorded in the audit log.' }
      : { state: 'not_signed', note: 'Draft minutes: not the record of the meeting until the chair signs them.' },
    generated_at: parts.generated_at,
    confidentiality: parts.confidentiality ?? DEFAULT_CONFIDENTIALITY,
  };
}

/** The derived scores as the minutes list them, each with its source; scores that could not be computed are left out. */
export function derivedRows(d: EngineDerived): { label: string; value: string }[] {
  const rows: { label: string; value: string }[] = [];
  // `!= null`: snapshots stored before a score existed lack its key.
  const add = (label: string, value: string, source: string): void => { rows.push({ label, value: `${value} (${source})` }); };
  if (d.child_pugh_class != null && d.child_pugh_score != null) add('Child-Pugh', `${d.child_pugh_class} (${d.child_pugh_score})`, DERIVED_SOURCES.child_pugh);
  if (d.albi_score != null && d.albi_grade != null) add('ALBI', `grade ${d.albi_grade} (${d.albi_score.toFixed(2)})`, DERIVED_SOURCES.albi);
  if (d.meld != null) add('MELD', String(d.meld), DERIVED_SOURCES.meld);
  if (d.meld_na != null) add('MELD-Na', String(d.meld_na), DERIVED_SOURCES.meld_na);
  if (d.bsa_m2 != null) add('BSA', `${d.bsa_m2.toFixed(2)} m²`, DERIVED_SOURCES.bsa);
  if (d.bclc_stage_derived != null) add('BCLC stage (derived)', d.bclc_stage_derived, DERIVED_SOURCES.bclc);
  if (d.milan != null) add('Milan criteria', d.milan, DERIVED_SOURCES.milan);
  if (d.ucsf != null) add('UCSF criteria', d.ucsf, DERIVED_SOURCES.ucsf);
  if (d.up_to_seven != null) add('Up-to-seven', d.up_to_seven, DERIVED_SOURCES.up_to_seven);
  if (d.fong_score != null) add('Fong clinical risk score', `${d.fong_score} of 5`, DERIVED_SOURCES.fong);
  if (d.flr_threshold_pct != null) add('Future-liver-remnant threshold', `${d.flr_threshold_pct} %`, DERIVED_SOURCES.flr);
  return rows;
}
