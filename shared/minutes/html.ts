/**
 * The one builder of the minutes and of the outcome letter: pure functions from the document model to a
 * complete HTML page with print CSS. Chromium (page.pdf in the CLI and tests, webContents.printToPDF in the
 * app) turns it into the PDF; the app's preview shows the same HTML.
 *
 * - A4 with CSS `@page` margin boxes: running header (board, date, DRAFT until signed), running footer
 *   (confidentiality notice, "Page X of Y"). A diagonal DRAFT watermark on every page until the chair signs.
 * - Fonts: the bundled DejaVu faces through `@font-face` (URLs given by the caller: data: or file: URLs of the
 *   TTFs of `dejavu-fonts-ttf`), under a family name of our own so a system font can never stand in silently.
 * - Tables repeat their header row on every page, a row is never split across pages, headings stay with what
 *   follows them.
 * - Every piece of text is HTML-escaped (and CSS-escaped in the margin boxes); the page has no script at all,
 *   and its Content-Security-Policy forbids scripts should anything ever slip through.
 */
import { isDraft, type MinutesCase, type MinutesDocument, type MinutesMeeting, type MinutesSignOff, type OutcomeLetter, type EvidenceReference } from './model';
import { strengthLabel } from '../vocabulary';
import { formatDay, formatInstant as clockInstant, formatWall, type Clock } from '../time/clock';
import { STRENGTH_NOTICE } from '../engine/vocabulary';

/** URLs of the bundled font faces (data: or file: URLs). `null` for a screen preview without embedded fonts. */
export interface FontUrls {
  regular: string;
  bold: string;
  /** The pages use no italics; give these only if they ever do (each face adds ~0.8 MB of HTML to parse). */
  oblique?: string;
  boldOblique?: string;
}

export interface BuildOptions {
  fontUrls: FontUrls | null;
  /**
   * `inline` (the default; the PDF): the stylesheet in a `<style>` element. `none`: no `<style>` element, for a
   * screen preview under a CSP that forbids inline styles; the caller applies `minutesStylesheet()` or
   * `letterStylesheet()` itself (e.g. as a constructed stylesheet).
   */
  styles?: 'inline' | 'none';
}

/** The family name the pages use; only our @font-face rules define it. */
export const FONT_FAMILY = 'TB DejaVu Sans';

export const ENGINE_SUPPORT_LINE = "The evidence engine supports and does not replace the board's judgement.";

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * A CSS string literal: every character other than ASCII letters, digits and space is written as a hex escape,
 * so no quote, backslash, newline or `</style>` can end the string or the style element.
 */
export function cssString(text: string): string {
  let out = '"';
  for (const ch of text) {
    out += /^[A-Za-z0-9 ]$/.test(ch) ? ch : `\\${(ch.codePointAt(0) ?? 0x3f).toString(16)} `;
  }
  return `${out}"`;
}

/** A base64 data: URL holds only characters that are safe in a CSS string; anything else is fully escaped. */
const SAFE_DATA_URL = /^data:[a-z]+\/[a-z0-9.+-]+;base64,[A-Za-z0-9+/]+=*$/;
const cssUrl = (url: string): string => (SAFE_DATA_URL.test(url) ? `"${url}"` : cssString(url));

/** A calendar date as the board reads it ("12 Mar 2027" in en-GB). */
export const formatDate = (iso: string, clock: Clock): string => formatDay(iso, clock);

/** An instant in the board's zone ("12 Mar 2027, 18:42 CET"). */
export const formatInstant = (iso: string, clock: Clock): string => clockInstant(iso, clock);

const t = escapeHtml;
const orDash = (s: string | null | undefined): string => (s === null || s === undefined || s.trim() === '' ? '—' : t(s));
/** Multi-line text: paragraphs kept, lines kept. */
const para = (s: string): string => (s.trim() === '' ? '<p class="none">—</p>' : s.trim().split(/\n\s*\n/).map((p) => `<p>${t(p).replace(/\n/g, '<br>')}</p>`).join(''));

export const patientName = (p: { family_name: string; given_name: string }): string =>
  p.given_name.trim() === '' ? p.family_name : `${p.family_name}, ${p.given_name}`;

/** "12 Mar 2027, 16:00 CET" (with "–18:00" when the end is known): the board's wall clock with its zone. */
function meetingWhen(m: MinutesMeeting, clock: Clock): string {
  if (!m.start_time) return formatDate(m.date, clock);
  const start = formatWall(`${m.date}T${m.start_time}`, clock);
  return m.end_time ? `${start} (until ${m.end_time})` : start;
}

