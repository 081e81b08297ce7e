/**
 * Per-document state the block and run writers share: bookmark names and ids for anchors, and
 * the order in which footnotes are first referenced. One context per document, so nothing leaks
 * between documents (docx's own bookmark counter is process-wide, which is why we number ours).
 */
import { BookmarkEnd, BookmarkStart, type ParagraphChild } from 'docx';
import { InternalError } from '../../core/errors.js';
import type { Block, DocModel, Run } from '../../model/types.js';

/** Word's limit on bookmark names. */
const MAX_BOOKMARK_NAME = 40;

/**
 * A Word bookmark name for an anchor: ASCII letters, digits and `_`, starting with a letter, at
 * most 40 characters (Word drops other bookmarks). Turkmen letters lose their diacritics.
 */
function bookmarkBase(anchor: string): string {
  const ascii = anchor
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_]/g, '_');
  const named = /^[A-Za-z]/.test(ascii) ? ascii : `a_${ascii}`;
  return named.slice(0, MAX_BOOKMARK_NAME - 4);
}

/** Every block in document order (tables do not nest in the model). */
function allBlocks(model: DocModel): Block[] {
  return [...model.front, ...model.body, ...model.annexes.flat()];
}

function runsOf(block: Block): Run[][] {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return [block.runs];
    case 'table':
      return [block.caption ?? [], block.header.flatMap((c) => c.runs), ...block.rows.map((r) => r.flatMap((c) => c.runs))];
    case 'signature':
      return [block.left, block.right];
    default:
      return [];
  }
}

function anchorOf(block: Block): string | undefined {
  return block.type === 'paragraph' || block.type === 'heading' || block.type === 'table' || block.type === 'figure' ? block.anchor : undefined;
}

export class RenderContext {
  private readonly names = new Map<string, string>();
  private readonly footnoteRepeats = new Set<number>();
  private readonly footnotesSeen: number[] = [];
  private readonly bookmarked = new Set<string>();
  private bookmarkCounter = 0;

  constructor(readonly model: DocModel) {
    const taken = new Set<string>();
    const counts = new Map<number, number>();
    for (const block of allBlocks(model)) {
      const anchor = anchorOf(block);
      if (anchor !== undefined && !this.names.has(anchor)) this.names.set(anchor, this.uniqueName(anchor, taken));
      for (const run of runsOf(block).flat()) if (run.kind === 'footnote') counts.set(run.number, (counts.get(run.number) ?? 0) + 1);
    }
    for (const [number, count] of counts) if (count > 1) this.footnoteRepeats.add(number);
  }

  private uniqueName(anchor: string, taken: Set<string>): string {
    const base = bookmarkBase(anchor);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
    taken.add(name.toLowerCase());
    return name;
  }

  /** The bookmark name of an anchor; a link to an anchor no block carries gets a name nothing bears. */
  bookmarkName(anchor: string): string {
    return this.names.get(anchor) ?? bookmarkBase(anchor);
  }

  /**
   * Wraps `children` in a bookmark. docx's BookmarkStart/End are paragraph content in Word's
   * schema but missing from docx's ParagraphChild type, hence the one cast here.
   */
  bookmark(name: string, children: ParagraphChild[]): ParagraphChild[] {
    const id = ++this.bookmarkCounter;
    const start = new BookmarkStart(name, id) as unknown as ParagraphChild;
    const end = new BookmarkEnd(id) as unknown as ParagraphChild;
    return [start, ...children, end];
  }

  /**
   * The bookmark of an anchor's target. Anchors are unique in the model; should one repeat, only
   * its first block is bookmarked (Word would silently drop a second bookmark of the same name).
   */
  anchorBookmark(anchor: string, children: ParagraphChild[]): ParagraphChild[] {
    const name = this.bookmarkName(anchor);
    if (this.bookmarked.has(name)) return children;
    this.bookmarked.add(name);
    return this.bookmark(name, children);
  }

  /** Whether the footnote is referenced again later (its first reference then needs a bookmark). */
  isRepeatedFootnote(number: number): boolean {
    return this.footnoteRepeats.has(number);
  }

  /**
   * Records a reference to footnote `number`; returns true the first time. Word numbers
   * footnotes in the order they are first referenced, so that order must be 1, 2, 3… for the
   * numbers Word shows to be the model's.
   */
  firstFootnoteReference(number: number): boolean {
    if (!Number.isInteger(number) || number < 1 || number > this.model.footnotes.length) {
      throw new InternalError(`DOCX: footnote ${number} is referenced but the model has ${this.model.footnotes.length} footnotes`);
    }
    if (this.footnotesSeen.includes(number)) return false;
    this.footnotesSeen.push(number);
    if (number !== this.footnotesSeen.length) {
      throw new InternalError(`DOCX: footnote ${number} is referenced before footnote ${this.footnotesSeen.length}; Word would number it ${this.footnotesSeen.length}`);
    }
    return true;
  }
}

export function footnoteBookmarkName(number: number): string {
  return `_TertipFootnote${number}`;
}
