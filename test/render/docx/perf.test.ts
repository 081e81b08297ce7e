/**
 * Time per document for the ~2,400-word samples (median of several runs after warming up).
 * The bound is loose (shared CI machines); the figure itself is printed for the record.
 */
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src/render/docx/index.js';
import { specModel, wordCount } from './fixture.js';

describe('performance', () => {
  it('renders a ~2,400-word document in well under a tenth of a second', async () => {
    const models = [specModel('tk'), specModel('ru')];
    for (const m of models) expect(wordCount(m)).toBeGreaterThan(2200);
    for (let i = 0; i < 5; i++) for (const m of models) await renderDocx(m);
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      for (const m of models) {
        const start = performance.now();
        await renderDocx(m);
        times.push(performance.now() - start);
      }
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    console.log(`renderDocx: median ${median.toFixed(1)} ms per document (${times.length} runs, ${models.map(wordCount).join(' and ')} words)`);
    expect(median).toBeLessThan(250);
  }, 60_000);
});