function fontFaces(urls: FontUrls | null): string {
  if (!urls) return '';
  const face = (url: string, weight: number, style: string) =>
    `@font-face{font-family:${cssString(FONT_FAMILY)};src:url(${cssUrl(url)}) format("truetype");font-weight:${weight};font-style:${style};font-display:block}`;
  return [
    face(urls.regular, 400, 'normal'), face(urls.bold, 700, 'normal'),
    urls.oblique ? face(urls.oblique, 400, 'italic') : '', urls.boldOblique ? face(urls.boldOblique, 700, 'italic') : '',
  ].filter(Boolean).join('\n');
}

interface Running {
  left: string;
  right: string;
  footer: string;
}

/** The styles the minutes and the letter share. */
function styles(fonts: FontUrls | null, running: Running, draft: boolean): string {
  const family = `${cssString(FONT_FAMILY)}, sans-serif`;
  const box = `font-family:${family};font-size:7.5pt;color:#333`;
  return `
${fontFaces(fonts)}
@page {
  size: A4;
  margin: 18mm 15mm 18mm 15mm;
  @top-left { content: ${cssString(running.left)}; ${box}; vertical-align: bottom; padding-bottom: 3mm; }
  @top-right { content: ${cssString(running.right)}; ${box}; vertical-align: bottom; padding-bottom: 3mm;${draft ? ' color:#b00000; font-weight:700;' : ''} }
  @bottom-left { content: ${cssString(running.footer)}; ${box}; vertical-align: top; padding-top: 3mm; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); ${box}; vertical-align: top; padding-top: 3mm; white-space: nowrap; }
}
html { font-family: ${family}; font-size: 9pt; line-height: 1.35; color: #111; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
h1 { font-size: 15pt; margin: 0 0 2mm; }
h2 { font-size: 11.5pt; margin: 6mm 0 2mm; padding-bottom: 1mm; border-bottom: 0.6pt solid #555; }
h3 { font-size: 9.5pt; margin: 3mm 0 1mm; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; break-inside: avoid; }
p { margin: 0 0 1.5mm; orphans: 3; widows: 3; }
.keep { break-inside: avoid; page-break-inside: avoid; }
.muted { color: #555; }
.none { color: #555; }
.support { border: 0.6pt solid #777; padding: 1.5mm 2.5mm; margin: 3mm 0; font-size: 8.5pt; break-inside: avoid; }
.conflict { margin-top: 1mm; font-size: 8pt; border-left: 1.2pt solid #777; padding-left: 1.5mm; }
table { width: 100%; border-collapse: collapse; margin: 1mm 0 2mm; table-layout: fixed; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr, td, th { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.5pt solid #999; padding: 1mm 1.5mm; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: #e8e8e8; font-weight: 700; font-size: 8pt; }
td { font-size: 8.5pt; }
dl.facts { display: grid; grid-template-columns: 34mm 1fr; gap: 0.6mm 3mm; margin: 0 0 2mm; }
dl.facts dt { font-weight: 700; }
dl.facts dd { margin: 0; }
.eid { white-space: nowrap; font-size: 7.5pt; }
.strength { font-weight: 700; font-size: 8pt; }
.s-recommended { color: #0b5d1e; }
.s-consider { color: #1f3f8f; }
.s-not_recommended { color: #8a4b00; }
.s-contraindicated { color: #9b0000; }
section.case { break-before: auto; margin-top: 7mm; border-top: 1.2pt solid #222; }
section.case > h2 { border-bottom: none; margin-top: 2mm; }
.decision { border: 0.8pt solid #222; padding: 1.5mm 2.5mm; margin: 2mm 0; }
.decision h3 { margin-top: 0; }
.watermark { position: fixed; top: 105mm; left: 20mm; width: 140mm; height: 40mm; transform: rotate(-38deg); z-index: 0; pointer-events: none; }
main { position: relative; z-index: 1; }
.signoff { border: 1pt solid #222; padding: 3mm; margin-top: 5mm; break-inside: avoid; }
.letterhead { display: flex; align-items: flex-start; gap: 4mm; border-bottom: 1pt solid #222; margin-bottom: 5mm; padding-bottom: 2mm; }
.lh-logo { width: 16mm; height: 16mm; object-fit: contain; }
.lh-text { flex: 1; }
.lh-text p { margin: 0; }
.lh-hospital { font-weight: 700; font-size: 11pt; }
.lh-board { font-size: 10pt; }
.lh-address { color: #333; font-size: 8.5pt; }
.lh-date { margin: 0; white-space: nowrap; }
.re { margin-top: 3mm; }
.small { font-size: 8pt; }
.override { border-left: 2pt solid #8a4b00; padding-left: 2mm; }
.refs-short { margin: 0 0 1.5mm; padding-left: 6mm; font-size: 8.5pt; }
.sig-name { margin-top: 6mm; }
.draft-note { color: #b00000; }
.signature { margin-top: 4mm; break-inside: avoid; }
col.c-refs { width: 22mm; } col.c-kind { width: 40mm; }
col.c-num { width: 10mm; } col.c-option { width: 32mm; } col.c-strength { width: 33mm; } col.c-evidence { width: 46mm; }
.nowrap { white-space: nowrap; }
col.c-item { width: 8mm; } col.c-patient { width: 38mm; } col.c-mrn { width: 24mm; } col.c-intent { width: 30mm; } col.c-date { width: 24mm; }
col.c-owner { width: 38mm; } col.c-att { width: 24mm; } col.c-spec { width: 52mm; } col.c-id { width: 52mm; } col.c-who { width: 34mm; } col.c-when { width: 36mm; }
`;
}

