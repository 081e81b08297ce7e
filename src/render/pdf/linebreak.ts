/**
 * Words → lines: greedy line breaking with TeX-pattern hyphenation and our own justification.
 *
 * Justification distributes the free space over the spaces between words by position, so a space
 * between a bold and a plain run is a real glyph in the text layer, whatever the styles around it
 * (pdfkit's `align: 'justify'` drops it: performance.md trap 1).
 *
 * A word split across lines (hyphenation, or a word longer than the line) must still come out of
 * the text layer WHOLE ("hyzmatlary", not "hyz- matlary"). Extractors ignore /ActualText (pdf.js
 * does) or re-join lines by geometry, so the split word is written once as invisible text
 * (rendering mode 3) over its first part, horizontally scaled to that part's width, and the
 * visible parts ("hyz-", "matlary") are drawn as glyph outlines marked as artifacts: pdf.js,
 * poppler and screen readers all read "hyzmatlary", while the page shows the hyphenation.
 */
import type { Align } from '../../model/types.js';
import type { Face } from './fonts.js';
import type { Hyphenator } from './hyphenate.js';
import { makeFrag, sum, type Frag, type LinkTarget, type Measure, type Word } from './inline.js';

export type LineItem =
  /** Real text (words, spaces, labels, footnote references). */
  | { kind: 'text'; frag: Frag; x: number }
  /** A visible part of a split word, drawn as outlines (an artifact). */
  | { kind: 'outline'; frag: Frag; x: number }
  /** The whole split word as invisible text, squeezed into `width` over its first part. */
  | { kind: 'hidden'; text: string; face: Face; size: number; x: number; width: number; natural: number; first: number; link?: LinkTarget; linkId?: number };

export interface Line {
  /** Items with x relative to the text column's left edge. */
  items: LineItem[];
  /** Footnotes referred to on this line, in order. */
  footnotes: number[];
}

export interface BreakSpec {
  /** Where the first line's text starts and where the other lines start, relative to the column. */
  firstStart: number;
  restStart: number;
  /** Right edge of every line, relative to the column. */
  end: number;
  align: Align;
  hyphenate: Hyphenator;
  measure: Measure;
  /** Items placed before the first line's text: a hanging clause label. */
  prefix?: LineItem[];
  /**
   * How far the invisible whole of a split word may run past `end` (into an empty page margin).
   * Squeezed tight over its first part, poppler reads two equal neighbouring letters ("оо") as one
   * glyph drawn twice (its fake-bold rule) and drops one; where there is no room (table cells),
   * it is squeezed no more than it must.
   */
  overflow?: number;
}

/** A word or the part of a split word still to be placed. */
interface Piece {
  frags: Frag[];
  width: number;
  space: Frag | null;
  breakAfter: boolean;
  /** Set once the word is split: the whole word, written as invisible text with the first piece. */
  whole?: { text: string; face: Face; size: number; link?: LinkTarget; linkId?: number };
  first: boolean;
  /** Offset of this piece in the whole word's text. */
  offset: number;
}

const EPSILON = 0.01;
/** Hyphenate only when the spaces of the line would otherwise more than double. */
const LOOSE_FACTOR = 1;
/** At most two hyphenated lines in a row (Russian and Turkmen typesetting practice). */
const MAX_HYPHEN_RUN = 2;

class LineBuilder {
  readonly items: LineItem[];
  pos: number;
  private readonly spaces: number[] = [];
  private contentCount = 0;

  constructor(
    start: number,
    private readonly spec: BreakSpec,
    prefix: LineItem[] = [],
  ) {
    this.items = [...prefix];
    this.pos = start;
  }

  /** Whether no word has been placed yet (a hanging label does not count). */
  get empty(): boolean {
    return this.contentCount === 0;
  }

  append(piece: Piece, space: Frag | null): void {
    if (space && this.contentCount > 0) {
      this.spaces.push(this.items.length);
      this.items.push({ kind: 'text', frag: space, x: this.pos });
      this.pos += space.width;
    }
    if (piece.whole && piece.first) {
      const natural = this.spec.measure.width(piece.whole.text, piece.whole.face, piece.whole.size);
      this.items.push({ kind: 'hidden', ...piece.whole, x: this.pos, width: piece.width, natural, first: piece.width });
    }
    for (const frag of piece.frags) {
      this.items.push({ kind: piece.whole ? 'outline' : 'text', frag, x: this.pos });
      this.pos += frag.width;
    }
    if (piece.frags.length > 0) this.contentCount++;
  }

