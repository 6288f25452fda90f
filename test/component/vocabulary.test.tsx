/**
 * One vocabulary: for every option word of the engine, the label the options panel shows is the label the signed
 * minutes print (the same word was once "Y-90 radioembolization (resin or glass)" on screen and "Y-90
 * radioembolisation (TARE)" in the minutes). Also: no label is a code, and every strength and flag has one.
 */
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OptionItem } from '../../renderer/components/evidence/OptionItem';
import { FLAG_WORDS, OPTION_WORDS, STRENGTHS, type EngineOutput } from '../../shared/engine';
import { fromSnapshot } from '../../shared/minutes/build';
import { buildMinutesHtml } from '../../shared/minutes/html';
import { sampleMinutes } from '../../shared/minutes/sample';
import { FACT_VOCABULARY, FLAG_INFO, OPTION_LABELS, STRENGTH_INFO, planLabel } from '../../shared/vocabulary';

const CODE = /\b[A-Z0-9]+_[A-Z0-9_]+\b|\b[a-z0-9]+_[a-z0-9_]+\b/;

function snapshotWithEveryOption(): EngineOutput {
  return {
    engine_version: '1.0.0', catalogue_version: 'test',
    derived: {
      child_pugh_score: null, child_pugh_class: null, albi_score: null, albi_grade: null, meld: null, meld_na: null, bsa_m2: null,
      bclc_stage_derived: null, milan: null, ucsf: null, up_to_seven: null, fong_score: null, flr_threshold_pct: null,
    },
    options: OPTION_WORDS.map((option) => ({ option, strength: 'consider' as const, rationale: 'r', evidence: [], rules: [], conflicts: [] })),
    flags: [], missing: [], disclaimer: 'd',
  };
}

/** The option heading as a person reads it: the text of the heading without the on-demand code chip. */
function screenLabel(word: (typeof OPTION_WORDS)[number]): string {
  const { container, unmount } = render(<ul><OptionItem option={{ option: word, strength: 'consider', rationale: 'r', evidence: [], rules: [], conflicts: [] }} /></ul>);
  const heading = container.querySelector('h3');
  if (!heading) throw new Error(`no heading for ${word}`);
  const copy = heading.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('code').forEach((c) => c.remove());
  const text = copy.textContent?.trim() ?? '';
  unmount();
  return text;
}

describe('one vocabulary for the screen and the minutes', () => {
  const minutesOptions = fromSnapshot(snapshotWithEveryOption()).options;

  it.each(OPTION_WORDS.map((w) => [w]))('%s reads the same on screen and in the minutes', (word) => {
    const onScreen = screenLabel(word);
    const inMinutes = minutesOptions.find((o) => o.option === word)?.label;
    expect(onScreen).toBe(OPTION_LABELS[word]);
    expect(inMinutes).toBe(onScreen);
    expect(planLabel(word)).toBe(onScreen);
  });

  it('prints every option label into the minutes HTML', () => {
    const doc = sampleMinutes(1);
    const first = doc.cases[0];
    if (!first) throw new Error('sample minutes have no case');
    const html = buildMinutesHtml({ ...doc, cases: [{ ...first, options: minutesOptions }] }, { fontUrls: null });
    for (const word of OPTION_WORDS) expect(html).toContain(OPTION_LABELS[word].replace(/&/g, '&amp;'));
  });

  it('labels every option, strength, flag and fact in words, never as a code', () => {
    const labels = [
      ...OPTION_WORDS.map((w) => OPTION_LABELS[w]), ...STRENGTHS.map((s) => STRENGTH_INFO[s].label),
      ...FLAG_WORDS.map((f) => FLAG_INFO[f].title), ...Object.values(FACT_VOCABULARY).map((f) => f.label),
    ];
    expect(labels.length).toBeGreaterThan(OPTION_WORDS.length + STRENGTHS.length + FLAG_WORDS.length);
    for (const label of labels) expect(label).not.toMatch(CODE);
  });
});
