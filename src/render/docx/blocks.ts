/**
 * Model blocks → docx paragraphs and tables. Every paragraph names its Word style; direct
 * formatting is added only for what the model says about that one paragraph (alignment,
 * keep-with-next, the indent of a depth, a page break or spacer before it).
 */
import {
  ImageRun,
  InternalHyperlink,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  LeaderType,
  WidthType,
  type FileChild,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import { InternalError } from '../../core/errors.js';
import { DEPTH_INDENT_MM, HEADING_STYLES, PARAGRAPH_STYLES, type StyleSpec } from '../../model/styles.js';
import type {
  Block,
  FigureBlock,
  HeadingBlock,
  NumberingLevel,
  NumberingRef,
  ParagraphBlock,
  SignatureBlock,
  TableBlock,
  TableCell as ModelCell,
  TocBlock,
  TocEntry,
} from '../../model/types.js';
import type { RenderContext } from './context.js';
import { field, fieldEnd, fieldStart } from './fields.js';
import { convertRuns, textRuns } from './runs.js';
import { EXTRA_STYLE_IDS, effectiveSpec, signatureSpec, textWidthTwips, tocHeadingSpec, tocStyleId, wordAlignment, type EffectiveSpec } from './styles.js';
import { mmToTwips, ptToTwips } from './units.js';

/** Points per pixel at Word's 96 dpi. */
const PT_PER_PX = 0.75;

/** Word's outline level for body text: a heading outside the TOC and the navigation pane. */
const BODY_TEXT_OUTLINE_LEVEL = 9;

/** What a page break or spacer block leaves for the next paragraph to carry. */
interface Pending {
  pageBreak: boolean;
  /** Extra space before, in points. */
  space: number;
}

type ParagraphExtras = Omit<IParagraphOptions, 'style' | 'children'>;

/**
 * Splits `total` twips in proportion to `weights`, summing exactly to `total`. Weights that are
 * not all positive numbers would give a column no width, so the columns then share it equally.
 */
export function scaleWidths(weights: readonly number[], total: number): number[] {
  const usable = weights.every((w) => Number.isFinite(w) && w > 0);
  const safe = usable ? weights : weights.map(() => 1);
  const sum = safe.reduce((a, b) => a + b, 0);
  const widths = safe.map((w) => Math.floor((w / sum) * total));
  widths[widths.length - 1] = (widths[widths.length - 1] ?? 0) + total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

export class BlockWriter {
  private readonly out: FileChild[] = [];
  private pending: Pending = { pageBreak: false, space: 0 };
  /** Left indent (twips) of the last labelled paragraph at each depth: continuations align with it. */
  private readonly ownerIndent = new Map<number, number>();
  private readonly textWidth: number;
  /** Figures written so far: each drawing's id, unique in the document and the same on every build. */
  private figures = 0;

  constructor(private readonly context: RenderContext) {
    this.textWidth = textWidthTwips(context.model.page);
  }

  /** The next paragraph starts a new page (annexes). */
  breakPage(): void {
    this.pending.pageBreak = true;
  }

  write(blocks: readonly Block[]): void {
    for (const block of blocks) this.block(block);
  }

  /** The body's content; Word wants a paragraph, not a table, before the section properties. */
  finish(): FileChild[] {
    const last = this.out[this.out.length - 1];
    if (last === undefined || last instanceof Table) this.out.push(new Paragraph({ style: PARAGRAPH_STYLES.body.wordId }));
    return this.out;
  }

  private block(block: Block): void {
    switch (block.type) {
      case 'paragraph':
        return this.paragraph(block);
      case 'heading':
        return this.heading(block);
      case 'table':
        return this.table(block);
      case 'figure':
        return this.figure(block);
      case 'signature':
        return this.signature(block);
      case 'toc':
        return this.toc(block);
      case 'pageBreak':
        this.pending.pageBreak = true;
        return;
      case 'spacer':
        this.pending.space += block.points;
        return;
    }
  }

  private spec(style: StyleSpec): EffectiveSpec {
    return effectiveSpec(style, this.context.model.page);
  }

  /** Applies and clears what earlier page breaks and spacers left. */
  private takePending(spec: EffectiveSpec): ParagraphExtras {
    const { pageBreak, space } = this.pending;
    this.pending = { pageBreak: false, space: 0 };
    return {
      ...(pageBreak ? { pageBreakBefore: true } : {}),
      ...(space > 0 ? { spacing: { before: ptToTwips(spec.before + space) } } : {}),
    };
  }

  private push(spec: EffectiveSpec, children: ParagraphChild[], extras: ParagraphExtras = {}): Paragraph {
    const paragraph = new Paragraph({ style: spec.wordId, children, ...this.takePending(spec), ...extras });
    this.out.push(paragraph);
    return paragraph;
  }

  private withAnchor(anchor: string | undefined, children: ParagraphChild[]): ParagraphChild[] {
    return anchor === undefined ? children : this.context.anchorBookmark(anchor, children);
  }

  /** Direct alignment and keep-with-next, only where the block differs from its style. */
  private overrides(block: { align?: ParagraphBlock['align']; keepWithNext?: boolean }, spec: EffectiveSpec): ParagraphExtras {
    return {
      ...(block.align !== undefined && block.align !== spec.align ? { alignment: wordAlignment(block.align) } : {}),
      ...(block.keepWithNext !== undefined && block.keepWithNext !== (spec.keepWithNext ?? false) ? { keepNext: block.keepWithNext } : {}),
    };
  }

  private levelOf(ref: NumberingRef): NumberingLevel {
    const level = this.context.model.numbering.find((d) => d.ref === ref.ref)?.levels.find((l) => l.level === ref.level);
    if (!level) throw new InternalError(`DOCX: numbering "${ref.ref}" level ${ref.level} is not defined in the model`);
    return level;
  }

  /** Word numbering: the label and its indent come from the numbering level. */
  private numbered(ref: NumberingRef): ParagraphExtras {
    this.levelOf(ref);
    return { numbering: { reference: ref.ref, level: ref.level, custom: true } };
  }

  /**
   * Indent of a literal label at `depth`: the label hangs one depth step (DEPTH_INDENT_MM) in
   * front of the text, starting where the text of the paragraph one level up starts (a lettered
   * item under its clause), or at `depth` steps when there is none.
   */
  private labelIndent(spec: EffectiveSpec, depth: number): { left: number; hanging: number } {
    const start = (depth > 0 ? this.ownerIndent.get(depth - 1) : undefined) ?? mmToTwips(spec.indent + depth * DEPTH_INDENT_MM);
    const hanging = mmToTwips(DEPTH_INDENT_MM);
    return { left: start + hanging, hanging };
  }

  /** Lettered items: Word has no Turkmen alphabet, so the label is literal text before a tab. */
  private literalLabel(label: string, spec: EffectiveSpec, depth: number): { layout: ParagraphExtras; label: ParagraphChild[] } {
    const indent = this.labelIndent(spec, depth);
    this.ownerIndent.set(depth, indent.left);
    return { layout: { indent }, label: [...textRuns(label), new TextRun({ children: [new Tab()] })] };
  }

  /** A continuation lines up with the text of the last labelled paragraph at its depth. */
  private continuation(spec: EffectiveSpec, depth: number): ParagraphExtras {
    return { indent: { left: this.ownerIndent.get(depth) ?? this.labelIndent(spec, depth).left, firstLine: 0 } };
  }

  /**
   * The image inline in a centred paragraph of its own (kept with the caption under it), at the
   * model's size: Word counts 96 pixels to the inch. docx numbers drawings from a counter shared
   * by the whole process, so the id is given here to keep the bytes the same from build to build.
   */
  private figure(block: FigureBlock): void {
    this.figures++;
    const caption = block.caption.map((run) => (run.kind === 'text' ? run.text : '')).join('');
    const image = new ImageRun({
      type: block.image.format === 'jpeg' ? 'jpg' : 'png',
      data: block.image.bytes,
      transformation: { width: block.size.width / PT_PER_PX, height: block.size.height / PT_PER_PX },
      altText: { id: String(this.figures), name: caption, title: caption, description: block.alt },
    });
    this.push(this.spec(PARAGRAPH_STYLES.figure), this.withAnchor(block.anchor, [image]));
    this.push(this.spec(PARAGRAPH_STYLES.figureCaption), convertRuns(block.caption, this.context));
  }

  private paragraph(block: ParagraphBlock): void {
    const spec = this.spec(PARAGRAPH_STYLES[block.style]);
    const depth = block.depth ?? 0;
    const runs = convertRuns(block.runs, this.context);
    let children = runs;
    let layout: ParagraphExtras = {};
    if (block.numbering) {
      layout = this.numbered(block.numbering);
      this.ownerIndent.set(depth, ptToTwips(this.levelOf(block.numbering).indent.left));
    } else if (block.label !== undefined && block.label !== '') {
      const literal = this.literalLabel(block.label, spec, depth);
      layout = literal.layout;
      children = [...literal.label, ...runs];
    } else if (block.depth !== undefined) {
      layout = this.continuation(spec, depth);
    }
    this.push(spec, this.withAnchor(block.anchor, children), { ...layout, ...this.overrides(block, spec) });
  }

  private heading(block: HeadingBlock): void {
    const spec = this.spec(HEADING_STYLES[block.level]);
    let children = convertRuns(block.runs, this.context);
    let layout: ParagraphExtras = {};
    if (block.numbering) layout = this.numbered(block.numbering);
    else if (block.label !== undefined && block.label !== '') children = [...textRuns(`${block.label} `), ...children];
    const outline = block.outline ? {} : { outlineLevel: BODY_TEXT_OUTLINE_LEVEL };
    this.push(spec, this.withAnchor(block.anchor, children), { ...layout, ...outline });
  }

  private signature(block: SignatureBlock): void {
    const spec = this.spec(signatureSpec());
    const children = [...convertRuns(block.left, this.context), new TextRun({ children: [new Tab()] }), ...convertRuns(block.right, this.context)];
    this.push(spec, children, { tabStops: [{ type: TabStopType.RIGHT, position: this.textWidth }] });
  }

  // -------------------------------------------------------------------------------------------
  // Table of contents
  // -------------------------------------------------------------------------------------------

  /**
   * A real TOC field (Word rebuilds it on Update Field) whose cached result is already the list
   * of entries, each a link to its heading's bookmark with a PAGEREF field for the page number,
   * exactly as Word writes its own. The page numbers are left for Word: the field is marked
   * dirty, so Word rebuilds it (with pages) when it opens the document. docx can estimate pages
   * (docx/layout) but took 250–400 ms per document and still left these blank.
   */
  private toc(block: TocBlock): void {
    const headingSpec = this.spec(tocHeadingSpec());
    this.push(headingSpec, textRuns(block.title));
    const start = fieldStart('TOC \\o "1-3" \\h \\z \\u', {}, true);
    if (block.entries.length === 0) {
      this.out.push(new Paragraph({ style: tocStyleId(1), children: [...start, fieldEnd()] }));
      return;
    }
    block.entries.forEach((entry, i) => {
      const first = i === 0 ? start : [];
      const last = i === block.entries.length - 1 ? [fieldEnd()] : [];
      this.out.push(new Paragraph({ style: tocStyleId(entry.level), tabStops: this.tocTabs(), children: [...first, this.tocEntry(entry), ...last] }));
    });
  }

  private tocTabs(): IParagraphOptions['tabStops'] {
    return [{ type: TabStopType.RIGHT, position: this.textWidth, leader: LeaderType.DOT }];
  }

  private tocEntry(entry: TocEntry): ParagraphChild {
    const name = this.context.bookmarkName(entry.anchor);
    const children = [...textRuns(entry.text), new TextRun({ children: [new Tab()] }), ...field(`PAGEREF ${name} \\h`, '')];
    return new InternalHyperlink({ anchor: name, children });
  }

  // -------------------------------------------------------------------------------------------
  // Tables
  // -------------------------------------------------------------------------------------------

  private table(block: TableBlock): void {
    if (block.columns.length === 0) throw new InternalError('DOCX: a table without columns');
    if (block.caption) {
      const spec = this.spec(PARAGRAPH_STYLES.caption);
      this.push(spec, this.withAnchor(block.anchor, convertRuns(block.caption, this.context)));
    } else if (this.pending.pageBreak || this.pending.space > 0 || block.anchor !== undefined) {
      // Something must carry the page break, the space or the bookmark: an empty caption-styled line.
      const spec = this.spec(PARAGRAPH_STYLES.caption);
      this.push(spec, this.withAnchor(block.anchor, []));
    }
    const widths = scaleWidths(block.columns.map((c) => c.width), this.textWidth);
    const header = new TableRow({ tableHeader: true, cantSplit: true, children: this.cells(block, block.header, widths, 'tableHeader', -1) });
    const rows = block.rows.map((row, r) => new TableRow({ children: this.cells(block, row, widths, 'tableText', r) }));
    this.out.push(
      new Table({
        style: EXTRA_STYLE_IDS.table,
        width: { size: this.textWidth, type: WidthType.DXA },
        columnWidths: widths,
        layout: TableLayoutType.FIXED,
        rows: [header, ...rows],
      }),
    );
  }

  /** One cell per grid column: short rows are padded with empty cells, long rows are an error. */
  private cells(block: TableBlock, row: readonly ModelCell[], widths: number[], style: 'tableHeader' | 'tableText', r: number): TableCell[] {
    if (row.length > block.columns.length) {
      throw new InternalError(`DOCX: table row ${r + 1} has ${row.length} cells for ${block.columns.length} columns`);
    }
    const spec = this.spec(PARAGRAPH_STYLES[style]);
    return widths.map((width, c) => {
      const cell = row[c];
      // A column's alignment is for its values; header cells keep their style's unless they say otherwise.
      const align = cell?.align ?? (style === 'tableText' ? block.columns[c]?.align : undefined);
      const alignment = align !== undefined && align !== spec.align ? { alignment: wordAlignment(align) } : {};
      const paragraph = new Paragraph({ style: spec.wordId, ...alignment, children: convertRuns(cell?.runs ?? [], this.context) });
      return new TableCell({ width: { size: width, type: WidthType.DXA }, children: [paragraph] });
    });
  }
}