/**
 * The diagonal DRAFT watermark, drawn as strokes (not text): it repeats on every page (position: fixed) without
 * adding words to the PDF's text layer, so copying or searching the minutes never picks up stray letters.
 */
const WATERMARK = `<svg class="watermark" aria-hidden="true" focusable="false" viewBox="-10 -10 400 120" preserveAspectRatio="xMidYMid meet">
<g fill="none" stroke="rgb(176,0,0)" stroke-opacity="0.11" stroke-width="12" stroke-linejoin="round" stroke-linecap="round">
<path d="M0,0 L30,0 Q60,0 60,50 Q60,100 30,100 L0,100 Z"/>
<path d="M80,100 L80,0 L115,0 Q140,0 140,27 Q140,54 115,54 L80,54 M110,54 L140,100"/>
<path d="M160,100 L190,0 L220,100 M172,62 L208,62"/>
<path d="M300,0 L240,0 L240,100 M240,50 L285,50"/>
<path d="M320,0 L380,0 M350,0 L350,100"/>
</g>
</svg>`;

function page(title: string, css: string | null, body: string, draft: boolean): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; font-src data: file:; img-src data:">
<title>${t(title)}</title>
${css === null ? '' : `<style>${css}</style>\n`}</head>
<body>
${draft ? `${WATERMARK}\n` : ''}<main>
${body}
</main>
</body>
</html>
`;
}

/** Reference numbers of the evidence an option rests on ("[1, 4]"), numbered as the references list is. */
function refNumbers(ids: readonly string[], numbers: ReadonlyMap<string, number>): string {
  const ns = ids.map((id) => numbers.get(id)).filter((n): n is number => n !== undefined);
  return ns.length === 0 ? '<span class="none">none cited</span>' : `<span class="refs">[${ns.join(', ')}]</span>`;
}

const numbering = (refs: readonly EvidenceReference[]): Map<string, number> => new Map(refs.map((r, i) => [r.id, i + 1]));

function missingLine(c: MinutesCase): string {
  return c.missing_facts.length === 0 ? '' : `<p class="muted">Facts the engine lacked: ${c.missing_facts.map(t).join(', ')}.</p>`;
}

/** Where sources disagree on an option: shown with both sides, never resolved (EVIDENCE.md 2.1). */
function conflictLines(o: MinutesCase['options'][number], numbers: ReadonlyMap<string, number>): string {
  if (!o.conflicts || o.conflicts.length === 0) return '';
  return o.conflicts.map((c) => `<div class="conflict"><strong>Sources disagree:</strong> ${t(c.summary)}${c.sides.map((sd) => `<br>– ${t(sd.position)} (${refNumbers(sd.evidence, numbers)})`).join('')}</div>`).join('');
}

function optionsTable(c: MinutesCase, numbers: ReadonlyMap<string, number>): string {
  if (c.options.length === 0) return `<p class="none">The engine offered no options for this case.</p>${missingLine(c)}`;
  const rows = c.options.map((o, i) => `<tr>
<td class="nowrap">${c.item}.${i + 1}</td><td>${t(o.label)}</td><td class="strength s-${t(o.strength)}">${t(strengthLabel(o.strength))}</td><td>${t(o.rationale)}${conflictLines(o, numbers)}</td><td>${refNumbers(o.evidence, numbers)}</td>
</tr>`).join('\n');
  return `<table class="options">
