/**
 * Content-stream writer for text objects.
 *
 * pdfkit's page CTM is flipped (y grows downwards, as in its API), so text objects use the text
 * matrix [1 0 0 -1 x y] to stand the glyphs upright again.
 */
import type { Face } from './fonts.js';
import type { PdfFont } from './internals.js';
import type { Shaper } from './shaping.js';

/** A number for the content stream: at most 3 decimals, no "-0" (stable bytes). */
export function num(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

export interface TextRun {
  text: string;
  face: Face;
  size: number;
  rise: number;
  /** x of the run's start in page coordinates. */
  x: number;
  /** Horizontal scale in percent; below 100 only for invisible split words. */
  scale?: number;
  invisible?: boolean;
}

/**
 * One text object (BT … ET) drawing `runs` on the baseline `baseline`. The space glyphs are in the
 * runs; extra space (justification, gaps before a hanging label's text) becomes TJ displacement,
 * so extraction sees exactly one space between words.
 */
export interface TextContext {
  fonts: Record<Face, PdfFont>;
  shaper: Shaper;
  /** Registers a font as a resource of the current page. */
  useFont(font: PdfFont): void;
}

export function textObject(runs: readonly TextRun[], context: TextContext, baseline: number): string {
  const writer = new TextWriter(context, baseline);
  for (const run of runs) writer.run(run);
  return writer.finish();
}

class TextWriter {
  private readonly ops: string[] = ['BT'];
  private font: PdfFont | null = null;
  private face: Face = 'regular';
  private size = 0;
  private rise = 0;
  private pen = Number.NaN;
  private array: string[] = [];
  /** Glyph codes waiting to go into the TJ array as one hex string. */
  private glyphs = '';

  constructor(
    private readonly context: TextContext,
    private readonly baseline: number,
  ) {}

  run(run: TextRun): void {
    this.setFont(run.face, run.size);
    if (run.rise !== this.rise) {
      this.flush();
      this.ops.push(`${num(run.rise)} Ts`);
      this.rise = run.rise;
    }
    if (Number.isNaN(this.pen)) this.moveTo(run.x);
    else this.advance(run.x - this.pen);
    const scale = (run.scale ?? 100) / 100;
    if (run.invisible) {
      this.flush();
      this.ops.push(`3 Tr ${num(run.scale ?? 100)} Tz`);
    }
    this.glyphRun(run.text, scale);
    if (run.invisible) {
      this.flush();
      this.ops.push('0 Tr 100 Tz');
    }
  }

  finish(): string {
    this.flush();
    if (this.rise !== 0) this.ops.push('0 Ts');
    this.ops.push('ET');
    return this.ops.join('\n');
  }

  private setFont(face: Face, size: number): void {
    const font = this.context.fonts[face];
    if (font === this.font && size === this.size) return;
    this.flush();
    this.context.useFont(font);
    this.ops.push(`/${font.id} ${num(size)} Tf`);
    this.font = font;
    this.face = face;
    this.size = size;
  }

  private moveTo(x: number): void {
    this.flush();
    this.ops.push(`1 0 0 -1 ${num(x)} ${num(this.baseline)} Tm`);
    this.pen = x;
  }

  /** Moves the pen right by `points` inside the TJ array. */
  private advance(points: number): void {
    if (Math.abs(points) < 0.0005) return;
    this.flushGlyphs();
    this.array.push(num((-points * 1000) / this.size));
    this.pen += points;
  }

  private glyphRun(text: string, scale: number): void {
    const [codes, positions] = this.context.shaper.encode(this.face, text);
    const unit = (this.size / 1000) * scale;
    positions.forEach((pos, i) => {
      if (pos.xOffset || pos.yOffset) {
        // A positioned mark: its own text matrix, then back to the pen.
        this.flush();
        this.ops.push(`1 0 0 -1 ${num(this.pen + pos.xOffset * unit)} ${num(this.baseline - (pos.yOffset * this.size) / 1000)} Tm`, `<${codes[i]}> Tj`);
        this.pen += pos.xAdvance * unit;
        this.ops.push(`1 0 0 -1 ${num(this.pen)} ${num(this.baseline)} Tm`);
        return;
      }
      this.glyphs += codes[i] as string;
      const kerning = pos.xAdvance - pos.advanceWidth;
      if (kerning) {
        this.flushGlyphs();
        this.array.push(num(-kerning));
      }
      this.pen += pos.xAdvance * unit;
    });
  }

  private flushGlyphs(): void {
    if (this.glyphs !== '') {
      this.array.push(`<${this.glyphs}>`);
      this.glyphs = '';
    }
  }

  private flush(): void {
    this.flushGlyphs();
    if (this.array.length > 0) {
      this.ops.push(`[${this.array.join(' ')}] TJ`);
      this.array = [];
    }
  }
}
