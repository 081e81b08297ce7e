/**
 * Text shaping (fontkit: glyph choice, ligatures, kerning) with a cache shared between documents.
 *
 * Shaping is the renderer's largest single cost (about a third of a document), and a pack repeats
 * most of its words. The cache holds plain data only: glyph ids, the code points each glyph stands
 * for, advances and positions. It never holds fontkit objects, so it cannot carry one document's
 * glyph state into another (performance.md trap 3): each document still has its own fontkit fonts
 * for embedding, and every glyph a document draws is registered with THAT document's subset, width
 * table and ToUnicode map here, exactly as pdfkit's own `encode` would do it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FontkitGlyphRun } from 'fontkit';
import { packageRoot } from '../../core/paths.js';
import { fontBytes, processFont, type Face } from './fonts.js';
import type { EncodedPosition, PdfFont } from './internals.js';
import { madeFrom, readShapingTables, simpleShaping, type ShapedText, type ShapingTables, type StoredShapingTables } from './simple-shaping.js';

export type { ShapedText } from './simple-shaping.js';

// One map per face, keyed by the text itself: a combined "face + text" key was a new string to
// build and hash on every lookup, and lookups run for every word measured and drawn.
const caches: Record<Face, Map<string, ShapedText>> = { regular: new Map(), bold: new Map(), italic: new Map(), boldItalic: new Map() };
const CACHE_LIMIT = 50_000;

/**
 * Text the face's plain tables can shape (simple-shaping.ts) is shaped from them. Otherwise:
 * one font object per face for shaping alone, shared by the documents of the process, so its
 * substitution and positioning tables are decoded once rather than once per document. fontkit's
 * glyph objects keep the code points they were first made with (performance.md trap 3), so the
 * code points of a text shaped with this font are never taken from its glyphs: they are the
 * text's own characters, one per glyph. A text whose glyphs and characters do not pair up one to
 * one (a ligature, a decomposition) is shaped with the document's own font instead (Shaper).
 *
 * Returns the shaping when the glyphs are exactly the characters' own (cmap) glyphs, one each, so
 * that the code points can be the text's; undefined otherwise.
 */
function sharedShaping(face: Face, text: string): ShapedText | undefined {
  const simple = tablesFor(face);
  if (simple) {
    const shaped = simpleShaping(simple, text);
    if (shaped) return shaped;
  }
  const shared = processFont('shaping', face);
  const run = shared.layout(text);
  const chars = Array.from(text, (char) => char.codePointAt(0) as number);
  if (run.glyphs.length !== chars.length) return undefined;
  if (!chars.every((cp, i) => shared.glyphForCodePoint(cp).id === run.glyphs[i]?.id)) return undefined;
  return shapedFrom(run, shared.unitsPerEm, chars.map((cp) => [cp]));
}

export function shapingTablesFile(): string {
  return join(packageRoot(), 'dist', 'render', 'pdf', 'shaping.json');
}

let stored: Partial<Record<Face, StoredShapingTables>> | undefined;
const tables: Partial<Record<Face, ShapingTables | null>> = {};

/** The face's tables for simple-shaping.ts, made at install time; none when missing (all text through fontkit). */
function tablesFor(face: Face): ShapingTables | undefined {
  let t = tables[face];
  if (t === undefined) {
    if (!stored) {
      const file = shapingTablesFile();
      stored = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<Record<Face, StoredShapingTables>>) : {};
    }
    const s = stored[face];
    t = tables[face] = s && madeFrom(s, fontBytes(face)) ? readShapingTables(s) : null;
  }
  return t ?? undefined;
}

function shapedFrom(run: FontkitGlyphRun, unitsPerEm: number, codePoints: number[][]): ShapedText {
  const scale = 1000 / unitsPerEm;
  let advance = 0;
  const positions = run.positions.map((pos, i) => {
    advance += pos.xAdvance * scale;
    return {
      xAdvance: pos.xAdvance * scale,
      yAdvance: pos.yAdvance * scale,
      xOffset: pos.xOffset * scale,
      yOffset: pos.yOffset * scale,
      advanceWidth: (run.glyphs[i]?.advanceWidth ?? 0) * scale,
    };
  });
  return { glyphIds: run.glyphs.map((glyph) => glyph.id), codePoints, positions, advance };
}

/**
 * A glyph id as the four hex digits of its 2-byte code, made once per id for the process: built
 * afresh for every glyph drawn, these strings were the renderer's largest single allocation.
 */
const HEX4: string[] = [];

function hex4(id: number): string {
  return (HEX4[id] ??= `0000${id.toString(16)}`.slice(-4));
}

/** The shaping of one document: measuring and encoding with the shared cache. */
export class Shaper {
  /**
   * Texts the shared font cannot shape one glyph per character (ligatures): shaped with this
   * document's own fonts, whose glyphs carry the code points they were first made with in THIS
   * document. Kept per document, never in the shared cache, or one document's "\ufb01" could decide
   * which code points another document's "fi" maps to, depending on which rendered first.
   */
  private readonly own: Record<Face, Map<string, ShapedText>> = { regular: new Map(), bold: new Map(), italic: new Map(), boldItalic: new Map() };

  constructor(private readonly fonts: Record<Face, PdfFont>) {}

  shaped(face: Face, text: string): ShapedText {
    const cache = caches[face];
    let shaped = cache.get(text) ?? this.own[face].get(text);
    if (!shaped) {
      shaped = sharedShaping(face, text);
      if (shaped) {
        if (cache.size >= CACHE_LIMIT) cache.clear();
        cache.set(text, shaped);
      } else {
        const font = this.fonts[face].font;
        const run = font.layout(text);
        shaped = shapedFrom(run, font.unitsPerEm, run.glyphs.map((glyph) => [...glyph.codePoints]));
        this.own[face].set(text, shaped);
      }
    }
    return shaped;
  }

  width(text: string, face: Face, size: number): number {
    return (this.shaped(face, text).advance * size) / 1000;
  }

  /**
   * Glyph codes (4-digit hex glyph ids of the document's subset) and positions for `text`, with
   * every glyph added to the subset, the /W widths and the ToUnicode map (pdfkit's encode).
   */
  encode(face: Face, text: string): [string[], EncodedPosition[]] {
    const font = this.fonts[face];
    const shaped = this.shaped(face, text);
    const codes = shaped.glyphIds.map((id, i) => {
      const gid = font.subset.includeGlyph(id);
      font.widths[gid] ??= (shaped.positions[i] as EncodedPosition).advanceWidth;
      font.unicode[gid] ??= shaped.codePoints[i] as number[];
      return hex4(gid);
    });
    return [codes, shaped.positions];
  }
}
