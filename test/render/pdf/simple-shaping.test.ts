/**
 * The plain shaping tables (simple-shaping.ts) must shape every text they accept exactly as
 * fontkit's layout does: same glyphs, same advances and kerning, to the last bit. Checked on every
 * word of the bundled documents and on every pair of the Turkmen and Russian alphabets, digits and
 * punctuation, in all four faces.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FontkitFont } from 'fontkit';
import { packageRoot } from '../../../src/core/paths.js';
import { FACES, fontBytes } from '../../../src/render/pdf/fonts.js';
import { shapingTablesFile } from '../../../src/render/pdf/shaping.js';
import { madeFrom, readShapingTables, simpleShaping, type ShapedText, type StoredShapingTables } from '../../../src/render/pdf/simple-shaping.js';

const fontkit = createRequire(import.meta.url)('fontkit') as { create(bytes: Uint8Array): FontkitFont };

/** What fontkit's layout gives, in the renderer's units (shaping.ts shapedFrom). */
function reference(font: FontkitFont, text: string): ShapedText {
  const run = font.layout(text);
  const scale = 1000 / font.unitsPerEm;
  let advance = 0;
  const positions = run.positions.map((pos, i) => {
    advance += pos.xAdvance * scale;
    return { xAdvance: pos.xAdvance * scale, yAdvance: pos.yAdvance * scale, xOffset: pos.xOffset * scale, yOffset: pos.yOffset * scale, advanceWidth: (run.glyphs[i]?.advanceWidth ?? 0) * scale };
  });
  return { glyphIds: run.glyphs.map((g) => g.id), codePoints: Array.from(text, (c) => [c.codePointAt(0) as number]), positions, advance };
}

function corpusTokens(): string[] {
  const out = new Set<string>();
  const specs = join(packageRoot(), 'specs');
  for (const collection of ['services', 'sops', 'acts']) {
    for (const doc of readdirSync(join(specs, collection))) {
      for (const lang of ['tk', 'ru']) {
        const file = join(specs, collection, doc, `${lang}.md`);
        if (existsSync(file)) for (const token of readFileSync(file, 'utf8').split(/[\s*_`#[\]{}|]+/u)) if (token) out.add(token);
      }
    }
  }
  return [...out];
}

const ALPHABET = [
  ...'ABÇDEÄFGHIJŽKLMNŇOÖPRSŞTUÜWYÝZabçdeäfghijžklmnňoöprsştuüwyýz',
  ...'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя',
  ...'0123456789.,;:!?()«»“”„"\'—–-№%§/ \u00a0',
];

describe('plain shaping tables', () => {
  const stored = JSON.parse(readFileSync(shapingTablesFile(), 'utf8')) as Record<string, StoredShapingTables>;
  const tokens = corpusTokens();
  const pairs = ALPHABET.flatMap((a) => ALPHABET.map((b) => a + b));

  it('are made for all four faces when the tool is installed', () => {
    expect(Object.keys(stored).sort()).toEqual([...FACES].sort());
  });

  /** Every character of the tables alone, doubled and between Latin and Cyrillic letters; every kerned pair. */
  function tableTexts(t: StoredShapingTables): string[] {
    const chars: string[] = [];
    const byGlyph = new Map<number, string>();
    for (let i = 0; i < t.glyphs.length; i += 3) {
      const c = String.fromCodePoint(t.glyphs[i] as number);
      chars.push(c);
      if (!byGlyph.has(t.glyphs[i + 1] as number)) byGlyph.set(t.glyphs[i + 1] as number, c);
    }
    const tables = readShapingTables(t);
    const kerned: string[] = [];
    for (let first = 0; first + 1 < tables.kernStarts.length; first++) {
      for (let k = tables.kernStarts[first] as number; k < (tables.kernStarts[first + 1] as number); k++) {
        const a = byGlyph.get(first);
        const b = byGlyph.get(tables.kernSeconds[k] as number);
        if (a && b) kerned.push(a + b);
      }
    }
    return [...chars, ...chars.map((c) => c + c), ...chars.map((c) => `a${c}o`), ...chars.map((c) => `А${c}о`), ...kerned];
  }

  it('are not used with other font bytes than those they were made from', () => {
    const t = stored.regular as StoredShapingTables;
    expect(madeFrom(t, fontBytes('regular'))).toBe(true);
    expect(madeFrom(t, fontBytes('bold'))).toBe(false);
    const changed = Uint8Array.from(fontBytes('regular'));
    changed[changed.length - 1] ^= 1;
    expect(madeFrom(t, changed)).toBe(false);
  });

  it.each([...FACES])('shape exactly as fontkit does (%s)', (face) => {
    const tables = readShapingTables(stored[face] as StoredShapingTables);
    const font = fontkit.create(fontBytes(face));
    const extra = tableTexts(stored[face] as StoredShapingTables);
    expect(extra.length).toBeGreaterThan(20_000);
    let simple = 0;
    const differing: string[] = [];
    for (const text of [...tokens, ...pairs, ...extra]) {
      const ours = simpleShaping(tables, text);
      if (!ours) continue;
      simple++;
      const theirs = reference(font, text);
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) differing.push(text);
    }
    expect(differing.slice(0, 20)).toEqual([]);
    // Nearly everything goes the plain way, or the check above proves little.
    expect(simple).toBeGreaterThan(0.9 * (tokens.length + pairs.length + extra.length));
  }, 120_000);

  it('leave to fontkit what the tables cannot shape: ligatures, combining accents, missing characters', () => {
    const tables = readShapingTables(stored.regular as StoredShapingTables);
    expect(simpleShaping(tables, 'funksiýa')).toBeUndefined();
    expect(simpleShaping(tables, 'e\u0301')).toBeUndefined();
    expect(simpleShaping(tables, 'a\u00adb')).toBeUndefined();
    expect(simpleShaping(tables, '漢')).toBeUndefined();
    expect(simpleShaping(tables, 'Türkmenistan')).toBeDefined();
  });
});
