/**
 * The page layout: places the flows (lines with heights) on A4 pages.
 *
 * - paragraphs split between lines, never leaving fewer than two lines at the foot or the head of a
 *   page (orphans and widows); headings, captions and TOC entries are kept whole;
 * - "keep with next": a heading (or a chain of them) moves to the next page unless the start of the
 *   following block fits with it;
 * - footnotes go to the foot of the page where they are referenced: a line is placed only if its
 *   notes fit under it, otherwise it moves to the next page with them;
 * - tables: rows stay whole when they fit on a page, the header row is repeated on every page,
 *   a row taller than a page is split between its lines.
 *
 * Everything is computed before painting, so page numbers (TOC, "page X of Y") are known when the
 * first page is drawn: no second rendering pass and no buffered pages.
 */
import type { FlowFigure, FlowLine, DocumentFlow, Flow, FlowPara, FlowRow, FlowTable, StructNode, TocTarget } from './flow.js';
import type { PageGeometry } from './styles.js';

export type PageItem =
  /** A line of text; x of its items is relative to the text column; `node` null = artifact. */
  | { kind: 'line'; line: FlowLine; y: number; node: StructNode | null; toc?: TocTarget }
  | { kind: 'rule'; x1: number; y1: number; x2: number; y2: number }
  | { kind: 'fill'; x: number; y: number; width: number; height: number }
  /** A figure's image; x relative to the text column. */
  | { kind: 'image'; figure: FlowFigure; x: number; y: number }
  | { kind: 'dest'; name: string; y: number }
  | { kind: 'bookmark'; level: 1 | 2 | 3; title: string; y: number };

export interface PlacedNote {
  number: number;
  /** The structure element whose text refers to the note: the note is tagged inside it. */
  referrer: StructNode;
}

export interface Page {
  items: PageItem[];
  notes: PlacedNote[];
  /** Height of the footnote area at the foot of the page (0 without notes). */
  notesHeight: number;
}

/** Space between the body text and the first footnote; the separator rule sits in it. */
export const NOTE_SEPARATOR = 12;
/** Space between two footnotes. */
export const NOTE_GAP = 2;

const WIDOW_ORPHAN = 2;
/** Space after a table. */
const TABLE_AFTER = 6;
/** How far a chain of "keep with next" blocks is followed. */
const KEEP_CHAIN = 4;

export function paginate(flow: DocumentFlow, geometry: PageGeometry): Page[] {
  const layout = new Paginator(geometry, flow.notes);
  flow.flows.forEach((item, index) => layout.place(item, flow.flows, index));
  // A page break at the very end leaves an empty page: drop it (never the only page).
  const pages = layout.pages;
  while (pages.length > 1 && (pages[pages.length - 1] as Page).items.length === 0) pages.pop();
  return pages;
}

class Paginator {
  readonly pages: Page[] = [];
  private page!: Page;
  private y = 0;
  private lines = 0;
  /** The current page was started because the previous one was full (not by a page break). */
  private overflowed = false;
  private readonly placedNotes = new Set<number>();

  constructor(
    private readonly geometry: PageGeometry,
    private readonly notes: Map<number, FlowPara>,
  ) {
    this.newPage(false);
  }