  /** Whether the spaces would stretch noticeably if the line ended here. */
  loose(spaceWidth: number): boolean {
    const slack = this.spec.end - this.pos;
    return slack / Math.max(1, this.spaces.length) > LOOSE_FACTOR * spaceWidth;
  }

  finish(justify: boolean): Line {
    const slack = this.spec.end - this.pos;
    if (this.spec.align === 'justify' && justify && slack > 0 && this.spaces.length > 0) this.stretch(slack / this.spaces.length);
    else if (this.spec.align === 'center') this.shift(slack / 2);
    else if (this.spec.align === 'right') this.shift(slack);
    // Only now is the split word's place final: give its invisible whole the room there is.
    const limit = this.spec.end + (this.spec.overflow ?? 0);
    for (const item of this.items) if (item.kind === 'hidden') item.width = Math.max(item.first, Math.min(item.natural, limit - item.x));
    const footnotes: number[] = [];
    for (const item of this.items) if (item.kind === 'text' && item.frag.footnote !== undefined) footnotes.push(item.frag.footnote);
    return { items: this.items, footnotes };
  }

  private stretch(perSpace: number): void {
    let shift = 0;
    let next = 0;
    this.items.forEach((item, index) => {
      item.x += shift;
      if (index === this.spaces[next]) {
        shift += perSpace;
        next++;
      }
    });
  }

  private shift(by: number): void {
    if (by > 0) for (const item of this.items) item.x += by;
  }
}

export function breakLines(words: readonly Word[], spec: BreakSpec): Line[] {
  const lines: Line[] = [];
  // Pieces are built field by field (not spread from the words) and the queue is read by index,
  // with split tails on a stack: this loop runs for every word of a document.
  let next = 0;
  const tails: Piece[] = [];
  const take = (): Piece | undefined => {
    const tail = tails.pop();
    if (tail) return tail;
    const word = words[next++];
    return word && { frags: word.frags, width: word.width, space: word.space, breakAfter: word.breakAfter, first: true, offset: 0 };
  };
  const remaining = (): number => tails.length + words.length - next;
  let line = new LineBuilder(spec.firstStart, spec, spec.prefix);
  let pending: Frag | null = null;
  let hyphenRun = 0;
  const newLine = (justify: boolean, hyphenated: boolean): void => {
    lines.push(line.finish(justify));
    hyphenRun = hyphenated ? hyphenRun + 1 : 0;
    line = new LineBuilder(spec.restStart, spec);
    pending = null;
  };

  for (let piece = take(); piece; piece = take()) {
    const space: Frag | null = line.empty ? null : pending;
    const spaceWidth = space ? space.width : 0;
    if (line.pos + spaceWidth + piece.width <= spec.end + EPSILON || (line.empty && !splittable(piece))) {
      line.append(piece, space);
      pending = piece.space;
      if (piece.breakAfter) newLine(false, false);
      continue;
    }
    const avail = spec.end - line.pos - spaceWidth;
    // Never hyphenate the last word of a paragraph (or before a forced break): a lone syllable on
    // the last line looks worse than a loose line.
    const last = remaining() === 0 || piece.breakAfter;
    const optional = spec.align === 'justify' && !last && hyphenRun < MAX_HYPHEN_RUN && line.loose(space?.width ?? piece.frags[0]?.size ?? 0);
    const split = line.empty || optional ? splitToFit(piece, avail, line.empty, spec) : null;
    if (split) {
      line.append(split.head, space);
      newLine(true, split.hyphen);
      tails.push(split.tail);
    } else {
      newLine(true, false);
      tails.push(piece);
    }
  }
  if (!line.empty || lines.length === 0) lines.push(line.finish(false));
  return lines;
}

function splittable(piece: Piece): boolean {
  const text = piece.frags.map((frag) => frag.text).join('');
  return [...text].length > 1 && piece.frags.every((frag) => frag.footnote === undefined);
}

