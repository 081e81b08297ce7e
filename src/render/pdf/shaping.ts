/**
 * Text shaping (fontkit: glyph choice, ligatures, kerning) with a cache shared between documents.
 *
 * Shaping is the renderer's largest single cost (about a third of a document), and a pack repeats
 * most of its words. The cache holds plain data only: glyph ids, the code points each glyph stands
 * for, advances and positions. It never holds fontkit objects, so it cannot carry one document's
 * glyph state into another (performance.md trap 3): each document still has its own fontkit fonts,
 * and every glyph a document draws is registered with THAT document's subset, width table and
 * ToUnicode map here, exactly as pdfkit's own `encode` would do it.
 */
import type { Face } from './fonts.js';
import type { EncodedPosition, PdfFont } from './internals.js';

export interface ShapedText {
  glyphIds: number[];
  codePoints: number[][];
  /** Positions in thousandths of the font size; `advanceWidth` is the glyph's own advance. */
  positions: EncodedPosition[];
  /** Total advance in thousandths of the font size. */
  advance: number;
}

// One map per face, keyed by the text itself: a combined "face + text" key was a new string to
// build and hash on every lookup, and lookups run for every word measured and drawn.
const caches: Record<Face, Map<string, ShapedText>> = { regular: new Map(), bold: new Map(), italic: new Map(), boldItalic: new Map() };
const CACHE_LIMIT = 50_000;

/** Shapes with the document's own fontkit object on a cache miss. */
function shape(font: PdfFont, text: string): ShapedText {
  const run = font.font.layout(text);
  const scale = 1000 / font.font.unitsPerEm;
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
  return { glyphIds: run.glyphs.map((glyph) => glyph.id), codePoints: run.glyphs.map((glyph) => [...glyph.codePoints]), positions, advance };
}

/** The shaping of one document: measuring and encoding with the shared cache. */
export class Shaper {
  constructor(private readonly fonts: Record<Face, PdfFont>) {}

  shaped(face: Face, text: string): ShapedText {
    const cache = caches[face];
    let shaped = cache.get(text);
    if (!shaped) {
      shaped = shape(this.fonts[face], text);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(text, shaped);
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
      return `0000${gid.toString(16)}`.slice(-4);
    });
    return [codes, shaped.positions];
  }
}
