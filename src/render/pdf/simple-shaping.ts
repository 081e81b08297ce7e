/**
 * Shaping without fontkit for text that needs no more than a font's character map, advance widths
 * and pair kerning: in PT Serif, every Turkmen and Russian word without an "f" (the only ligature)
 * or a combining accent. fontkit's OpenType machinery ran cold for every new word in a fresh worker,
 * a good part of a first document's PDF.
 *
 * The tables are made from the font with fontkit when Tertip is installed (scripts/compile-data.mjs,
 * buildShapingTables) and checked against fontkit's own layout by the tests, word for word. They
 * are made only when the font's layout features reduce to that for such text: every glyph that any
 * default substitution or non-kerning positioning could touch makes its characters "complex", and
 * a text with one of them, or with a mark, a default-ignorable or a character the font lacks, is
 * left to fontkit (undefined here).
 */
import type { FontkitFont } from 'fontkit';
import { crc32 } from '../../core/zip.js';
import type { EncodedPosition } from './internals.js';

/** The shaping of a text: what fontkit's layout gives, as plain data. */
export interface ShapedText {
  glyphIds: number[];
  codePoints: number[][];
  /** Positions in thousandths of the font size; `advanceWidth` is the glyph's own advance. */
  positions: EncodedPosition[];
  /** Total advance in thousandths of the font size. */
  advance: number;
}

/**
 * One face's tables as stored: JSON-safe, the kerning as base64 of typed arrays (in the byte order
 * of the machine that made them at install and uses them) that
 * are used as they are read (a map of 21,000 pairs per face took a fresh worker ~20 ms to build).
 */
export interface StoredShapingTables {
  /** The font file the tables were made from (CRC-32 and length): other bytes, no tables. */
  fontCrc32: number;
  fontLength: number;
  unitsPerEm: number;
  /** Code point, glyph id, advance width: three numbers per character. */
  glyphs: number[];
  /** Characters fontkit must shape (see the top of this file). */
  complex: number[];
  /** Uint32 per glyph id, and one more: where its pairs start in `kernSeconds` / `kernValues`. */
  kernStarts: string;
  /** Uint16 second glyphs, ascending within each first glyph's run. */
  kernSeconds: string;
  /** Int16 x-advance adjustments of the first glyph, in font units. */
  kernValues: string;
}

export interface ShapingTables {
  scale: number;
  glyphs: Map<number, { id: number; advance: number }>;
  complex: Set<number>;
  kernStarts: Uint32Array;
  kernSeconds: Uint16Array;
  kernValues: Int16Array;
}