<colgroup><col class="c-num"><col class="c-option"><col class="c-strength"><col><col class="c-refs"></colgroup>
<thead><tr><th>#</th><th>Option</th><th>Strength</th><th>Rationale</th><th>References</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>${missingLine(c)}`;
}

function overrideLine(c: MinutesCase, clock: Clock): string {
  const o = c.listing_override;
  if (!o) return '';
  const who = o.by ? ` Listed by ${t(o.by)}${o.at ? `, ${t(formatInstant(o.at, clock))}` : ''}.` : '';
  return `<p class="override"><strong>Listed although not ready (completeness-gate override).</strong> Reason: ${t(o.reason)}${who}</p>`;
}

function decisionBlock(c: MinutesCase, clock: Clock): string {
  const d = c.decision;
  if (!d) {
    return `<div class="decision keep"><h3>Decision</h3><p>${c.no_decision_note ? t(c.no_decision_note) : 'No decision recorded.'}</p></div>`;
  }
  const dissent = d.dissent.length === 0
    ? 'None recorded.'
    : d.dissent.map((x) => `${t(x.name)}${x.specialty ? ` (${t(x.specialty)})` : ''}: ${t(x.view)}`).join('<br>');
  const concordance = d.concordant === null ? null : d.concordant
    ? 'Plan matches an option the engine rated recommended or consider.'
    : 'Plan goes against the engine\'s rating (override).';
  return `<div class="decision keep">
<h3>Decision</h3>
<dl class="facts">
<dt>Plan</dt><dd><strong>${t(d.plan)}</strong></dd>
<dt>Intent</dt><dd>${t(d.intent)}</dd>
<dt>Rationale</dt><dd>${orDash(d.rationale)}</dd>
<dt>Consensus</dt><dd>${t(d.consensus)}</dd>
<dt>Dissent</dt><dd>${dissent}</dd>
${concordance ? `<dt>Engine</dt><dd>${concordance}${d.override_reason ? ` Reason: ${t(d.override_reason)}` : ''}</dd>` : ''}
${d.patient_preference_discussed === null ? '' : `<dt>Patient preference</dt><dd>${d.patient_preference_discussed ? 'Discussed' : 'Not discussed'}</dd>`}
<dt>Recorded</dt><dd>${t(d.recorded_by)}, ${t(formatInstant(d.recorded_at, clock))}</dd>
</dl>
</div>`;
}

