/**
 * Minutes rendering: HTML → tagged PDF through Chromium (playwright-core) for 30 and 200 cases (the sample
 * minutes: demo cases evaluated by the engine, each decided). One Chromium serves every run, as in the app;
 * prints the median render time and the page count. Targets: 30 cases ≤ 2 s, 200 cases ≤ 8 s.
 */
import { buildMinutesHtml } from '../shared/minutes/html';
import { sampleMinutes } from '../shared/minutes/sample';
import { bundledFontDataUrls } from '../electron/minutes/fonts';
import { openPdfRenderer } from '../electron/minutes/render';
import { emit, median } from './harness';

/** Pages of a PDF made by Chromium: one /Type /Page object per page (uncompressed object headers). */
export const countPdfPages = (pdf: Buffer): number => pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;

export async function benchMinutes(sizes: readonly { cases: number; runs: number }[] = [{ cases: 30, runs: 5 }, { cases: 200, runs: 3 }]): Promise<void> {
  const renderer = await openPdfRenderer();
  try {
    const fontUrls = bundledFontDataUrls();
    for (const { cases, runs } of sizes) {
      const html = buildMinutesHtml(sampleMinutes(cases, { signed: true }), { fontUrls });
      let pdf = await renderer.render(html); // warm-up
      const samples: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        pdf = await renderer.render(html, { tagged: true, outline: true });
        samples.push(performance.now() - t);
      }
      emit(`minutes.render.${cases}`, { median_ms: median(samples), runs, pages: countPdfPages(pdf), bytes: pdf.length });
    }
  } finally {
    await renderer.close();
  }
}
