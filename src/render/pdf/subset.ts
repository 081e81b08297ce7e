/**
 * TrueType subsetting for the embedded fonts, from tables read once per process.
 *
 * fontkit's TTFSubset decodes every glyph's outline (only to learn whether it is composite) and
 * re-decodes the hinting tables through the document's own font object, so embedding the four
 * faces cost about 12 ms of a 55 ms PDF. The tables needed here are plain bytes and numbers,
 * read straight from the font file and shared by every document; nothing fontkit creates is
 * shared (performance.md trap 3). The output has the tables fontkit's subset has, the ones a
 * PDF's FontFile2 needs: head, hhea, loca, maxp, cvt, prep, glyf, hmtx, fpgm.
 *
 * Glyph ids are allotted by the document's own fontkit subset (`includeGlyph`), exactly as pdfkit
 * allots them while drawing; composite glyphs pull in their components the same way.
 */

interface Table {
  offset: number;
  length: number;
}

export interface FontTables {
  bytes: Uint8Array;
  view: DataView;
  tables: Map<string, Table>;
  numGlyphs: number;
  numberOfHMetrics: number;
  /** glyf offsets of glyph i and i+1 (relative to the glyf table). */
  loca: Uint32Array;
}

/** The subset bookkeeping of fontkit's Subset that pdfkit uses: old glyph ids in new-id order. */
export interface SubsetGlyphs {
  glyphs: number[];
  includeGlyph(glyphId: number): number;
}

const REQUIRED = ['head', 'hhea', 'maxp', 'loca', 'glyf', 'hmtx'];
const OPTIONAL = ['cvt ', 'prep', 'fpgm'];

export function readFontTables(bytes: Uint8Array): FontTables {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint16(4);
  const tables = new Map<string, Table>();
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(bytes[at] as number, bytes[at + 1] as number, bytes[at + 2] as number, bytes[at + 3] as number);
    const table = { offset: view.getUint32(at + 8), length: view.getUint32(at + 12) };
    if (table.offset + table.length > bytes.length) throw new Error(`font table ${tag} runs past the end of the file`);
    tables.set(tag, table);
  }
  for (const tag of REQUIRED) if (!tables.has(tag)) throw new Error(`the font has no ${tag} table (not a TrueType-outline font)`);
  const head = tables.get('head') as Table;
  const longLoca = view.getInt16(head.offset + 50) === 1;
  const numGlyphs = view.getUint16((tables.get('maxp') as Table).offset + 4);
  const numberOfHMetrics = view.getUint16((tables.get('hhea') as Table).offset + 34);
  const locaTable = tables.get('loca') as Table;
  const loca = new Uint32Array(numGlyphs + 1);
  for (let i = 0; i <= numGlyphs; i++) loca[i] = longLoca ? view.getUint32(locaTable.offset + i * 4) : view.getUint16(locaTable.offset + i * 2) * 2;
  return { bytes, view, tables, numGlyphs, numberOfHMetrics, loca };
}

function table(font: FontTables, tag: string): Uint8Array {
  const t = font.tables.get(tag);
  return t ? font.bytes.subarray(t.offset, t.offset + t.length) : new Uint8Array();
}

/** Advance width and left side bearing of a glyph, from hmtx. */
function metrics(font: FontTables, glyphId: number): [number, number] {
  const hmtx = (font.tables.get('hmtx') as Table).offset;
  const n = font.numberOfHMetrics;
  if (glyphId < n) return [font.view.getUint16(hmtx + glyphId * 4), font.view.getInt16(hmtx + glyphId * 4 + 2)];
  return [font.view.getUint16(hmtx + (n - 1) * 4), font.view.getInt16(hmtx + n * 4 + (glyphId - n) * 2)];
}

// Composite glyph flags (OpenType glyf table).
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** A glyph's bytes, with the ids of a composite glyph's components replaced by `remap`. */
function glyphData(font: FontTables, glyphId: number, remap: (id: number) => number): Uint8Array {
  if (glyphId >= font.numGlyphs) throw new Error(`glyph ${glyphId} is not in the font (${font.numGlyphs} glyphs)`);
  const glyf = (font.tables.get('glyf') as Table).offset;
  const start = glyf + (font.loca[glyphId] as number);
  const end = glyf + (font.loca[glyphId + 1] as number);
  if (end <= start) return new Uint8Array();
  const source = font.bytes.subarray(start, end);
  if (font.view.getInt16(start) >= 0) return source;
  const data = Uint8Array.from(source);
  const view = new DataView(data.buffer);
  let at = 10;
  for (;;) {
    const flags = view.getUint16(at);
    view.setUint16(at + 2, remap(view.getUint16(at + 2)));
    at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) at += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
    if (!(flags & MORE_COMPONENTS)) return data;
    if (at + 4 > data.length) throw new Error(`composite glyph ${glyphId} is truncated`);
  }
}

