/**
 * Model handlers: one function per block type turns a model block into flows (lines with heights
 * and structure nodes). They decide WHAT goes on a line; layout.ts decides on which page.
 */
import type { Lang } from '../../core/types.js';
import type {
  Align,
  Block,
  DocModel,
  FigureBlock,
  HeadingBlock,
  ParagraphBlock,
  Run,
  SignatureBlock,
  TableBlock,
  TableCell,
  TocBlock,
} from '../../model/types.js';
import type { FlowCell, DocumentFlow, Flow, FlowFigure, FlowLine, FlowPara, FlowRow, FlowTable, StructNode } from './flow.js';
import { structNode } from './flow.js';
import { hyphenatorFor, type Hyphenator } from './hyphenate.js';
import { embeddableImage } from './images.js';
import { makeFrag, plainWords, sum, toWords, type InlineStyle, type LinkCounter, type Measure, type Word } from './inline.js';
import { breakLines, type Line, type LineItem } from './linebreak.js';
import { lineMetrics, type PageGeometry, type PdfStyle, type StyleSheet } from './styles.js';

export interface BlockContext {
  styles: StyleSheet;
  geometry: PageGeometry;
  measure: Measure;
  hyphenate: Hyphenator;
  links: LinkCounter;
  /** Room in the right page margin an invisible split word may run into (points). */
  marginRoom: number;
}

export function createContext(model: DocModel, styles: StyleSheet, geometry: PageGeometry, measure: Measure): BlockContext {
  let linkId = 0;
  return { styles, geometry, measure, hyphenate: hyphenatorFor(model.lang as Lang), links: { next: () => ++linkId }, marginRoom: Math.max(0, geometry.width - geometry.right - 6) };
}

/** Builds the flows of the whole document: front, body, then each annex on a new page. */
export function buildDocument(model: DocModel, ctx: BlockContext): DocumentFlow {
  const root = structNode('Document', null);
  const flows: Flow[] = [];
  for (const block of model.front) flows.push(...handleBlock(block, ctx, root));
  for (const block of model.body) flows.push(...handleBlock(block, ctx, root));
  for (const annex of model.annexes) {
    const sect = structNode('Sect', root);
    flows.push({ kind: 'pageBreak' });
    for (const block of annex) flows.push(...handleBlock(block, ctx, sect));
  }
  const notes = new Map<number, FlowPara>();
  model.footnotes.forEach((runs, index) => notes.set(index + 1, footnote(index + 1, runs, ctx)));
  checkFootnotes(flows, model.footnotes.length);
  return { flows, notes, root };
}

/**
 * Every reference must have a note and every note a reference: a note without one would never be
 * placed (it belongs to the page of its reference), a reference without one would point nowhere.
 */
function checkFootnotes(flows: readonly Flow[], count: number): void {
  const referenced = new Set<number>();
  const lines = flows.flatMap((flow) =>
    flow.kind === 'para' ? flow.lines : flow.kind === 'figure' ? flow.caption.lines : flow.kind === 'table' ? [flow.header, ...flow.rows].flatMap((row) => row.cells.flatMap((cell) => cell.lines)) : [],
  );
  for (const line of lines) for (const number of line.line.footnotes) referenced.add(number);
  for (const number of referenced) if (number < 1 || number > count) throw new Error(`footnote reference ${number}: the document has ${count} footnote(s)`);
  for (let number = 1; number <= count; number++) if (!referenced.has(number)) throw new Error(`footnote ${number} is never referenced, so it has no page to go to`);
}

function handleBlock(block: Block, ctx: BlockContext, parent: StructNode): Flow[] {
  switch (block.type) {
    case 'paragraph':
      return [paragraph(block, ctx, parent)];
    case 'heading':
      return [heading(block, ctx, parent)];
    case 'table':
      return [table(block, ctx, parent)];
    case 'figure':
      return [figure(block, ctx, parent)];
    case 'signature':
      return [signature(block, ctx, parent)];
    case 'toc':
      return toc(block, ctx, parent);
    case 'pageBreak':
      return [{ kind: 'pageBreak' }];
    case 'spacer':
      return [{ kind: 'space', height: block.points }];
  }
}

// ---------------------------------------------------------------------------------------------
// Paragraphs and headings
// ---------------------------------------------------------------------------------------------

