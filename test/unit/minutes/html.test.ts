/** The pure minutes/letter HTML builder: escaping, DRAFT until signed, print structure, clinical honesty. */
import { describe, expect, it } from 'vitest';
import {
  buildLetterHtml, buildMinutesHtml, cssString, ENGINE_SUPPORT_LINE, escapeHtml, FONT_FAMILY, formatDate, formatInstant, type FontUrls,
} from '../../../shared/minutes/html';
import { letterFromMinutes, minutesDocumentSchema, outcomeLetterSchema, type MinutesDocument } from '../../../shared/minutes/model';
import { quorumOf } from '../../../shared/minutes/build';
import { sampleMinutes, SAMPLE_ATTENDEES } from '../../../shared/minutes/sample';
import { DISCLAIMER, ENGINE_VERSION, EVIDENCE_IDS } from '../../../shared/engine';

const FONTS: FontUrls = { regular: 'data:font/ttf;base64,UkVH', bold: 'data:font/ttf;base64,Qk9MRA==', oblique: 'data:font/ttf;base64,T0JM', boldOblique: 'data:font/ttf;base64,Qk8=' };
const HOSTILE = '<script>alert(1)</script> & "quotes"';

function hostileDoc(signed = false): MinutesDocument {
  const doc = sampleMinutes(4, { signed });
  const c = doc.cases[1];
  if (!c?.decision) throw new Error('sample case 2 has a decision');
  c.patient.family_name = HOSTILE;
  c.patient.given_name = "O'Hara";
  c.question = '<img src=x onerror="alert(2)">';
  c.decision.plan = '</td></tr></table><script>x()</script>';
  c.actions[0] = { description: '<iframe src="javascript:alert(3)">', owner: 'A & B', due_date: '2027-03-20' };
  doc.meeting.board_name = 'Board </style><script>alert(4)</script> "x" \\ \n';
  doc.attendees[0] = { ...SAMPLE_ATTENDEES[0]!, name: '<b>Chair</b>' };
  return doc;
}

