/**
 * The warm-up document a small build's PDF worker renders while the other worker parses
 * (render/warmup.ts): made at install time, it must cover the kinds of blocks real documents have
 * and render in every format, or the warm-up would fail silently and the real PDFs render cold.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block, DocModel } from '../../src/model/types.js';
import { renderer } from '../../src/render/registry.js';
import { warmUp, warmUpFile } from '../../src/render/warmup.js';

function kinds(blocks: Block[]): Set<string> {
  const out = new Set<string>();
  for (const b of blocks) out.add(b.type);
  return out;
}

describe('the warm-up document', () => {
  it('is compiled when the tool is installed, in both languages', () => {
    expect(existsSync(warmUpFile())).toBe(true);
    const models = JSON.parse(readFileSync(warmUpFile(), 'utf8')) as Record<string, DocModel>;
    expect(Object.keys(models).sort()).toEqual(['ru', 'tk']);
    for (const lang of ['tk', 'ru'] as const) {
      const m = models[lang] as DocModel;
      expect(m.lang).toBe(lang);
      const seen = kinds([...m.front, ...m.body]);
      for (const kind of ['heading', 'paragraph', 'table']) expect(seen, `${lang}: ${kind}`).toContain(kind);
      expect(m.footnotes.length, lang).toBeGreaterThan(0);
    }
  });

  it('renders to DOCX and PDF without an error', async () => {
    for (const format of ['docx', 'pdf'] as const) for (const lang of ['tk', 'ru'] as const) await expect(warmUp(format, lang)).resolves.toBeUndefined();
    const models = JSON.parse(readFileSync(warmUpFile(), 'utf8')) as Record<string, DocModel>;
    const pdf = await (await renderer('pdf')).render(models.ru as DocModel);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
  }, 60_000);
});