// fontkit's default features (DefaultShaper: variation, direction, common, horizontal). Its
// fraction features apply only around U+2044, a character always left to fontkit (SPECIAL).
const DEFAULT_FEATURES = new Set(['rvrn', 'ltra', 'ltrm', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern']);

/** A character fontkit treats apart whatever the font says: marks, default-ignorables, the fraction slash. */
const SPECIAL = /[\p{M}\p{Default_Ignorable_Code_Point}\u2044]/u;

// fontkit's parsed OpenType tables, as far as they are read here (its typings leave them out).
interface Coverage {
  version: number;
  glyphs?: number[];
  rangeRecords?: Array<{ start: number; end: number; startCoverageIndex: number }>;
}
interface ClassDef {
  version: number;
  startGlyph?: number;
  classValueArray?: number[];
  classRangeRecord?: Array<{ start: number; end: number; class: number }>;
}
interface ValueRecord {
  xAdvance?: number;
}
type Indexed<T> = T[] | { get(index: number): T };
interface Subtable {
  version?: number;
  coverage?: Coverage;
  coverages?: Coverage[];
  inputCoverage?: Coverage[];
  markCoverage?: Coverage;
  mark1Coverage?: Coverage;
  valueFormat1?: Record<string, boolean>;
  valueFormat2?: Record<string, boolean>;
  pairSets?: Indexed<Indexed<{ secondGlyph: number; value1?: ValueRecord }>>;
  classDef1?: ClassDef;
  classDef2?: ClassDef;
  classRecords?: Indexed<Indexed<{ value1?: ValueRecord }>>;
  lookupType?: number;
  extension?: Subtable;
}
interface Lookup {
  lookupType: number;
  flags: { flags: Record<string, boolean> };
  subTables: Subtable[];
}
interface LayoutTable {
  featureVariations?: unknown;
  scriptList: Array<{ script: { defaultLangSys?: { featureIndexes: number[] } } }>;
  featureList: Array<{ tag: string; feature: { lookupListIndexes: number[] } }>;
  lookupList: { toArray(): Lookup[] };
}

function at<T>(list: Indexed<T>, index: number): T {
  return (Array.isArray(list) ? list[index] : list.get(index)) as T;
}

function coverageIndex(coverage: Coverage, glyph: number): number {
  if (coverage.version === 1) return (coverage.glyphs ?? []).indexOf(glyph);
  for (const r of coverage.rangeRecords ?? []) if (r.start <= glyph && glyph <= r.end) return r.startCoverageIndex + glyph - r.start;
  return -1;
}

function coverageGlyphs(coverage: Coverage | undefined): number[] {
  if (!coverage) return [];
  if (coverage.version === 1) return coverage.glyphs ?? [];
  const out: number[] = [];
  for (const r of coverage.rangeRecords ?? []) for (let g = r.start; g <= r.end; g++) out.push(g);
  return out;
}

function classOf(classDef: ClassDef, glyph: number): number {
  if (classDef.version === 1) {
    const i = glyph - (classDef.startGlyph ?? 0);
    return i >= 0 && i < (classDef.classValueArray ?? []).length ? ((classDef.classValueArray ?? [])[i] as number) : 0;
  }
  for (const r of classDef.classRangeRecord ?? []) if (r.start <= glyph && glyph <= r.end) return r.class;
  return 0;
}

/**
 * The lookups of the default features in each script's default language system, in the order
 * fontkit applies them; undefined when fontkit's choice could differ from this reading: feature
 * variations, or a feature tag twice in one language system (fontkit keeps the last).
 */
function defaultLookupsByScript(table: LayoutTable | undefined): number[][] | undefined {
  if (!table) return [];
  if (table.featureVariations) return undefined;
  const out: number[][] = [];
  for (const { script } of table.scriptList) {
    const tags = new Set<string>();
    const indexes = new Set<number>();
    for (const f of script.defaultLangSys?.featureIndexes ?? []) {
      const feature = table.featureList[f];
      if (!feature || !DEFAULT_FEATURES.has(feature.tag)) continue;
      if (tags.has(feature.tag)) return undefined;
      tags.add(feature.tag);
      for (const l of feature.feature.lookupListIndexes) indexes.add(l);
    }
    out.push([...indexes].sort((a, b) => a - b));
  }
  return out;
}

/** A lookup's subtables with extension subtables (type 7 in GSUB, 9 in GPOS) unwrapped. */
function subtables(lookup: Lookup, extensionType: number): Array<{ type: number; table: Subtable }> {
  return lookup.subTables.map((t) => (lookup.lookupType === extensionType && t.extension ? { type: t.lookupType ?? 0, table: t.extension } : { type: lookup.lookupType, table: t }));
}

/** The glyphs whose presence lets a substitution lookup fire. */
function substitutionTriggers(type: number, t: Subtable): number[] {
  // Contextual lookups (5, 6) fire only on their input sequence; the rest on their coverage.
  if ((type === 5 || type === 6) && t.version === 3) return [...(t.coverages ?? []), ...(t.inputCoverage ?? [])].flatMap(coverageGlyphs);
  return coverageGlyphs(t.coverage);
}

/** The glyphs whose presence lets a positioning lookup other than pair kerning fire. */
function positioningTriggers(type: number, t: Subtable): number[] {
  if (type === 4 || type === 5) return coverageGlyphs(t.markCoverage);
  if (type === 6) return coverageGlyphs(t.mark1Coverage);
  if ((type === 7 || type === 8) && t.version === 3) return [...(t.coverages ?? []), ...(t.inputCoverage ?? [])].flatMap(coverageGlyphs);
  return coverageGlyphs(t.coverage);
}

/** Pair kerning is x-advance of the first glyph only, in lookups that skip no glyph kind but marks. */
function plainKerning(lookup: Lookup, parts: Array<{ type: number; table: Subtable }>): boolean {
  const flags = lookup.flags.flags;
  if (flags.ignoreBaseGlyphs || flags.ignoreLigatures || flags.useMarkFilteringSet) return false;
  return parts.every(({ table }) => {
    const first = Object.entries(table.valueFormat1 ?? {}).filter(([, on]) => on).map(([k]) => k);
    const second = Object.entries(table.valueFormat2 ?? {}).filter(([, on]) => on);
    return second.length === 0 && first.every((k) => k === 'xAdvance');
  });
}

/** fontkit's pair adjustment for `first` followed by `second` under one lookup (GPOSProcessor, type 2). */
function pairAdjustment(parts: Array<{ type: number; table: Subtable }>, first: number, second: number): number {
  for (const { table } of parts) {
    const index = table.coverage ? coverageIndex(table.coverage, first) : -1;
    if (index === -1) continue;
    if (table.version === 1) {
      for (const pair of at(table.pairSets as Indexed<Indexed<{ secondGlyph: number; value1?: ValueRecord }>>, index) as Iterable<{ secondGlyph: number; value1?: ValueRecord }>) {
        if (pair.secondGlyph === second) return pair.value1?.xAdvance ?? 0;
      }
      continue;
    }
    const row = at(table.classRecords as Indexed<Indexed<{ value1?: ValueRecord }>>, classOf(table.classDef1 as ClassDef, first));
    return at(row, classOf(table.classDef2 as ClassDef, second)).value1?.xAdvance ?? 0;
  }
  return 0;
}

/**
 * The tables for the characters `codePoints` of `font`, or undefined when the font's default
 * layout does more than substitutions that can be avoided and pair kerning.
 */
export function buildShapingTables(font: FontkitFont, bytes: Uint8Array, codePoints: Iterable<number>): StoredShapingTables | undefined {
  const otf = font as unknown as { GSUB?: LayoutTable; GPOS?: LayoutTable; GDEF?: { glyphClassDef?: ClassDef }; kern?: unknown; morx?: unknown };
  // An old-style kern table or AAT layout is applied by other code paths in fontkit.
  if (otf.kern || otf.morx) return undefined;
  const substitutions = defaultLookupsByScript(otf.GSUB);
  const positionings = defaultLookupsByScript(otf.GPOS);
  // Positioning must not depend on the script fontkit picks for a text (it picks one).
  if (!substitutions || !positionings || positionings.some((l) => l.join() !== (positionings[0] ?? []).join())) return undefined;
  const gsub = otf.GSUB?.lookupList.toArray() ?? [];
  const gpos = otf.GPOS?.lookupList.toArray() ?? [];
  const triggers = new Set<number>();
  for (const i of new Set(substitutions.flat())) for (const { type, table } of subtables(gsub[i] as Lookup, 7)) for (const g of substitutionTriggers(type, table)) triggers.add(g);
  const kerning: Array<Array<{ type: number; table: Subtable }>> = [];
  for (const lookup of (positionings[0] ?? []).map((i) => gpos[i] as Lookup)) {
    const parts = subtables(lookup, 9);
    if (parts.every((p) => p.type === 2)) {
      if (!plainKerning(lookup, parts)) return undefined;
      kerning.push(parts);
    } else for (const { type, table } of parts) for (const g of positioningTriggers(type, table)) triggers.add(g);
  }
  const glyphs: number[] = [];
  const complex: number[] = [];
  const ids = new Set<number>();
  // fontkit takes a glyph's kind from GDEF when the font classes its glyphs: anything but a base
  // glyph (a mark, say, whose advance fontkit zeroes) is left to fontkit.
  const classes = otf.GDEF?.glyphClassDef;
  for (const cp of codePoints) {
    const glyph = font.glyphForCodePoint(cp);
    if (!glyph || glyph.id === 0) continue;
    const kind = classes ? classOf(classes, glyph.id) : 1;
    if (triggers.has(glyph.id) || SPECIAL.test(String.fromCodePoint(cp)) || (kind !== 0 && kind !== 1)) complex.push(cp);
    else {
      glyphs.push(cp, glyph.id, glyph.advanceWidth);
      ids.add(glyph.id);
    }
  }
  const sorted = [...ids].sort((a, b) => a - b);
  const numGlyphs = (font as unknown as { numGlyphs: number }).numGlyphs;
  const starts = new Uint32Array(numGlyphs + 1);
  const seconds: number[] = [];
  const values: number[] = [];
  for (let first = 0; first < numGlyphs; first++) {
    starts[first] = seconds.length;
    if (!ids.has(first)) continue;
    for (const second of sorted) {
      let adjustment = 0;
      for (const parts of kerning) adjustment += pairAdjustment(parts, first, second);
      if (adjustment !== 0) {
        seconds.push(second);
        values.push(adjustment);
      }
    }
  }
  starts[numGlyphs] = seconds.length;
  const base64 = (a: Uint32Array | Uint16Array | Int16Array): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
  return { fontCrc32: crc32(bytes), fontLength: bytes.length, unitsPerEm: font.unitsPerEm, glyphs, complex, kernStarts: base64(starts), kernSeconds: base64(Uint16Array.from(seconds)), kernValues: base64(Int16Array.from(values)) };
}

/** The bytes of a base64 string in a buffer of their own (typed arrays need their alignment). */
function bytesOf(base64: string): ArrayBuffer {
  const decoded = Buffer.from(base64, 'base64');
  return decoded.buffer.slice(decoded.byteOffset, decoded.byteOffset + decoded.byteLength);
}

/** The adjustment of `first` followed by `second`: a binary search in `first`'s run. */
function kerning(tables: ShapingTables, first: number, second: number): number {
  let lo = tables.kernStarts[first] ?? 0;
  let hi = tables.kernStarts[first + 1] ?? 0;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const s = tables.kernSeconds[mid] as number;
    if (s === second) return tables.kernValues[mid] as number;
    if (s < second) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

/** Whether `stored` was made from these font bytes (a font package updated since would not be). */
export function madeFrom(stored: StoredShapingTables, bytes: Uint8Array): boolean {
  return stored.fontLength === bytes.length && stored.fontCrc32 === crc32(bytes);
}

export function readShapingTables(stored: StoredShapingTables): ShapingTables {
  const glyphs = new Map<number, { id: number; advance: number }>();
  for (let i = 0; i < stored.glyphs.length; i += 3) glyphs.set(stored.glyphs[i] as number, { id: stored.glyphs[i + 1] as number, advance: stored.glyphs[i + 2] as number });
  return {
    scale: 1000 / stored.unitsPerEm,
    glyphs,
    complex: new Set(stored.complex),
    kernStarts: new Uint32Array(bytesOf(stored.kernStarts)),
    kernSeconds: new Uint16Array(bytesOf(stored.kernSeconds)),
    kernValues: new Int16Array(bytesOf(stored.kernValues)),
  };
}

/**
 * The shaping of `text` from the tables, exactly as fontkit's layout gives it (glyphs of the
 * character map, advance plus pair kerning), or undefined for a text fontkit must shape.
 */
export function simpleShaping(tables: ShapingTables, text: string): ShapedText | undefined {
  const glyphIds: number[] = [];
  const advances: number[] = [];
  const codePoints: number[][] = [];
  for (const char of text) {
    const cp = char.codePointAt(0) as number;
    const glyph = tables.glyphs.get(cp);
    if (!glyph || tables.complex.has(cp)) return undefined;
    glyphIds.push(glyph.id);
    advances.push(glyph.advance);
    codePoints.push([cp]);
  }
  const { scale } = tables;
  const positions: EncodedPosition[] = [];
  let advance = 0;
  for (let i = 0; i < glyphIds.length; i++) {
    const own = advances[i] as number;
    const next = glyphIds[i + 1];
    const xAdvance = (own + (next === undefined ? 0 : kerning(tables, glyphIds[i] as number, next))) * scale;
    advance += xAdvance;
    positions.push({ xAdvance, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: own * scale });
  }
  return { glyphIds, codePoints, positions, advance };
}