describe('escaping', () => {
  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('writes CSS strings with hex escapes only, so nothing can close the string or the style element', () => {
    expect(cssString('Ab 1')).toBe('"Ab 1"');
    expect(cssString('"')).toBe('"\\22 "');
    expect(cssString('</style>')).toBe('"\\3c \\2f style\\3e "');
    expect(cssString('Zoë\n')).toBe('"Zo\\eb \\a "');
  });

  it('puts all text into the minutes escaped: no script, no event handler, no injected element', () => {
    const doc = hostileDoc();
    const html = buildMinutesHtml(doc, { fontUrls: FONTS });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<iframe|<img|<b>|onerror="|src="javascript/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;, O&#39;Hara');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
    expect(html).toContain('&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;x()&lt;/script&gt;');
    expect(html).toContain('&lt;iframe src=&quot;javascript:alert(3)&quot;&gt;');
    expect(html).toContain('&lt;b&gt;Chair&lt;/b&gt;');
    // One style element, closed once: the board name in the running header cannot break out of it.
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    const header = cssString(`${doc.meeting.board_name} · Minutes · 12 Mar 2027`);
    expect(header.slice(1, -1)).not.toMatch(/[<>"\n]/);
    expect(html).toContain(`@top-left { content: ${header};`);
    // A CSP forbids scripts should anything ever slip through.
    expect(html).toContain(`script-src 'none'`);
  });

  it('escapes the letter too', () => {
    const doc = hostileDoc();
    const letter = letterFromMinutes(doc, doc.cases[1]!.case_id)!;
    const html = buildLetterHtml(letter, { fontUrls: FONTS });
    expect(html).not.toMatch(/<script|<img|<iframe/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
  });
});

describe('DRAFT until signed', () => {
  it('a draft has the DRAFT header, the watermark and no signature', () => {
    const html = buildMinutesHtml(sampleMinutes(2), { fontUrls: FONTS });
    expect(html).toContain('<svg class="watermark" aria-hidden="true"');
    expect(html).toContain('@top-right { content: "DRAFT\\3a  not signed"');
    expect(html).toContain("<strong>DRAFT: not signed.</strong> These minutes become the meeting's record when the chair (Dr. Ana Ferreira) signs them.");
    expect(html).toContain('<title>Liver Tumour Board: minutes 12 Mar 2027 (DRAFT)</title>');
    expect(html).not.toContain('Signed by');
  });

  it('signed minutes name the chair and the time, without watermark or DRAFT', () => {
    const html = buildMinutesHtml(sampleMinutes(2, { signed: true }), { fontUrls: FONTS });
    expect(html).not.toContain('class="watermark"');
    expect(html).not.toContain('DRAFT');
    expect(html).toContain('@top-right { content: "Signed"');
    expect(html).toContain('<strong>Signed by Dr. Ana Ferreira</strong>, chair, on 12 Mar 2027, 19:20 CET.');
    expect(html).toContain('The SHA-256 of each exported PDF of these minutes is recorded in the audit log.');
  });

  it('a letter is a draft exactly when the minutes are', () => {
    const draft = letterFromMinutes(sampleMinutes(2), 1)!;
    const signed = letterFromMinutes(sampleMinutes(2, { signed: true }), 1)!;
    expect(buildLetterHtml(draft, { fontUrls: FONTS })).toContain('<svg class="watermark"');
    expect(buildLetterHtml(signed, { fontUrls: FONTS })).not.toContain('DRAFT');
  });
});

describe('print structure', () => {
  const doc = sampleMinutes(6);
  const html = buildMinutesHtml(doc, { fontUrls: FONTS });

  it('is A4 with page X of Y and the confidentiality notice in the margin boxes', () => {
    expect(html).toContain('size: A4;');
    expect(html).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages);');
    expect(html).toContain(`@bottom-left { content: ${cssString(doc.confidentiality)};`);
  });

  it('repeats table headers, never splits rows, keeps headings with what follows', () => {
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toContain('tr, td, th { break-inside: avoid; page-break-inside: avoid; }');
    expect(html).toContain('h1, h2, h3 { break-after: avoid; page-break-after: avoid; break-inside: avoid; }');
    const tables = html.match(/<table/g)?.length ?? 0;
    expect(html.match(/<thead>/g)?.length).toBe(tables);
  });

  it('loads only the bundled faces, under a family name no system font has, with every margin box in it', () => {
    expect(html.match(/@font-face/g)).toHaveLength(4);
    expect(buildMinutesHtml(doc, { fontUrls: { regular: 'data:a', bold: 'data:b' } }).match(/@font-face/g)).toHaveLength(2);
    for (const url of Object.values(FONTS)) expect(html).toContain(`src:url("${url}") format("truetype")`);
    // Anything but a plain base64 data: URL is escaped like any other CSS string.
    const odd = buildMinutesHtml(doc, { fontUrls: { regular: 'file:///x/a"b</style>.ttf', bold: 'data:font/ttf;base64,QQ==' } });
    expect(odd).toContain(`src:url(${cssString('file:///x/a"b</style>.ttf')}) format("truetype")`);
    expect(odd.match(/<\/style>/g)).toHaveLength(1);
    expect(html).toContain(`html { font-family: ${cssString(FONT_FAMILY)}, sans-serif;`);
    expect(html.match(/@(top|bottom)-(left|right) \{[^}]*font-family:"TB DejaVu Sans", sans-serif/g)).toHaveLength(4);
    expect(html).not.toMatch(/Arial|Helvetica|Times|local\(/);
  });

  it('has no fonts at all for a preview without fontUrls', () => {
    expect(buildMinutesHtml(doc, { fontUrls: null })).not.toContain('@font-face');
  });

  it('lists meeting details, attendance with the quorum, a summary row and a section per case, the evidence and the sign-off', () => {
    expect(html).toContain('<dt>Video link</dt><dd>https://video.example.invalid/liver-mdt</dd>');
    expect(html).toContain('<td>Nuclear medicine</td><td>Dr. Hélène Bérenger</td><td>Apologies</td>');
    expect(html).toContain('<strong>Quorum met.</strong> Required specialties present: Medical oncology, Interventional radiology, Surgery, Diagnostic radiology.');
    expect(html.match(/<section class="case">/g)).toHaveLength(6);
    expect(html).toContain('<h2>1. Ødegård, Zoë</h2>');
    expect(html).toContain('<h2>References</h2>');
    expect(html).toContain('<h2>Overrides</h2>');
    expect(html).toContain(`Evidence engine version ${ENGINE_VERSION}; evidence catalogue`);
  });

  it('numbers the references each option rests on and lists each cited reference once at the end, without its code', () => {
    const numbers = new Map(doc.evidence.map((e, i) => [e.id, i + 1]));
    for (const c of doc.cases) {
      for (const o of c.options) {
        expect(o.evidence.length).toBeGreaterThan(0);
        const row = html.slice(html.indexOf(`${c.item}.${c.options.indexOf(o) + 1}</td>`));
        const end = row.indexOf('</tr>');
        expect(row.slice(0, end)).toContain(`<span class="refs">[${o.evidence.map((id) => numbers.get(id)).join(', ')}]</span>`);
      }
    }
    // Each option's evidence, then the evidence of each side of its conflicts (so a conflict's references resolve).
    const cited = [...new Set(doc.cases.flatMap((c) => c.options.flatMap((o) => [...o.evidence, ...o.conflicts.flatMap((k) => k.sides.flatMap((sd) => sd.evidence))])))];
    expect(doc.evidence.map((e) => e.id).sort()).toEqual(cited.sort());
    for (const e of doc.evidence) expect(EVIDENCE_IDS).toContain(e.id);
    const refs = html.slice(html.indexOf('<table class="references">'));
    expect(refs.match(/<tr><td>\d+<\/td>/g)).toHaveLength(cited.length);
    for (const id of cited) expect(html).not.toContain(id);
  });

  it('says the engine supports and does not replace the board, with the engine disclaimer', () => {
    expect(html).toContain(escapeHtml(ENGINE_SUPPORT_LINE));
    expect(html).toContain(escapeHtml(DISCLAIMER));
  });

  it('shows dissent, amendments and a case without a decision', () => {
    const d = sampleMinutes(10);
    const c = d.cases[0]!;
    c.decision = null;
    c.no_decision_note = 'Deferred: imaging awaited';
    const out = buildMinutesHtml(d, { fontUrls: null });
    expect(out).toContain('<h3>Decision</h3><p>Deferred: imaging awaited</p>');
    expect(out).toContain('Mr. Alistair Hughes (Surgery): Would first re-stage for a resection after downsizing.');
    expect(out).toContain('<h3>Amendments</h3>');
    expect(out).toContain('<td>Follow-up date: 2027-06-04 → 2027-06-10</td><td>Clinic capacity</td><td>Dr. Ana Ferreira</td><td>14 Mar 2027, 10:15 CET</td>');
  });

  it('has no script element or inline handler at all', () => {
    expect(html).not.toMatch(/<script|\son[a-z]+=/i);
  });
});

describe('model', () => {
  it('sample documents satisfy the schema; the letter is the one case with its own references', () => {
    const doc = minutesDocumentSchema.parse(sampleMinutes(5));
    const letter = outcomeLetterSchema.parse(letterFromMinutes(doc, 3));
    expect(letter.case.item).toBe(3);
    expect(letter.recipient).toBe(doc.cases[2]!.referring_clinician);
    expect(letter.evidence.map((e) => e.id).sort()).toEqual([...new Set(letter.case.options.flatMap((o) => o.evidence))].sort());
    expect(letterFromMinutes(doc, 999)).toBeUndefined();
  });

  it('states the quorum and names missing specialties', () => {
    const without = SAMPLE_ATTENDEES.map((a) => (a.specialty === 'Surgery' ? { ...a, attendance: 'apologies' as const } : a));
    expect(quorumOf(without)).toMatchObject({ met: false, missing: ['Surgery'], statement: 'Required specialties absent: Surgery. Decisions were recorded without a full quorum.' });
    expect(quorumOf(SAMPLE_ATTENDEES).met).toBe(true);
  });

  it('formats dates in the board\'s zone and locale, whatever the machine\'s', () => {
    const oslo = { time_zone: 'Europe/Oslo', locale: 'en-GB' };
    expect(formatDate('2027-03-02', oslo)).toBe('2 Mar 2027');
    expect(formatInstant('2027-03-12T17:42:05.120Z', oslo)).toBe('12 Mar 2027, 18:42 CET');
    expect(formatInstant('2027-07-12T17:42:05+01:00', oslo)).toBe('12 Jul 2027, 18:42 CEST');
    expect(formatInstant('2027-03-12T17:42:05.120Z', { time_zone: 'America/New_York', locale: 'en-US' })).toBe('Mar 12, 2027, 12:42 EST');
    expect(formatInstant('not a date', oslo)).toBe('not a date');
  });
});