function inlineStyle(style: PdfStyle): InlineStyle {
  return { face: style.face, size: style.size, allCaps: style.allCaps };
}

/** Lines → flow lines stacked from the top of the block. */
function stack(lines: Line[], style: PdfStyle, start = 0): FlowLine[] {
  return lines.map((line, index) => ({ line, top: start + index * style.lineHeight, height: style.lineHeight, baseline: style.baseline }));
}

function para(lines: FlowLine[], style: PdfStyle, node: StructNode, extra: Partial<FlowPara> = {}): FlowPara {
  const height = lines.reduce((total, line) => total + line.height, 0);
  return { kind: 'para', lines, height, before: style.before, after: style.after, keepWithNext: style.keepWithNext, keepTogether: false, node, ...extra };
}

/** Label words as line items starting at `x`, followed by a space glyph; returns the items and their end. */
function labelItems(label: string, style: PdfStyle, x: number, ctx: BlockContext): { items: LineItem[]; end: number } {
  const items: LineItem[] = [];
  let pos = x;
  const words = plainWords(label, inlineStyle(style), ctx.measure);
  const space = makeFrag(ctx.measure, ' ', style.face, style.size);
  for (const word of words) {
    for (const frag of word.frags) {
      items.push({ kind: 'text', frag, x: pos });
      pos += frag.width;
    }
    items.push({ kind: 'text', frag: word.space ?? space, x: pos });
    pos += (word.space ?? space).width;
  }
  return { items, end: pos };
}

const HANGING_STYLES = new Set(['clause', 'item', 'continuation']);

function paragraph(block: ParagraphBlock, ctx: BlockContext, parent: StructNode): FlowPara {
  const style = ctx.styles.paragraph(block.style);
  const align: Align = block.align ?? style.align;
  const words = toWords(block.runs, inlineStyle(style), ctx.measure, ctx.links);
  const end = ctx.geometry.textWidth;
  let firstStart = style.indent + style.firstLine;
  let restStart = style.indent;
  let prefix: LineItem[] | undefined;
  if (HANGING_STYLES.has(block.style)) {
    // The label hangs in the indent slot of its depth; the text starts one slot further in.
    const labelX = style.indent + (block.depth ?? 0) * ctx.geometry.depthIndent;
    restStart = labelX + ctx.geometry.depthIndent;
    firstStart = restStart;
    if (block.label) {
      const label = labelItems(block.label, style, labelX, ctx);
      prefix = label.items;
      firstStart = Math.max(restStart, label.end);
    }
  } else if (block.label) {
    const label = labelItems(block.label, style, firstStart, ctx);
    prefix = label.items;
    firstStart = label.end;
  }
  const lines = breakLines(words, { firstStart, restStart, end, align, hyphenate: ctx.hyphenate, measure: ctx.measure, overflow: ctx.marginRoom, ...(prefix ? { prefix } : {}) });
  return para(stack(lines, style), style, structNode('P', parent), {
    keepWithNext: block.keepWithNext ?? style.keepWithNext,
    ...(block.anchor ? { anchor: block.anchor } : {}),
  });
}

const HEADING_TAGS = { 1: 'H1', 2: 'H2', 3: 'H3' } as const;

function heading(block: HeadingBlock, ctx: BlockContext, parent: StructNode): FlowPara {
  const style = ctx.styles.heading(block.level);
  const words = toWords(block.runs, inlineStyle(style), ctx.measure, ctx.links);
  let firstStart = style.indent + style.firstLine;
  let prefix: LineItem[] | undefined;
  if (block.label) {
    const label = labelItems(block.label, style, firstStart, ctx);
    prefix = label.items;
    firstStart = label.end;
  }
  const lines = breakLines(words, {
    firstStart,
    restStart: style.indent,
    end: ctx.geometry.textWidth,
    align: style.align,
    hyphenate: ctx.hyphenate,
    measure: ctx.measure,
    overflow: ctx.marginRoom,
    ...(prefix ? { prefix } : {}),
  });
  const title = [block.label, runsText(block.runs)].filter(Boolean).join(' ');
  return para(stack(lines, style), style, structNode(HEADING_TAGS[block.level], parent), {
    keepWithNext: true,
    keepTogether: true,
    ...(block.anchor ? { anchor: block.anchor } : {}),
    ...(block.outline ? { bookmark: { level: block.level, title } } : {}),
  });
}

