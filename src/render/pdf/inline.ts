/**
 * Runs → words. A word is what the line breaker never splits except by hyphenation: one or more
 * fragments (a bold word followed by a plain comma is one word of two fragments) plus the space
 * that follows it, kept as a fragment of its own so the text layer gets a real space glyph in the
 * style it was typed in (performance.md trap 1: pdfkit's own justify loses exactly these spaces).
 */
import type { Run } from '../../model/types.js';
import { assertDrawable, drawableText, faceOf, type Face } from './fonts.js';

/** Where a link goes: an external URI or a named destination (an anchor of this document). */
export type LinkTarget = { kind: 'uri'; uri: string } | { kind: 'dest'; name: string };

export interface Frag {
  /** The text as drawn (substitutes applied). */
  text: string;
  face: Face;
  size: number;
  /** Baseline shift upwards (footnote references), in points. */
  rise: number;
  width: number;
  link?: LinkTarget;
  /** One number per linked run: its rectangles and its Link structure element belong together. */
  linkId?: number;
  /** The footnote this fragment refers to (its text is the number). */
  footnote?: number;
}

export interface Word {
  frags: Frag[];
  width: number;
  /** The (collapsed) space after the word; null at the end of the text or before a line break. */
  space: Frag | null;
  /** A forced line break follows the word. */
  breakAfter: boolean;
}

export interface Measure {
  width(text: string, face: Face, size: number): number;
}

export interface InlineStyle {
  face: Face;
  size: number;
  allCaps: boolean;
}

/** Numbering of linked runs, shared by all paragraphs of one document. */
export interface LinkCounter {
  next(): number;
}

/** Footnote references are set at 65 % of the size, raised by 35 % of it. */
const NOTE_REF_SCALE = 0.65;
const NOTE_REF_RISE = 0.35;

export function makeFrag(measure: Measure, text: string, face: Face, size: number, extra?: Partial<Frag>): Frag {
  const frag: Frag = { text, face, size, rise: 0, width: measure.width(text, face, size) };
  // Most fragments have no extras; copying an empty object for each of them showed in profiles.
  return extra ? Object.assign(frag, extra) : frag;
}

/** Prepares model text for drawing: NFC, no soft hyphens (the layout hyphenates), substitutes, caps. */
export function prepareText(text: string, allCaps: boolean): string {
  // Soft hyphens are invisible break hints; PT Serif would draw U+00AD as a visible hyphen.
  const clean = drawableText(text.normalize('NFC').replace(/\u00ad/g, ''));
  // Default Unicode case mapping: Turkmen has no dotless i, so never the Turkish locale (domain.md §3.2).
  return allCaps ? clean.toUpperCase() : clean;
}

class WordBuilder {
  readonly words: Word[] = [];
  private frags: Frag[] = [];

  add(frag: Frag): void {
    this.frags.push(frag);
  }

  /** Ends the current word; `space` is the space that ended it (collapsed with any before it). */
  endWord(space: Frag | null): void {
    if (this.frags.length > 0) {
      this.words.push({ frags: this.frags, width: sum(this.frags), space, breakAfter: false });
      this.frags = [];
      return;
    }
    const last = this.words[this.words.length - 1];
    if (last && space && !last.space && !last.breakAfter) last.space = space;
  }

  lineBreak(): void {
    this.endWord(null);
    const last = this.words[this.words.length - 1];
    if (last && !last.breakAfter) {
      last.space = null;
      last.breakAfter = true;
    } else {
      // A break at the start or a second break in a row: an empty line.
      this.words.push({ frags: [], width: 0, space: null, breakAfter: true });
    }
  }
}

export function sum(frags: readonly Frag[]): number {
  let width = 0;
  for (const frag of frags) width += frag.width;
  return width;
}

/** Converts a paragraph's runs into words, checking every character against the face it is drawn in. */
export function toWords(runs: readonly Run[], style: InlineStyle, measure: Measure, links: LinkCounter): Word[] {
  const builder = new WordBuilder();
  for (const run of runs) {
    if (run.kind === 'break') builder.lineBreak();
    else if (run.kind === 'footnote') builder.add(noteRef(run.number, style, measure));
    else {
      const face = run.code ? style.face : faceOf(isBold(style.face) || run.bold, isItalic(style.face) || run.italic);
      const link = linkOf(run.href, run.anchor);
      const extra: Partial<Frag> | undefined = link ? { link, linkId: links.next() } : undefined;
      addText(builder, prepareText(run.text, style.allCaps), face, style.size, measure, extra);
    }
  }
  builder.endWord(null);
  return builder.words;
}

function addText(builder: WordBuilder, text: string, face: Face, size: number, measure: Measure, extra: Partial<Frag> | undefined): void {
  const plain = text.replace(/[\t\n\r]/g, ' ');
  assertDrawable(plain, face);
  for (const piece of plain.split(/( +)/)) {
    if (piece === '') continue;
    if (piece.startsWith(' ')) builder.endWord(makeFrag(measure, ' ', face, size, extra));
    else builder.add(makeFrag(measure, piece, face, size, extra));
  }
}

function noteRef(number: number, style: InlineStyle, measure: Measure): Frag {
  const size = style.size * NOTE_REF_SCALE;
  return makeFrag(measure, String(number), style.face, size, { rise: style.size * NOTE_REF_RISE, footnote: number });
}

function linkOf(href: string | undefined, anchor: string | undefined): LinkTarget | undefined {
  if (href) return { kind: 'uri', uri: href };
  if (anchor) return { kind: 'dest', name: anchor };
  return undefined;
}

function isBold(face: Face): boolean {
  return face === 'bold' || face === 'boldItalic';
}

function isItalic(face: Face): boolean {
  return face === 'italic' || face === 'boldItalic';
}

/** Plain words (labels, TOC page numbers, running texts) in one face. */
export function plainWords(text: string, style: InlineStyle, measure: Measure): Word[] {
  const builder = new WordBuilder();
  addText(builder, prepareText(text, style.allCaps), style.face, style.size, measure, undefined);
  builder.endWord(null);
  return builder.words;
}
