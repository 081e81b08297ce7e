/** Figures in the model: which paragraphs become figures, their size, caption and checks on the bytes. */
import { rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, FigureBlock, Run } from '../../src/model/types.js';
import { figureSize } from '../../src/resolve/figures.js';
import { buildModel, PAGE } from '../../src/resolve/model.js';
import { prepareSchemas } from '../../src/schema/registry.js';
import { analyzeFile } from '../../src/validate/file.js';
import { spec } from '../helpers/fixtures.js';
import { png } from '../helpers/png.js';
import { makeProject } from '../helpers/project.js';

await prepareSchemas();

const MM = 72 / 25.4;
const text = (runs: readonly Run[]): string => runs.map((r) => (r.kind === 'text' ? r.text : '')).join('');
const figures = (blocks: Block[]): FigureBlock[] => blocks.filter((b): b is FigureBlock => b.type === 'figure');

/** The demo spec with `markdown` at the end of its "pathway" section, modelled with a real specs/ folder. */
function modelWith(lang: 'tk' | 'ru', markdown: string, assets: Record<string, Uint8Array>) {
  const root = makeProject(Object.fromEntries(Object.entries(assets).map(([name, bytes]) => [`specs/assets/${name}`, bytes])));
  const source = spec(lang);
  const at = source.indexOf('\n## ', source.indexOf('{#pathway}'));
  const textWith = `${source.slice(0, at)}\n\n${markdown}\n${source.slice(at)}`;
  const specsDir = join(root, 'specs');
  const r = analyzeFile(Buffer.from(textWith), { file: `specs/services/demo/${lang}.md`, collection: 'services', folder: 'demo', lang }, { specsDir });
  if (!r.parsed) throw new Error(JSON.stringify(r.analysis.diagnostics));
  const parsed = r.parsed;
  return { build: () => buildModel(parsed, { index: new Map(), buildDate: '2026-11-20', specsDir }), specsDir, anchors: r.analysis.digest.anchors };
}

describe('figures', () => {
  it('a figure id numbers the figure as its caption does, under list items too, for cross-references', () => {
    const md = ['![Bir](assets/a.png) {#first}', '1. Bent.\n\n   ![Iki](assets/a.png)\n\n   - harp\n\n     ![Üç](assets/a.png) {#third}', '![Dört](assets/a.png) {#fourth}'].join('\n\n');
    const m = modelWith('tk', md, { 'a.png': png(40, 20) });
    const f = figures(m.build().body);
    expect(f.map((x) => [text(x.caption), x.anchor])).toEqual([
      ['1-nji surat. Bir', 'first'],
      ['2-nji surat. Iki', undefined],
      ['3-nji surat. Üç', 'third'],
      ['4-nji surat. Dört', 'fourth'],
    ]);
    expect(m.anchors.filter((a) => a.type === 'figure').map((a) => [a.id, a.numbers])).toEqual([
      ['first', [1]],
      ['third', [3]],
      ['fourth', [4]],
    ]);
  });

  it('an image alone in its paragraph (also under a list item) becomes a numbered figure, ordinals by vowel harmony', () => {
    const six = Array.from({ length: 6 }, (_, i) => `![Surat ${i + 1}](assets/a.png)`).join('\n\n');
    const m = modelWith('tk', `1. Bent.\n\n   ![Shema](assets/a.png "Ugrukdyrma shemasy")\n\n${six}`, { 'a.png': png(40, 20) }).build();
    const f = figures(m.body);
    expect(f.map((x) => text(x.caption))).toEqual([
      '1-nji surat. Ugrukdyrma shemasy',
      '2-nji surat. Surat 1',
      '3-nji surat. Surat 2',
      '4-nji surat. Surat 3',
      '5-nji surat. Surat 4',
      '6-njy surat. Surat 5',
      '7-nji surat. Surat 6',
    ]);
    expect(f[0]?.alt).toBe('Shema');
    expect(f[0]?.image).toMatchObject({ format: 'png', width: 40, height: 20 });
    expect(f[0]?.size).toEqual({ width: 30, height: 15 });
  });

  it('Russian captions', () => {
    const m = modelWith('ru', '![Схема направления](assets/a.png)', { 'a.png': png(40, 20) }).build();
    expect(figures(m.body).map((x) => text(x.caption))).toEqual(['Рисунок 1. Схема направления']);
  });

  it('size: 96 dpi, scaled down to the text column and to 180 mm, never up, aspect kept', () => {
    const column = (210 - PAGE.margins.left - PAGE.margins.right) * MM;
    expect(figureSize({ width: 100, height: 50 }, PAGE)).toEqual({ width: 75, height: 37.5 });
    const wide = figureSize({ width: 4000, height: 1000 }, PAGE);
    expect(wide.width).toBeCloseTo(column, 1);
    expect(wide.width / wide.height).toBeCloseTo(4, 2);
    const tall = figureSize({ width: 1000, height: 4000 }, PAGE);
    expect(tall.height).toBeCloseTo(180 * MM, 1);
    expect(tall.width / tall.height).toBeCloseTo(0.25, 2);
  });

  it('checks the file again when it reads it: one swapped after validation for a non-image or a link is refused', () => {
    const { build, specsDir } = modelWith('tk', '![Shema](assets/a.png)', { 'a.png': png(40, 20) });
    const file = join(specsDir, 'assets', 'a.png');
    writeFileSync(file, 'not an image');
    expect(() => build()).toThrow(/not a PNG or JPEG/);
    rmSync(file);
    writeFileSync(join(specsDir, '..', 'outside.png'), png(40, 20));
    symlinkSync(join(specsDir, '..', 'outside.png'), file);
    expect(() => build()).toThrow(/symbolic link/);
  });
});