/** The plain text of runs (bookmark titles, link descriptions); footnote references left out. */
export function runsText(runs: readonly Run[]): string {
  return runs
    .map((run) => (run.kind === 'text' ? run.text : run.kind === 'break' ? ' ' : ''))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

function footnote(number: number, runs: Run[], ctx: BlockContext): FlowPara {
  const style = ctx.styles.paragraph('footnote');
  const words = toWords(runs, inlineStyle(style), ctx.measure, ctx.links);
  // The note's number, raised like the reference in the text; not itself a reference.
  const mark: Word = {
    frags: [makeFrag(ctx.measure, String(number), style.face, style.size * 0.7, { rise: style.size * 0.3 })],
    width: 0,
    space: makeFrag(ctx.measure, ' ', style.face, style.size),
    breakAfter: false,
  };
  mark.width = sum(mark.frags);
  const lines = breakLines([mark, ...words], { firstStart: 0, restStart: 0, end: ctx.geometry.textWidth, align: style.align, hyphenate: ctx.hyphenate, measure: ctx.measure });
  return para(stack(lines, style), style, structNode('Note', null));
}

// ---------------------------------------------------------------------------------------------
// Signature lines
// ---------------------------------------------------------------------------------------------

/** Left text at the left margin, right text flush right, on the same line(s). */
function signature(block: SignatureBlock, ctx: BlockContext, parent: StructNode): FlowPara {
  const style = ctx.styles.paragraph('body');
  const width = ctx.geometry.textWidth;
  const split = width * 0.55;
  const spec = { hyphenate: ctx.hyphenate, measure: ctx.measure };
  const left = breakLines(toWords(block.left, inlineStyle(style), ctx.measure, ctx.links), { ...spec, firstStart: 0, restStart: 0, end: split - 12, align: 'left' });
  const right = breakLines(toWords(block.right, inlineStyle(style), ctx.measure, ctx.links), { ...spec, firstStart: split, restStart: split, end: width, align: 'right' });
  const lines: Line[] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const l = left[i];
    const r = right[i];
    lines.push({ items: [...(l?.items ?? []), ...(r?.items ?? [])], footnotes: [...(l?.footnotes ?? []), ...(r?.footnotes ?? [])] });
  }
  return para(stack(lines, style), style, structNode('P', parent), { keepTogether: true });
}

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

const CELL_PADDING = 3;

function table(block: TableBlock, ctx: BlockContext, parent: StructNode): FlowTable {
  const node = structNode('Table', parent);
  const captionStyle = ctx.styles.paragraph('caption');
  let caption: FlowPara | null = null;
  if (block.caption) {
    const words = toWords(block.caption, inlineStyle(captionStyle), ctx.measure, ctx.links);
    const lines = breakLines(words, { firstStart: 0, restStart: 0, end: ctx.geometry.textWidth, align: captionStyle.align, hyphenate: ctx.hyphenate, measure: ctx.measure });
    caption = para(stack(lines, captionStyle), captionStyle, structNode('Caption', node), { keepWithNext: true, keepTogether: true });
  }
  const edges = columnEdges(block, ctx.geometry.textWidth);
  const head = structNode('THead', node);
  const header = row(block.header, block, edges, ctx.styles.paragraph('tableHeader'), ctx, structNode('TR', head), 'TH');
  const body = structNode('TBody', node);
  const rows = block.rows.map((cells) => row(cells, block, edges, ctx.styles.paragraph('tableText'), ctx, structNode('TR', body), 'TD'));
  return { kind: 'table', caption, edges, padding: CELL_PADDING, header, rows, node, ...(block.anchor ? { anchor: block.anchor } : {}) };
}

/** Relative column widths scaled to the text width: the x of every column boundary. */
function columnEdges(block: TableBlock, width: number): number[] {
  const count = Math.max(block.columns.length, block.header.length, ...block.rows.map((cells) => cells.length), 1);
  const weights = Array.from({ length: count }, (_, i) => Math.max(block.columns[i]?.width ?? 1, 0.0001));
  const total = weights.reduce((a, b) => a + b, 0);
  const edges = [0];
  for (const weight of weights) edges.push((edges[edges.length - 1] as number) + (weight / total) * width);
  return edges;
}