  place(flow: Flow, flows: readonly Flow[], index: number): void {
    switch (flow.kind) {
      case 'pageBreak':
        if (this.lines > 0) this.newPage(false);
        return;
      case 'space':
        return this.space(flow.height);
      case 'para':
        if (flow.keepWithNext) this.keepWithFollowing(flow, flows, index);
        return this.placePara(flow);
      case 'table':
        return this.placeTable(flow);
      case 'figure':
        return this.placeFigure(flow);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Page state
  // -------------------------------------------------------------------------------------------

  private newPage(overflow: boolean): void {
    this.page = { items: [], notes: [], notesHeight: 0 };
    this.pages.push(this.page);
    this.y = this.geometry.top;
    this.lines = 0;
    this.overflowed = overflow;
  }

  private get bodyHeight(): number {
    return this.geometry.bottom - this.geometry.top;
  }

  private noteArea(height: number): number {
    return height > 0 ? NOTE_SEPARATOR + height : 0;
  }

  private room(): number {
    return this.geometry.bottom - this.y - this.noteArea(this.page.notesHeight);
  }

  /** Height the footnotes of `numbers` would add to this page. */
  private newNotesHeight(numbers: readonly number[]): number {
    let height = 0;
    for (const number of numbers) {
      const note = this.notes.get(number);
      if (note && !this.placedNotes.has(number)) height += note.height + (this.page.notesHeight + height > 0 ? NOTE_GAP : 0);
    }
    return height;
  }

  /** Whether a box of `height` with these footnotes fits below `y` (default: the current position). */
  private fits(height: number, notes: readonly number[], y = this.y): boolean {
    const notesHeight = this.page.notesHeight + this.newNotesHeight(notes);
    return y + height + this.noteArea(notesHeight) <= this.geometry.bottom + 0.01;
  }

  private space(height: number): void {
    if (this.lines === 0 && this.overflowed) return;
    if (this.y + height > this.geometry.bottom - this.noteArea(this.page.notesHeight)) this.newPage(true);
    else this.y += height;
  }

  private addLine(line: FlowLine, node: StructNode | null, y: number, toc?: TocTarget): void {
    this.page.items.push({ kind: 'line', line, y, node, ...(toc ? { toc } : {}) });
    this.lines++;
    if (!node) return;
    for (const number of line.line.footnotes) {
      const note = this.notes.get(number);
      if (!note || this.placedNotes.has(number)) continue;
      this.page.notesHeight += note.height + (this.page.notesHeight > 0 ? NOTE_GAP : 0);
      this.page.notes.push({ number, referrer: node });
      this.placedNotes.add(number);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Paragraphs
  // -------------------------------------------------------------------------------------------

  /** Moves to a new page unless this block and the start of what follows fit on this one. */
  private keepWithFollowing(flow: FlowPara, flows: readonly Flow[], index: number): void {
    if (this.lines === 0) return;
    const need = flow.before + flow.height + flow.after + leadHeight(flows, index + 1, KEEP_CHAIN);
    if (need <= this.bodyHeight && need > this.room()) this.newPage(true);
  }

  private placePara(flow: FlowPara): void {
    if (this.lines > 0 || !this.overflowed) this.y += flow.before;
    if (flow.keepTogether && this.lines > 0 && !this.fits(flow.height, flow.lines.flatMap((l) => l.line.footnotes))) this.newPage(true);
    let index = 0;
    const total = flow.lines.length;
    while (index < total) {
      const fit = this.fitCount(flow.lines, index);
      let take = fit;
      if (fit < total - index) {
        if (total - index - take < WIDOW_ORPHAN) take = total - index - WIDOW_ORPHAN;
        if (index === 0 && take < WIDOW_ORPHAN) take = 0;
        if (flow.keepTogether) take = 0;
        if (take <= 0) {
          if (this.lines > 0) {
            this.newPage(true);
            continue;
          }
          take = Math.max(1, fit);
        }
      }
      this.placeLines(flow, index, take);
      index += take;
      if (index < total) this.newPage(true);
    }
    this.y += flow.after;
  }

  /** How many lines from `start` fit on the current page, footnotes included. */
  private fitCount(lines: readonly FlowLine[], start: number): number {
    let height = 0;
    const notes: number[] = [];
    let count = 0;
    for (let i = start; i < lines.length; i++) {
      const line = lines[i] as FlowLine;
      notes.push(...line.line.footnotes);
      if (!this.fits(height + line.height, notes)) break;
      height += line.height;
      count++;
    }
    return count;
  }

  private placeLines(flow: FlowPara, start: number, count: number): void {
    if (start === 0) this.markStart(flow);
    for (let i = start; i < start + count; i++) {
      const line = flow.lines[i] as FlowLine;
      const last = i === flow.lines.length - 1;
      this.addLine(line, flow.node, this.y, last ? flow.toc : undefined);
      this.y += line.height;
    }
  }

  /** Named destination and bookmark at the top of a block's first line. */
  private markStart(flow: { anchor?: string; bookmark?: FlowPara['bookmark'] }): void {
    if (flow.anchor) this.page.items.push({ kind: 'dest', name: flow.anchor, y: this.y });
    if (flow.bookmark) this.page.items.push({ kind: 'bookmark', ...flow.bookmark, y: this.y });
  }

  // -------------------------------------------------------------------------------------------
  // Figures
  // -------------------------------------------------------------------------------------------

  /**
   * The image with the start of its caption: both move to a new page when they do not fit below
   * what is there. The caption is an ordinary paragraph after that, so a caption
   * longer than the rest of the page goes on over the page break.
   */
  private placeFigure(figure: FlowFigure): void {
    const head = captionHead(figure);
    if (this.lines > 0 && !this.fits(figureLead(figure), head.flatMap((line) => line.line.footnotes))) this.newPage(true);
    if (this.lines > 0 || !this.overflowed) this.y += figure.before;
    this.markStart(figure);
    this.page.items.push({ kind: 'image', figure, x: (this.geometry.textWidth - figure.width) / 2, y: this.y });
    // The image is content on this page, as a line would be: a later page break is not a blank page.
    this.lines++;
    this.y += figure.height;
    this.placePara(figure.caption);
  }

  // -------------------------------------------------------------------------------------------
  // Tables
  // -------------------------------------------------------------------------------------------

  private placeTable(table: FlowTable): void {
    const first = table.rows[0];
    const captionHeight = table.caption ? table.caption.before + table.caption.height + table.caption.after : 0;
    const need = captionHeight + table.header.height + (first?.height ?? 0);
    if (this.lines > 0 && need <= this.bodyHeight && need > this.room()) this.newPage(true);
    if (!table.caption) this.markStart(table);
    if (table.caption) {
      this.placePara(table.anchor ? { ...table.caption, anchor: table.anchor } : table.caption);
    }
    this.placeRow(table, table.header, false, true);
    for (const row of table.rows) this.placeBodyRow(table, row);
    this.y += TABLE_AFTER;
  }

  private placeBodyRow(table: FlowTable, row: FlowRow): void {
    if (this.fits(row.height, rowNotes(row))) return this.placeRow(table, row, false, false);
    if (table.header.height + row.height <= this.bodyHeight) {
      this.continueTable(table);
      return this.placeRow(table, row, false, false);
    }
    // Taller than a page: split the row between its lines.
    let rest: FlowRow | null = row;
    let fresh = false;
    while (rest) {
      const [part, remainder] = splitRow(rest, this.room(), table.padding);
      if (!part && !fresh) {
        this.continueTable(table);
        fresh = true;
        continue;
      }
      if (!part) return this.placeRow(table, rest, false, false); // a single line taller than a page
      fresh = false;
      this.placeRow(table, part, false, false);
      rest = remainder;
      if (rest) {
        this.continueTable(table);
        fresh = true;
      }
    }
  }

  /** A new page that starts with the repeated header row (an artifact: it is not new content). */
  private continueTable(table: FlowTable): void {
    this.newPage(true);
    this.placeRow(table, table.header, true, true);
  }

  private placeRow(table: FlowTable, row: FlowRow, repeat: boolean, header: boolean): void {
    const { left } = this.geometry;
    const top = this.y;
    const bottom = top + row.height;
    const x0 = left + (table.edges[0] as number);
    const x1 = left + (table.edges[table.edges.length - 1] as number);
    if (header) this.page.items.push({ kind: 'fill', x: x0, y: top, width: x1 - x0, height: row.height });
    row.cells.forEach((cell) => {
      for (const line of cell.lines) this.addLine(line, repeat ? null : cell.node, top + line.top);
    });
    this.page.items.push({ kind: 'rule', x1: x0, y1: top, x2: x1, y2: top }, { kind: 'rule', x1: x0, y1: bottom, x2: x1, y2: bottom });
    for (const edge of table.edges) this.page.items.push({ kind: 'rule', x1: left + edge, y1: top, x2: left + edge, y2: bottom });
    this.y = bottom;
  }
}

/**
 * The caption lines that must come with the image: all of a short caption (the orphan and widow
 * rules would not split it), else the first two.
 */
function captionHead(figure: FlowFigure): FlowLine[] {
  const lines = figure.caption.lines;
  return lines.length < 2 * WIDOW_ORPHAN ? lines : lines.slice(0, WIDOW_ORPHAN);
}

/** What of a figure must fit on a page (and stay with a heading before it): space above, the image, the head of its caption. */
function figureLead(figure: FlowFigure): number {
  return figure.before + figure.height + figure.caption.before + captionHead(figure).reduce((total, line) => total + line.height, 0);
}

function rowNotes(row: FlowRow): number[] {
  return row.cells.flatMap((cell) => cell.lines.flatMap((line) => line.line.footnotes));
}

/** Height of the part of the flows from `index` that must stay with a preceding "keep with next" block. */
function leadHeight(flows: readonly Flow[], index: number, chain: number): number {
  const flow = flows[index];
  if (!flow || chain <= 0) return 0;
  switch (flow.kind) {
    case 'pageBreak':
      return 0;
    case 'space':
      return flow.height;
    case 'table': {
      const caption = flow.caption ? flow.caption.before + flow.caption.height + flow.caption.after : 0;
      return caption + flow.header.height + (flow.rows[0]?.height ?? 0);
    }
    case 'figure':
      return figureLead(flow);
    case 'para': {
      if (flow.keepWithNext) return flow.before + flow.height + flow.after + leadHeight(flows, index + 1, chain - 1);
      if (flow.keepTogether) return flow.before + flow.height;
      const lines = flow.lines.slice(0, WIDOW_ORPHAN);
      return flow.before + lines.reduce((total, line) => total + line.height, 0);
    }
  }
}

/** Splits a row so that its first part fits in `room`; null part when not even one line fits. */
function splitRow(row: FlowRow, room: number, padding: number): [FlowRow | null, FlowRow | null] {
  if (row.height <= room) return [row, null];
  const limit = room - padding;
  const heads: FlowLine[][] = [];
  const tails: FlowLine[][] = [];
  for (const cell of row.cells) {
    const head = cell.lines.filter((line) => line.top + line.height <= limit);
    const tail = cell.lines.slice(head.length);
    const shift = tail.length > 0 ? (tail[0] as FlowLine).top - padding : 0;
    heads.push(head);
    tails.push(tail.map((line) => ({ ...line, top: line.top - shift })));
  }
  if (heads.every((head) => head.length === 0)) return [null, row];
  const height = (lines: FlowLine[][]): number => Math.max(...lines.map((cell) => (cell.length ? (cell[cell.length - 1] as FlowLine).top + (cell[cell.length - 1] as FlowLine).height : 0))) + padding;
  const part: FlowRow = { ...row, height: height(heads), cells: row.cells.map((cell, i) => ({ ...cell, lines: heads[i] as FlowLine[] })) };
  const rest: FlowRow = { ...row, height: height(tails), cells: row.cells.map((cell, i) => ({ ...cell, lines: tails[i] as FlowLine[] })) };
  return [part, tails.every((tail) => tail.length === 0) ? null : rest];
}

/** The page (0-based) of every named destination. */
export function destinationPages(pages: readonly Page[]): Map<string, number> {
  const map = new Map<string, number>();
  pages.forEach((page, index) => {
    for (const item of page.items) if (item.kind === 'dest' && !map.has(item.name)) map.set(item.name, index);
  });
  return map;
}
