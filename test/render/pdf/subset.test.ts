/**
 * The subset fonts written by subset.ts, read back by fontkit (an independent TrueType reader):
 * every glyph must have the outline and metrics it has in the full font, composite glyphs (Ý, Ž,
 * Й, ...) included, and the file must carry the tables a PDF FontFile2 needs.
 */
import { create, type FontkitFont } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { FACES, fontBytes, fontTables } from '../../../src/render/pdf/fonts.js';
import { encodeSubset, type SubsetGlyphs } from '../../../src/render/pdf/subset.js';

function subsetOf(): SubsetGlyphs {
  const glyphs: number[] = [];
  const mapping = new Map<number, number>();
  const subset: SubsetGlyphs = {
    glyphs,
    includeGlyph(id: number): number {
      let gid = mapping.get(id);
      if (gid === undefined) {
        gid = glyphs.length;
        glyphs.push(id);
        mapping.set(id, gid);
      }
      return gid;
    },
  };
  subset.includeGlyph(0);
  return subset;
}

const TEXT = 'Ýüzlenmäniň çäkleri: ŽžŇňÖöŞşÜüÝýÄäÇç — Йй Ёё «№ 12» Щщ Ъъ fi 1/2 %';

function checkSum(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let sum = 0;
  for (let i = 0; i + 4 <= bytes.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

describe('TrueType subsets', () => {
  for (const face of FACES) {
    it(`keeps every glyph's outline and advance (${face})`, () => {
      const full = create(Buffer.from(fontBytes(face))) as FontkitFont;
      const subset = subsetOf();
      const used = full.layout(TEXT).glyphs.map((g) => g.id);
      const newIds = used.map((id) => subset.includeGlyph(id));
      const bytes = encodeSubset(fontTables(face), subset);
      const sub = create(Buffer.from(bytes)) as FontkitFont;

      expect(sub.numGlyphs).toBe(subset.glyphs.length);
      expect(subset.glyphs.length).toBeGreaterThan(new Set(used).size); // components were pulled in
      for (const [i, id] of used.entries()) {
        const original = create(Buffer.from(fontBytes(face))).getGlyph(id);
        const copy = sub.getGlyph(newIds[i] as number);
        expect(copy.path.toSVG(), `glyph ${id}`).toBe(original.path.toSVG());
        expect(copy.advanceWidth).toBe(original.advanceWidth);
      }
      for (const tag of ['head', 'hhea', 'maxp', 'loca', 'glyf', 'hmtx', 'cvt ', 'prep', 'fpgm']) expect(sub.directory.tables[tag], tag).toBeDefined();
      // The whole file sums to the magic number, as the OpenType spec requires.
      expect(checkSum(bytes)).toBe(0xb1b0afba);
    });
  }
});