function row(cells: TableCell[], block: TableBlock, edges: number[], style: PdfStyle, ctx: BlockContext, node: StructNode, cellType: 'TH' | 'TD'): FlowRow {
  const flowCells: FlowCell[] = [];
  let height = 0;
  for (let i = 0; i < edges.length - 1; i++) {
    const cell = cells[i] ?? { runs: [] };
    const left = (edges[i] as number) + CELL_PADDING;
    const right = (edges[i + 1] as number) - CELL_PADDING;
    const align = cellType === 'TH' ? style.align : (cell.align ?? block.columns[i]?.align ?? style.align);
    const words = toWords(cell.runs, inlineStyle(style), ctx.measure, ctx.links);
    const lines = breakLines(words, { firstStart: left, restStart: left, end: right, align, hyphenate: ctx.hyphenate, measure: ctx.measure });
    const flowLines = stack(lines, style, CELL_PADDING);
    flowCells.push({ lines: flowLines, node: structNode(cellType, node, cellType === 'TH' ? { scope: 'Column' } : {}) });
    height = Math.max(height, lines.length * style.lineHeight + 2 * CELL_PADDING);
  }
  return { height, cells: flowCells, node };
}

// ---------------------------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------------------------

/**
 * The image as a Figure element with its description; the caption a paragraph after it. Spacing
 * as in the DOCX: the figure style's space above the image, its space below plus the caption
 * style's above between image and caption.
 */
function figure(block: FigureBlock, ctx: BlockContext, parent: StructNode): FlowFigure {
  const style = ctx.styles.paragraph('figure');
  const captionStyle = ctx.styles.paragraph('figureCaption');
  const node = structNode('Figure', parent, { alt: block.alt });
  const words = toWords(block.caption, inlineStyle(captionStyle), ctx.measure, ctx.links);
  const lines = breakLines(words, { firstStart: 0, restStart: 0, end: ctx.geometry.textWidth, align: captionStyle.align, hyphenate: ctx.hyphenate, measure: ctx.measure });
  const caption = para(stack(lines, captionStyle), captionStyle, structNode('P', parent), { before: style.after + captionStyle.before });
  return {
    kind: 'figure',
    bytes: embeddableImage(block.image),
    width: block.size.width,
    height: block.size.height,
    before: style.before,
    caption,
    node,
    ...(block.anchor ? { anchor: block.anchor } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Table of contents
// ---------------------------------------------------------------------------------------------

/** Room kept at the right of every TOC entry for the page number. */
const TOC_NUMBER_COLUMN = 28;

function toc(block: TocBlock, ctx: BlockContext, parent: StructNode): Flow[] {
  const titleStyle = ctx.styles.heading(1);
  const titleWords = toWords([{ kind: 'text', text: block.title }], inlineStyle(titleStyle), ctx.measure, ctx.links);
  const titleLines = breakLines(titleWords, { firstStart: 0, restStart: 0, end: ctx.geometry.textWidth, align: 'center', hyphenate: ctx.hyphenate, measure: ctx.measure });
  const flows: Flow[] = [para(stack(titleLines, titleStyle), titleStyle, structNode('P', parent), { keepWithNext: true, keepTogether: true })];
  const tocNode = structNode('TOC', parent);
  const body = ctx.styles.paragraph('body');
  const style: PdfStyle = { ...body, face: 'regular', align: 'left', before: 0, after: 3, firstLine: 0, ...lineMetrics(body.size, 1) };
  for (const entry of block.entries) {
    const linkId = ctx.links.next();
    const words = toWords([{ kind: 'text', text: entry.text }], inlineStyle(style), ctx.measure, { next: () => linkId });
    for (const word of words) for (const frag of word.frags) Object.assign(frag, { link: { kind: 'dest', name: entry.anchor }, linkId });
    const indent = (entry.level - 1) * ctx.geometry.depthIndent;
    const end = ctx.geometry.textWidth - TOC_NUMBER_COLUMN;
    const lines = breakLines(words, { firstStart: indent, restStart: indent + ctx.geometry.depthIndent / 2, end, align: 'left', hyphenate: ctx.hyphenate, measure: ctx.measure });
    flows.push(
      para(stack(lines, style), style, structNode('TOCI', tocNode), {
        keepTogether: true,
        toc: { anchor: entry.anchor, linkId, right: ctx.geometry.textWidth },
      }),
    );
  }
  return flows;
}

