/**
 * Glyph outlines for the visible parts of split words (linebreak.ts explains why they are not text).
 *
 * Each glyph is written once per document as a Form XObject and placed with `cm … Do`, so a
 * hyphenated word costs a few dozen bytes instead of its full outline.
 *
 * The outlines come from fontkit objects of their OWN, never the ones registered with pdfkit:
 * reading the path of a composite glyph (Ý = Y + acute) makes fontkit create the component glyph
 * without code points, and a glyph created that way before the text uses it gets an empty
 * ToUnicode entry (performance.md trap 3, inside a single document). These objects never reach
 * pdfkit, so sharing them between documents is safe; only path strings are cached from them.
 */
import { deflateSync } from 'node:zlib';
import type { FontkitFont, FontkitPathCommand } from 'fontkit';
import { num } from './content.js';
import { processFont, type Face } from './fonts.js';
import type { EncodedPosition } from './internals.js';
import type { Shaper } from './shaping.js';

interface ShapedGlyph {
  key: string;
  xAdvance: number;
  xOffset: number;
  yOffset: number;
}

interface GlyphShape {
  path: string;
  bbox: [number, number, number, number];
  /** The form's content stream (path and fill), deflated once per process, not per document. */
  stream?: Uint8Array;
}

const shapes = new Map<string, GlyphShape>();
const runs = new Map<string, { glyphs: ShapedGlyph[]; unitsPerEm: number }>();
const CACHE_LIMIT = 20_000;

function outlineFont(face: Face): FontkitFont {
  return processFont('outlines', face);
}

/**
 * Glyphs and positions (font units) of `text`: glyph choice and positions come from the document's
 * shaping (the text drawn and the outlines drawn are the same glyphs), only the paths from the
 * outline font, so this font never lays out text.
 */
function shape(face: Face, text: string, shaper: Shaper): { glyphs: ShapedGlyph[]; unitsPerEm: number } {
  const cacheKey = `${face}\u0000${text}`;
  let run = runs.get(cacheKey);
  if (!run) {
    const font = outlineFont(face);
    const shaped = shaper.shaped(face, text);
    // Shaped positions are in thousandths of the font size.
    const units = font.unitsPerEm / 1000;
    const glyphs = shaped.glyphIds.map((id, i) => {
      const key = `${face}:${id}`;
      if (!shapes.has(key)) {
        const glyph = font.getGlyph(id);
        shapes.set(key, glyphShape(glyph.path.commands, glyph));
      }
      const pos = shaped.positions[i] as EncodedPosition;
      return { key, xAdvance: pos.xAdvance * units, xOffset: pos.xOffset * units, yOffset: pos.yOffset * units };
    });
    run = { glyphs, unitsPerEm: font.unitsPerEm };
    if (runs.size >= CACHE_LIMIT) runs.clear();
    runs.set(cacheKey, run);
  }
  return run;
}

function glyphShape(commands: readonly FontkitPathCommand[], glyph: { bbox: { minX: number; minY: number; maxX: number; maxY: number } }): GlyphShape {
  const { minX, minY, maxX, maxY } = glyph.bbox;
  const box: [number, number, number, number] = [minX, minY, maxX, maxY].map((v) => (Number.isFinite(v) ? v : 0)) as [number, number, number, number];
  return { path: pathOps(commands), bbox: box };
}

/** A glyph path in font units (y up) as PDF path operators. */
function pathOps(commands: readonly FontkitPathCommand[]): string {
  const ops: string[] = [];
  let cx = 0;
  let cy = 0;
  for (const { command, args } of commands) {
    const a = args;
    switch (command) {
      case 'moveTo':
      case 'lineTo':
        ops.push(`${num(a[0] as number)} ${num(a[1] as number)} ${command === 'moveTo' ? 'm' : 'l'}`);
        [cx, cy] = [a[0] as number, a[1] as number];
        break;
      case 'quadraticCurveTo': {
        // TrueType quadratic Bézier → the equivalent cubic (PDF has no quadratic operator).
        const [qx, qy, x, y] = a as [number, number, number, number];
        ops.push(`${num(cx + (2 / 3) * (qx - cx))} ${num(cy + (2 / 3) * (qy - cy))} ${num(x + (2 / 3) * (qx - x))} ${num(y + (2 / 3) * (qy - y))} ${num(x)} ${num(y)} c`);
        [cx, cy] = [x, y];
        break;
      }
      case 'bezierCurveTo':
        ops.push(`${a.slice(0, 6).map((v) => num(v)).join(' ')} c`);
        [cx, cy] = [a[4] as number, a[5] as number];
        break;
      case 'closePath':
        ops.push('h');
        break;
    }
  }
  return ops.join('\n');
}

interface DocRef {
  end(chunk?: Uint8Array): void;
}

interface FormDoc {
  ref(data: Record<string, unknown>): DocRef;
  page: { xobjects: Record<string, unknown> };
}

/** The glyph forms of one document. */
export class GlyphForms {
  private readonly forms = new Map<string, { name: string; ref: DocRef }>();

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly shaper: Shaper,
  ) {}

  /** Content operators drawing `text` as outlines with its origin at (x, baseline), page coordinates. */
  draw(face: Face, text: string, size: number, x: number, baseline: number): string {
    const run = shape(face, text, this.shaper);
    const scale = size / run.unitsPerEm;
    const ops: string[] = [];
    let pen = x;
    for (const glyph of run.glyphs) {
      const name = this.form(glyph.key);
      const gx = pen + glyph.xOffset * scale;
      const gy = baseline - glyph.yOffset * scale;
      if (name) ops.push(`q ${num(scale)} 0 0 ${num(-scale)} ${num(gx)} ${num(gy)} cm /${name} Do Q`);
      pen += glyph.xAdvance * scale;
    }
    return ops.join('\n');
  }

  /** The resource name of a glyph's form on the current page; null for a glyph without outline (space). */
  private form(key: string): string | null {
    const shape = shapes.get(key) as GlyphShape;
    if (!shape.path) return null;
    const doc = this.doc as unknown as FormDoc;
    let form = this.forms.get(key);
    if (!form) {
      // Filter set here: pdfkit then writes the bytes as they are instead of deflating each small
      // form again in every document (zlib's set-up dominated those calls).
      const ref = doc.ref({ Type: 'XObject', Subtype: 'Form', FormType: 1, BBox: shape.bbox, Filter: 'FlateDecode' });
      shape.stream ??= deflateSync(`${shape.path}\nf\n`);
      ref.end(shape.stream);
      form = { name: `G${this.forms.size + 1}`, ref };
      this.forms.set(key, form);
    }
    doc.page.xobjects[form.name] ??= form.ref;
    return form.name;
  }
}