interface Split {
  head: Piece;
  tail: Piece;
  hyphen: boolean;
}

/**
 * The largest head of `piece` that fits in `avail` points: at a hyphenation point, or (when the
 * piece is wider than a whole line: `mandatory`) at the last character that fits.
 */
function splitToFit(piece: Piece, avail: number, mandatory: boolean, spec: BreakSpec): Split | null {
  if (!splittable(piece)) return null;
  const text = piece.frags.map((frag) => frag.text).join('');
  const wholeText = piece.whole?.text ?? text;
  const points = spec.hyphenate(wholeText).map((point) => point - piece.offset).filter((point) => point > 0 && point < text.length);
  for (let i = points.length - 1; i >= 0; i--) {
    const point = points[i] as number;
    const hyphen = text[point - 1] !== '-';
    const [head, tail] = splitFrags(piece.frags, point, spec.measure);
    const hyphenFrag = hyphen ? hyphenAfter(head, spec.measure) : null;
    if (sum(head) + (hyphenFrag?.width ?? 0) <= avail + EPSILON) return build(piece, wholeText, head, tail, point, hyphenFrag);
  }
  if (!mandatory) return null;
  const point = longestFittingPrefix(piece.frags, text, avail, spec.measure);
  const [head, tail] = splitFrags(piece.frags, point, spec.measure);
  return build(piece, wholeText, head, tail, point, null);
}

function build(piece: Piece, wholeText: string, head: Frag[], tail: Frag[], point: number, hyphenFrag: Frag | null): Split {
  const firstFrag = piece.frags[0] as Frag;
  const whole = piece.whole ?? {
    text: wholeText,
    face: firstFrag.face,
    size: firstFrag.size,
    ...(firstFrag.link ? { link: firstFrag.link, linkId: firstFrag.linkId as number } : {}),
  };
  const headFrags = hyphenFrag ? [...head, hyphenFrag] : head;
  return {
    head: { frags: headFrags, width: sum(headFrags), space: null, breakAfter: false, whole, first: piece.whole ? piece.first : true, offset: piece.offset },
    tail: { frags: tail, width: sum(tail), space: piece.space, breakAfter: piece.breakAfter, whole, first: false, offset: piece.offset + point },
    hyphen: hyphenFrag !== null,
  };
}

/** The hyphen drawn at the end of a line, in the style of the letter before it. */
function hyphenAfter(head: Frag[], measure: Measure): Frag {
  const last = head[head.length - 1] as Frag;
  const extra = last.link ? { link: last.link, linkId: last.linkId as number } : undefined;
  return makeFrag(measure, '-', last.face, last.size, extra);
}

/** Splits fragments at a UTF-16 offset into their joined text, re-measuring the split fragment. */
function splitFrags(frags: readonly Frag[], at: number, measure: Measure): [Frag[], Frag[]] {
  let pos = 0;
  for (let i = 0; i < frags.length; i++) {
    const frag = frags[i] as Frag;
    const end = pos + frag.text.length;
    if (at <= end) {
      const k = at - pos;
      if (k === 0) return [frags.slice(0, i), frags.slice(i)];
      if (k === frag.text.length) return [frags.slice(0, i + 1), frags.slice(i + 1)];
      const left = { ...frag, text: frag.text.slice(0, k), width: measure.width(frag.text.slice(0, k), frag.face, frag.size) };
      const right = { ...frag, text: frag.text.slice(k), width: measure.width(frag.text.slice(k), frag.face, frag.size) };
      return [[...frags.slice(0, i), left], [right, ...frags.slice(i + 1)]];
    }
    pos = end;
  }
  return [[...frags], []];
}

/** Binary search for the longest prefix (whole code points, at least one) not wider than `avail`. */
function longestFittingPrefix(frags: readonly Frag[], text: string, avail: number, measure: Measure): number {
  const offsets: number[] = [];
  let offset = 0;
  for (const char of text) {
    offset += char.length;
    offsets.push(offset);
  }
  let lo = 0;
  let hi = offsets.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const [head] = splitFrags(frags, offsets[mid] as number, measure);
    if (sum(head) <= avail + EPSILON) lo = mid;
    else hi = mid - 1;
  }
  return offsets[lo] as number;
}