function actionsBlock(c: MinutesCase, clock: Clock): string {
  const rows = c.actions.map((a) => `<tr><td>${t(a.description)}</td><td>${t(a.owner)}</td><td>${a.due_date ? t(formatDate(a.due_date, clock)) : '—'}</td></tr>`).join('\n');
  const table = c.actions.length === 0 ? '<p class="none">No actions recorded.</p>' : `<table class="actions">
<colgroup><col><col class="c-owner"><col class="c-date"></colgroup>
<thead><tr><th>Action</th><th>Owner</th><th>Due</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
  return `<h3>Actions</h3>
${table}
<p><strong>Follow-up:</strong> ${c.follow_up_date ? t(formatDate(c.follow_up_date, clock)) : 'none set'}</p>`;
}

function amendmentsBlock(c: MinutesCase, clock: Clock): string {
  if (c.amendments.length === 0) return '';
  const rows = c.amendments.map((a) => `<tr><td>${t(a.what)}</td><td>${t(a.reason)}</td><td>${t(a.by)}</td><td>${t(formatInstant(a.at, clock))}</td></tr>`).join('\n');
  return `<h3>Amendments</h3>
<table class="amendments">
<colgroup><col><col><col class="c-who"><col class="c-when"></colgroup>
<thead><tr><th>What changed</th><th>Reason</th><th>By</th><th>When</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

function patientFacts(c: MinutesCase, clock: Clock): string {
  const p = c.patient;
  return `<dl class="facts">
<dt>MRN</dt><dd>${t(p.mrn)}</dd>
<dt>Date of birth</dt><dd>${p.birth_date ? t(formatDate(p.birth_date, clock)) : 'not recorded'}</dd>
${p.sex ? `<dt>Sex</dt><dd>${t(p.sex)}</dd>` : ''}
<dt>Diagnosis</dt><dd>${orDash(c.diagnosis)}</dd>
<dt>Referred by</dt><dd>${orDash(c.referring_clinician)}</dd>
${c.presenter ? `<dt>Presented by</dt><dd>${t(c.presenter)}</dd>` : ''}
</dl>`;
}

/** The body of one case: identifiers, question, summary, scores, options, flags, decision, actions, amendments. */
function caseBody(c: MinutesCase, clock: Clock, numbers: ReadonlyMap<string, number>): string {
  const derived = c.derived.length === 0 ? '<p class="none">None computed (inputs missing).</p>'
    : `<p>${c.derived.map((d) => `${t(d.label)}: <strong>${t(d.value)}</strong>`).join(' · ')}</p>`;
  const flags = c.flags.length === 0 ? '<p class="none">None.</p>' : `<p>${c.flags.map((f) => t(f.label)).join(' · ')}</p>`;
  return `<div class="keep">${patientFacts(c, clock)}</div>
${overrideLine(c, clock)}
<div class="keep"><h3>Question for the board</h3>${para(c.question)}</div>
<h3>Clinical summary</h3>
${para(c.clinical_summary)}
<div class="keep"><h3>Derived scores</h3>${derived}</div>
<h3>Options as presented to the board${c.engine_version ? ` (evidence engine version ${t(c.engine_version)})` : ''}</h3>
${optionsTable(c, numbers)}
<div class="keep"><h3>Flags</h3>${flags}</div>
${decisionBlock(c, clock)}
${actionsBlock(c, clock)}
${amendmentsBlock(c, clock)}`;
}

function references(refs: readonly EvidenceReference[]): string {
  if (refs.length === 0) return '<p class="none">No evidence was cited.</p>';
  const rows = refs.map((r, i) => `<tr><td>${i + 1}</td><td>${t(r.citation)}</td></tr>`).join('\n');
  return `<table class="references">
<colgroup><col class="c-num"><col></colgroup>
<thead><tr><th>#</th><th>Reference</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

function supportLine(disclaimer: string): string {
  return `<p class="support"><strong>${t(ENGINE_SUPPORT_LINE)}</strong> ${t(disclaimer)} ${t(STRENGTH_NOTICE)} Each option lists the numbers of the references it rests on; the references are listed in full at the end.</p>`;
}

function engineLine(engine: MinutesDocument['engine']): string {
  const versions = engine.engine_versions.length === 0 ? 'not recorded' : engine.engine_versions.map(t).join(', ');
  return `Evidence engine version ${versions}${engine.catalogue_version ? `; evidence catalogue ${t(engine.catalogue_version)}` : ''}.`;
}

/** Where the signature sits in the audit log, so a printed copy can be checked against the database. */
function auditLine(signOff: MinutesSignOff): string {
  return signOff.audit
    ? `<p class="muted small">Audit record of the signature: entry ${signOff.audit.row}, fingerprint ${t(signOff.audit.hash)}.</p>`
    : '';
}

function signOff(doc: Pick<MinutesDocument, 'sign_off' | 'meeting' | 'clock'>): string {
  return doc.sign_off
    ? `<p><strong>Signed by ${t(doc.sign_off.name)}</strong>, chair, on ${t(formatInstant(doc.sign_off.signed_at, doc.clock))}.</p>${auditLine(doc.sign_off)}`
    : `<p><strong>DRAFT: not signed.</strong> These minutes become the meeting's record when the chair (${t(doc.meeting.chair)}) signs them.</p>`;
}

function runningFor(meeting: MinutesMeeting, clock: Clock, draft: boolean, kind: string, confidentiality: string): Running {
  return {
    left: `${meeting.board_name} · ${kind} · ${formatDate(meeting.date, clock)}`,
    right: draft ? 'DRAFT: not signed' : 'Signed',
    footer: confidentiality,
  };
}

/** Every completeness-gate override and every plan chosen against the engine's rating, for the record. */
function overridesSection(doc: MinutesDocument): string {
  const rows: string[] = [];
  for (const c of doc.cases) {
    const who = `${c.item}. ${patientName(c.patient)}`;
    if (c.listing_override) {
      rows.push(`<tr><td>${t(who)}</td><td>Listed although not ready</td><td>${t(c.listing_override.reason)}</td><td>${orDash(c.listing_override.by)}</td></tr>`);
    }
    if (c.decision && c.decision.concordant === false) {
      rows.push(`<tr><td>${t(who)}</td><td>Plan against the engine's rating</td><td>${orDash(c.decision.override_reason)}</td><td>${t(c.decision.recorded_by)}</td></tr>`);
    }
  }
  const body = rows.length === 0 ? '<p class="none">No overrides.</p>' : `<table class="overrides">
<colgroup><col class="c-patient"><col class="c-kind"><col><col class="c-who"></colgroup>
<thead><tr><th>Case</th><th>Override</th><th>Reason</th><th>By</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
  return `<section class="overrides">
<h2>Overrides</h2>
${body}
</section>`;
}

/** The minutes of one meeting as a complete HTML page. */
export function buildMinutesHtml(doc: MinutesDocument, options: BuildOptions): string {
  const draft = isDraft(doc);
  const m = doc.meeting;
  const clock = doc.clock;
  const numbers = numbering(doc.evidence);
  const attended = doc.attendees.filter((a) => a.attendance === 'attended');
  const apologies = doc.attendees.filter((a) => a.attendance === 'apologies');
  const attendeeRows = [...attended, ...apologies].map((a) => `<tr><td>${t(a.specialty)}</td><td>${t(a.name)}${a.role ? ` <span class="muted">(${t(a.role)})</span>` : ''}</td><td>${a.attendance === 'attended' ? 'Attended' : 'Apologies'}</td></tr>`).join('\n');
  const summaryRows = doc.cases.map((c) => `<tr><td>${c.item}</td><td>${t(patientName(c.patient))}</td><td>${t(c.patient.mrn)}</td><td>${c.decision ? t(c.decision.plan) : `<span class="none">${c.no_decision_note ? t(c.no_decision_note) : 'No decision'}</span>`}</td><td>${c.decision ? t(c.decision.intent) : '—'}</td><td>${c.follow_up_date ? t(formatDate(c.follow_up_date, clock)) : '—'}</td></tr>`).join('\n');
  const cases = doc.cases.map((c) => `<section class="case">
<h2>${c.item}. ${t(patientName(c.patient))}</h2>
${caseBody(c, clock, numbers)}
</section>`).join('\n');
  const statusWords: Record<MinutesMeeting['status'], string> = { planned: 'planned', in_progress: 'in progress', concluded: 'concluded', signed: 'signed' };

  const body = `<header>
<h1>${t(m.board_name)}: minutes</h1>
<p class="muted">${draft ? '<strong>DRAFT: not signed.</strong> ' : ''}Meeting ${m.id}, ${t(meetingWhen(m, clock))}. Status: ${statusWords[m.status]}.</p>
</header>
<section class="meeting">
<h2>Meeting</h2>
<dl class="facts">
<dt>Board</dt><dd>${t(m.board_name)}</dd>
<dt>Date and time</dt><dd>${t(meetingWhen(m, clock))}</dd>
<dt>Location</dt><dd>${orDash(m.location)}</dd>
<dt>Video link</dt><dd>${orDash(m.video_link)}</dd>
<dt>Chair</dt><dd>${t(m.chair)}</dd>
<dt>Coordinator</dt><dd>${t(m.coordinator)}</dd>
<dt>Cases</dt><dd>${doc.cases.length}</dd>
</dl>
${supportLine(doc.engine.disclaimer)}
</section>
<section class="attendance">
<h2>Attendance</h2>
<table class="attendees">
<colgroup><col class="c-spec"><col><col class="c-att"></colgroup>
<thead><tr><th>Specialty</th><th>Name</th><th>Attendance</th></tr></thead>
<tbody>
${attendeeRows}
</tbody>
</table>
<p class="keep"><strong>${doc.quorum.met ? 'Quorum met.' : 'Quorum NOT met.'}</strong> ${t(doc.quorum.statement)}</p>
</section>
<section class="summary">
<h2>Summary of decisions</h2>
<table class="decisions">
<colgroup><col class="c-item"><col class="c-patient"><col class="c-mrn"><col><col class="c-intent"><col class="c-date"></colgroup>
<thead><tr><th>#</th><th>Patient</th><th>MRN</th><th>Plan</th><th>Intent</th><th>Follow-up</th></tr></thead>
<tbody>
${summaryRows}
</tbody>
</table>
</section>
${overridesSection(doc)}
${cases}
<section class="evidence">
<h2>References</h2>
${references(doc.evidence)}
<p>${engineLine(doc.engine)}</p>
</section>
<section class="signoff">
<h2>Sign-off</h2>
${signOff(doc)}
<p>${t(doc.pdf.note)}</p>
<p class="muted">Generated ${t(formatInstant(doc.generated_at, clock))}. ${t(ENGINE_SUPPORT_LINE)}</p>
</section>`;
  const css = options.styles === 'none' ? null : minutesStylesheet(doc, options.fontUrls);
  return page(`${m.board_name}: minutes ${formatDate(m.date, clock)}${draft ? ' (DRAFT)' : ''}`, css, body, draft);
}

/** "Dr. Karl Brandt" → "Dear Dr Brandt,"; a name without a title is used whole; none → "Dear colleague,". */
export function salutation(recipient: string): string {
  // "Prof. Stéphane Gauthier, HPB Surgery": the department after the comma is not part of the name.
  const name = (recipient.split(',')[0] ?? '').trim().replace(/\s+/g, ' ');
  if (name === '') return 'Dear colleague,';
  const m = /^(Dr|Prof|Professor|Mr|Mrs|Ms|Miss|Mx)\.?\s+(.+)$/i.exec(name);
  if (m && m[1] && m[2]) {
    const title = m[1].toLowerCase() === 'professor' ? 'Professor' : `${m[1].charAt(0).toUpperCase()}${m[1].slice(1).toLowerCase()}`;
    const family = m[2].split(' ').at(-1) ?? m[2];
    return `Dear ${title} ${family},`;
  }
  return `Dear ${name},`;
}

/** The evidence summary of a letter: the options the engine favoured, in a sentence, with reference numbers. */
function letterEvidence(c: MinutesCase, numbers: ReadonlyMap<string, number>): string {
  const favoured = c.options.filter((o) => o.strength === 'recommended' || o.strength === 'consider');
  const list = favoured.slice(0, 3).map((o) => `${t(o.label)} (${t(strengthLabel(o.strength).toLowerCase())}) ${refNumbers(o.evidence.slice(0, 3), numbers)}`);
  const rest = c.options.length - favoured.slice(0, 3).length;
  if (c.options.length === 0) return '<p>The evidence engine offered no options for this case.</p>';
  return `<p>The evidence engine${c.engine_version ? ` (version ${t(c.engine_version)})` : ''} presented ${c.options.length} option${c.options.length === 1 ? '' : 's'} to the board${list.length ? `; it favoured ${list.join('; ')}` : ''}${rest > 0 ? `; ${rest} other${rest === 1 ? ' was' : 's were'} rated lower` : ''}. The board's reasons are given above.</p>`;
}

/** The references a letter cites (at most a handful, short form); the minutes list them in full. */
function letterReferences(c: MinutesCase, refs: readonly EvidenceReference[], numbers: ReadonlyMap<string, number>): string {
  const cited = new Set(c.options.filter((o) => o.strength === 'recommended' || o.strength === 'consider').slice(0, 3).flatMap((o) => o.evidence.slice(0, 3)));
  const shown = refs.filter((r) => cited.has(r.id));
  if (shown.length === 0) return '';
  return `<ol class="refs-short">${shown.map((r) => `<li value="${numbers.get(r.id) ?? 0}">${t(r.short_name)}</li>`).join('')}</ol>
<p class="muted small">Full references are listed in the minutes of the meeting and are available on request.</p>`;
}

/** The outcome letter for one case, addressed to the referring clinician: a clinical letter of one page, two at most. */
export function buildLetterHtml(letter: OutcomeLetter, options: BuildOptions): string {
  const draft = letter.sign_off === null;
  const m = letter.meeting;
  const c = letter.case;
  const p = c.patient;
  const clock = letter.clock;
  const lh = letter.letterhead;
  const numbers = numbering(letter.evidence);
  const name = `${p.given_name} ${p.family_name}`.trim();
  const d = c.decision;
  const address = lh.address.trim() === '' ? '' : `<p class="lh-address">${lh.address.split('\n').map((l) => t(l.trim())).filter(Boolean).join('<br>')}</p>`;
  const dissent = d && d.dissent.length
    ? `<p><strong>Dissent:</strong> ${d.dissent.map((x) => `${t(x.name)}${x.specialty ? ` (${t(x.specialty)})` : ''}: ${t(x.view)}`).join('; ')}</p>` : '';
  const engineNote = d && d.concordant === false
    ? `<p><strong>Note:</strong> the plan goes against the engine's rating of this option.${d.override_reason ? ` The board's reason: ${t(d.override_reason)}` : ''}</p>` : '';
  const decision = d ? `<div class="decision keep">
<p><strong>Decision:</strong> ${t(d.plan)} (intent: ${t(d.intent.toLowerCase())}; ${t(d.consensus.toLowerCase())}).</p>
${d.rationale.trim() ? `<p><strong>Rationale:</strong> ${t(d.rationale)}</p>` : ''}
${dissent}${engineNote}
</div>` : `<div class="decision keep"><p>${c.no_decision_note ? t(c.no_decision_note) : 'No decision was recorded.'}</p></div>`;
  const actions = c.actions.length === 0 ? '<p class="none">No actions were recorded.</p>' : `<table class="actions">
<colgroup><col><col class="c-owner"><col class="c-date"></colgroup>
<thead><tr><th>Action</th><th>Owner</th><th>Due</th></tr></thead>
<tbody>
${c.actions.map((a) => `<tr><td>${t(a.description)}</td><td>${t(a.owner)}</td><td>${a.due_date ? t(formatDate(a.due_date, clock)) : '—'}</td></tr>`).join('\n')}
</tbody>
</table>`;
  const amended = c.amendments.length === 0 ? ''
    : `<p class="muted">Amended after the meeting: ${c.amendments.map((a) => `${t(a.what)} (${t(a.reason)})`).join('; ')}.</p>`;
  const signature = letter.sign_off
    ? `<p>Yours sincerely,</p>
<p class="sig-name"><strong>${t(letter.sign_off.name)}</strong><br>Chair, ${t(m.board_name)}${lh.hospital ? `<br>${t(lh.hospital)}` : ''}</p>
<p class="muted small">Signed electronically on ${t(formatInstant(letter.sign_off.signed_at, clock))} with the minutes of the meeting.</p>`
    : `<p>Yours sincerely,</p>
<p class="sig-name"><strong>${t(m.chair)}</strong><br>Chair, ${t(m.board_name)}</p>
<p class="draft-note"><strong>DRAFT:</strong> not valid until the chair signs the minutes of the meeting.</p>`;
  const body = `<header class="letterhead">
${lh.logo && SAFE_DATA_URL.test(lh.logo) ? `<img class="lh-logo" src="${t(lh.logo)}" alt="">` : ''}
<div class="lh-text">
${lh.hospital ? `<p class="lh-hospital">${t(lh.hospital)}</p>` : ''}
<p class="lh-board">${t(m.board_name)}</p>
${address}
</div>
<p class="lh-date">${t(formatDate(letter.generated_at.slice(0, 10), clock))}</p>
</header>
<p class="to">${orDash(letter.recipient)}</p>
<p class="re"><strong>Re: ${t(patientName(p))}</strong>, MRN ${t(p.mrn)}${p.birth_date ? `, born ${t(formatDate(p.birth_date, clock))}` : ''}</p>
<p>${t(salutation(letter.recipient))}</p>
<p>Thank you for referring ${t(name)}, who was discussed at the ${t(m.board_name)} on ${t(meetingWhen(m, clock))}.</p>
<p><strong>Question:</strong> ${t(c.question.trim() || 'not recorded')}</p>
${decision}
<h2>Actions</h2>
${actions}
<p><strong>Follow-up:</strong> ${c.follow_up_date ? t(formatDate(c.follow_up_date, clock)) : 'none set'}.</p>
${amended}
<h2>Evidence</h2>
${letterEvidence(c, numbers)}
${letterReferences(c, letter.evidence, numbers)}
<p class="support small">${t(ENGINE_SUPPORT_LINE)}</p>
<section class="signature">
${signature}
</section>`;
  const css = options.styles === 'none' ? null : letterStylesheet(letter, options.fontUrls);
  // The PDF's title is metadata anyone who handles the file sees (file lists, print queues): meeting date and
  // case number, never the patient's name or MRN.
  return page(`${m.board_name}: outcome letter, case ${c.case_id}, meeting ${formatDate(m.date, clock)}${draft ? ' (DRAFT)' : ''}`, css, body, draft);
}

/** The stylesheet `buildMinutesHtml` puts in its `<style>` element (for a caller that applies it itself). */
export function minutesStylesheet(doc: MinutesDocument, fontUrls: FontUrls | null): string {
  const draft = isDraft(doc);
  return styles(fontUrls, runningFor(doc.meeting, doc.clock, draft, 'Minutes', doc.confidentiality), draft);
}

/** The stylesheet `buildLetterHtml` puts in its `<style>` element (for a caller that applies it itself). */
export function letterStylesheet(letter: OutcomeLetter, fontUrls: FontUrls | null): string {
  const draft = letter.sign_off === null;
  return styles(fontUrls, runningFor(letter.meeting, letter.clock, draft, `Outcome letter ${letter.case.patient.mrn}`, letter.confidentiality), draft);
}