function pad4(length: number): number {
  return (length + 3) & ~3;
}

function checksum(data: Uint8Array): number {
  const padded = data.length % 4 === 0 ? data : Uint8Array.from({ length: pad4(data.length) }, (_, i) => data[i] ?? 0);
  const view = new DataView(padded.buffer, padded.byteOffset, padded.byteLength);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

/** An sfnt file from tables; checksums and head.checkSumAdjustment as the OpenType spec asks. */
function sfnt(tables: Map<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const headerLength = 12 + tags.length * 16;
  const total = tags.reduce((n, tag) => n + pad4((tables.get(tag) as Uint8Array).length), headerLength);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const entrySelector = Math.floor(Math.log2(tags.length));
  const searchRange = 2 ** entrySelector * 16;
  view.setUint32(0, 0x00010000);
  view.setUint16(4, tags.length);
  view.setUint16(6, searchRange);
  view.setUint16(8, entrySelector);
  view.setUint16(10, tags.length * 16 - searchRange);
  let offset = headerLength;
  let headOffset = -1;
  tags.forEach((tag, i) => {
    const data = tables.get(tag) as Uint8Array;
    const at = 12 + i * 16;
    for (let k = 0; k < 4; k++) view.setUint8(at + k, tag.charCodeAt(k));
    view.setUint32(at + 4, checksum(data));
    view.setUint32(at + 8, offset);
    view.setUint32(at + 12, data.length);
    out.set(data, offset);
    if (tag === 'head') headOffset = offset;
    offset += pad4(data.length);
  });
  view.setUint32(headOffset + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

/**
 * The subset font file for the glyphs `subset` holds (components of composite glyphs are added to
 * it as they are met, so the caller's glyph ids stay valid).
 */
export function encodeSubset(font: FontTables, subset: SubsetGlyphs): Uint8Array {
  const glyphs: Uint8Array[] = [];
  const advances: Array<[number, number]> = [];
  for (let i = 0; i < subset.glyphs.length; i++) {
    const id = subset.glyphs[i] as number;
    glyphs.push(glyphData(font, id, (component) => subset.includeGlyph(component)));
    advances.push(metrics(font, id));
  }
  const count = glyphs.length;
  const glyf = new Uint8Array(glyphs.reduce((n, g) => n + pad4(g.length), 0));
  const loca = new DataView(new ArrayBuffer((count + 1) * 4));
  let offset = 0;
  glyphs.forEach((g, i) => {
    loca.setUint32(i * 4, offset);
    glyf.set(g, offset);
    offset += pad4(g.length);
  });
  loca.setUint32(count * 4, offset);
  const hmtx = new DataView(new ArrayBuffer(count * 4));
  advances.forEach(([advance, lsb], i) => {
    hmtx.setUint16(i * 4, advance);
    hmtx.setInt16(i * 4 + 2, lsb);
  });
  const head = Uint8Array.from(table(font, 'head'));
  new DataView(head.buffer).setInt16(50, 1); // long loca offsets
  new DataView(head.buffer).setUint32(8, 0); // checkSumAdjustment, set by sfnt()
  const hhea = Uint8Array.from(table(font, 'hhea'));
  new DataView(hhea.buffer).setUint16(34, count);
  const maxp = Uint8Array.from(table(font, 'maxp'));
  new DataView(maxp.buffer).setUint16(4, count);
  const tables = new Map<string, Uint8Array>([
    ['head', head],
    ['hhea', hhea],
    ['maxp', maxp],
    ['loca', new Uint8Array(loca.buffer)],
    ['glyf', glyf],
    ['hmtx', new Uint8Array(hmtx.buffer)],
  ]);
  for (const tag of OPTIONAL) if (font.tables.has(tag)) tables.set(tag, table(font, tag));
  return sfnt(tables);
}
