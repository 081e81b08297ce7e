/**
 * Painting: the laid-out pages into pdfkit, with the tagged-PDF structure (every piece of content
 * is either marked content of a structure element or an artifact), links, named destinations,
 * bookmarks, footnotes, and the running header and footer.
 */
import type { RunningTexts } from '../../model/types.js';
import { num, textObject, type TextContext, type TextRun } from './content.js';
import type { DocumentFlow, FlowFigure, FlowLine, FlowPara, StructNode, StructType, TocTarget } from './flow.js';
import type { Face } from './fonts.js';
import { makeFrag, plainWords, type Frag, type LinkTarget, type Measure } from './inline.js';
import { internals, type OutlineItem, type PdfFont } from './internals.js';
import { destinationPages, NOTE_SEPARATOR, NOTE_GAP, type Page, type PageItem } from './layout.js';
import { GlyphForms } from './outlines.js';
import type { Shaper } from './shaping.js';
import type { LineItem } from './linebreak.js';
import { A4, type PageGeometry, type StyleSheet } from './styles.js';

export interface PaintContext {
  doc: PDFKit.PDFDocument;
  fonts: Record<Face, PdfFont>;
  shaper: Shaper;
  geometry: PageGeometry;
  styles: StyleSheet;
  measure: Measure;
  running: RunningTexts;
}

/** External links are dark blue (they leave the document); cross-references stay black like the text. */
const LINK_COLOR = '0.08 0.2 0.55 rg';
const TEXT_COLOR = '0 0 0 rg';
const HEADER_FILL = '0.9 0.9 0.9 rg';
const RULE_WIDTH = 0.5;
const LEADER_STEP = 4.5;

export function paint(ctx: PaintContext, pages: readonly Page[], flow: DocumentFlow): void {
  const tagger = new Tagger(ctx.doc, flow.root);
  const shared: Shared = {
    ctx,
    tagger,
    dests: destinationPages(pages),
    bookmarks: new Bookmarks(ctx.doc),
    glyphs: new GlyphForms(ctx.doc, ctx.shaper),
    placed: new Set(),
    notes: flow.notes,
    pageCount: pages.length,
  };
  pages.forEach((page, index) => new PagePainter(shared, index).paint(page));
  tagger.end();
}

interface Shared {
  ctx: PaintContext;
  tagger: Tagger;
  dests: Map<string, number>;
  bookmarks: Bookmarks;
  glyphs: GlyphForms;
  /** Named destinations already written. */
  placed: Set<string>;
  notes: Map<number, FlowPara>;
  pageCount: number;
}

// ---------------------------------------------------------------------------------------------
// Structure
// ---------------------------------------------------------------------------------------------

/** Creates the structure elements in logical order and keeps track of the open marked content. */
class Tagger {
  private readonly elements = new Map<StructNode, { element: PDFKit.PDFStructureElement; type: string }>();
  private readonly links = new Map<number, PDFKit.PDFStructureElement>();
  private open: PDFKit.PDFStructureElement | null = null;
  private readonly root: PDFKit.PDFStructureElement;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    root: StructNode,
  ) {
    this.root = doc.struct(root.type);
    doc.addStructure(this.root);
    this.elements.set(root, { element: this.root, type: root.type });
    this.build(root, this.root);
  }

  private build(node: StructNode, parent: PDFKit.PDFStructureElement): void {
    for (const child of node.children) {
      const element = this.create(child.type, child.scope, child.alt);
      parent.add(element);
      this.elements.set(child, { element, type: child.type });
      this.build(child, element);
    }
  }

  private create(type: StructType | 'Link', scope?: 'Column', alt?: string): PDFKit.PDFStructureElement {
    // pdfkit writes `scope` as the Table attribute /Scope (its typings omit it).
    const options = { ...(scope ? { scope } : {}), ...(alt !== undefined ? { alt } : {}) } as PDFKit.Mixins.StructureElementOptions;
    return this.doc.struct(type, options);
  }

  private entry(node: StructNode): { element: PDFKit.PDFStructureElement; type: string } {
    const entry = this.elements.get(node);
    if (!entry) throw new Error(`internal: structure element ${node.type} is not in the tree`);
    return entry;
  }

  /** The Link element of a linked run inside `node` (one per run, however many lines it spans). */
  link(node: StructNode, linkId: number): PDFKit.PDFStructureElement {
    let element = this.links.get(linkId);
    if (!element) {
      element = this.create('Link');
      this.entry(node).element.add(element);
      this.links.set(linkId, element);
    }
    return element;
  }

  /** Makes the following content belong to `node` (or to its Link element `linkId`). */
  mark(node: StructNode, linkId?: number): void {
    const target = linkId === undefined ? this.entry(node).element : this.link(node, linkId);
    if (this.open === target) return;
    this.close();
    const content = this.doc.markStructureContent(linkId === undefined ? this.entry(node).type : 'Link');
    target.add(content);
    this.open = target;
  }

  artifact(type: 'Pagination' | 'Layout', draw: () => void): void {
    this.close();
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  /** A footnote becomes a Note element inside the element that refers to it. */
  attachNote(note: StructNode, referrer: StructNode): void {
    const element = this.create('Note');
    this.entry(referrer).element.add(element);
    this.elements.set(note, { element, type: 'Note' });
  }

  close(): void {
    if (this.open) {
      this.doc.endMarkedContent();
      this.open = null;
    }
  }

  end(): void {
    this.close();
    this.root.end();
  }
}

/** Bookmarks nested by heading level, each pointing at its heading's position. */
class Bookmarks {
  private readonly stack: Array<{ level: number; item: OutlineItem }> = [];

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  add(level: number, title: string, y: number): void {
    const doc = internals(this.doc);
    while (this.stack.length > 0 && (this.stack[this.stack.length - 1] as { level: number }).level >= level) this.stack.pop();
    const parent = this.stack[this.stack.length - 1]?.item ?? doc.outline;
    const item = parent.addItem(title, { expanded: level === 1 });
    item.outlineData.Dest = [doc.page.dictionary, 'XYZ', null, doc.page.height - y, null];
    this.stack.push({ level, item });
  }
}

// ---------------------------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------------------------

class PagePainter {
  private readonly ctx: PaintContext;
  /** Artifacts collected while painting, drawn after the content. */
  private readonly rules: string[] = [];
  private readonly outlines: string[] = [];
  private readonly linkOutlines: string[] = [];
  private readonly leaders: string[] = [];

  constructor(
    private readonly shared: Shared,
    private readonly index: number,
  ) {
    this.ctx = shared.ctx;
    const doc = internals(shared.ctx.doc);
    this.text = {
      fonts: shared.ctx.fonts,
      shaper: shared.ctx.shaper,
      useFont: (font: PdfFont): void => {
        doc.page.fonts[font.id] ??= font.ref();
      },
    };
  }

  paint(page: Page): void {
    const { doc } = this.ctx;
    doc.addPage({ size: [A4.width, A4.height], margin: 0 });
    this.fills(page.items);
    for (const item of page.items) this.item(item);
    this.footnotes(page);
    this.shared.tagger.close();
    this.artifacts();
    this.running();
  }

  private add(content: string): void {
    this.ctx.doc.addContent(content);
  }

  private readonly text: TextContext;

  /** Table header shading goes first so the text is drawn over it. */
  private fills(items: readonly PageItem[]): void {
    const rects = items.flatMap((item) => (item.kind === 'fill' ? [`${num(item.x)} ${num(item.y)} ${num(item.width)} ${num(item.height)} re`] : []));
    if (rects.length > 0) this.shared.tagger.artifact('Layout', () => this.add(`q ${HEADER_FILL} ${rects.join(' ')} f Q`));
  }

  private item(item: PageItem): void {
    switch (item.kind) {
      case 'line':
        return this.line(item.line, item.y, item.node, item.toc);
      case 'rule':
        this.rules.push(`${num(item.x1)} ${num(item.y1)} m ${num(item.x2)} ${num(item.y2)} l`);
        return;
      case 'fill':
        return;
      case 'image':
        return this.image(item.figure, item.x, item.y);
      case 'dest':
        return this.destination(item.name, item.y);
      case 'bookmark':
        return this.shared.bookmarks.add(item.level, item.title, item.y);
    }
  }

  /**
   * pdfkit embeds the image from bytes (never a path: hardening.md §8.3) as an XObject, inside the
   * Figure element's marked content. Validation refuses JPEGs with a rotation flag; pdfkit is told
   * to ignore one anyway, so the picture always fills the box the layout gave it.
   */
  private image(figure: FlowFigure, x: number, y: number): void {
    this.shared.tagger.mark(figure.node);
    this.ctx.doc.image(figure.bytes, this.ctx.geometry.left + x, y, { width: figure.width, height: figure.height, ignoreOrientation: true } as PDFKit.Mixins.ImageOption);
  }

  /** A named destination at the top of a block: XYZ with null left and zoom keeps the reader's. */
  private destination(name: string, y: number): void {
    // Anchors are unique in the model; should one repeat, the first stays the target (as for the TOC).
    if (this.shared.dests.get(name) !== this.index || this.shared.placed.has(name)) return;
    this.shared.placed.add(name);
    // pdfkit's typings want numbers, but null ("keep the current value") is what XYZ needs.
    const add = this.ctx.doc.addNamedDestination as unknown as (name: string, fit: 'XYZ', left: null, top: number, zoom: null) => void;
    add.call(this.ctx.doc, name, 'XYZ', null, y, null);
  }

  // -------------------------------------------------------------------------------------------
  // Lines
  // -------------------------------------------------------------------------------------------

  private line(flowLine: FlowLine, y: number, node: StructNode | null, toc?: TocTarget): void {
    const baseline = y + flowLine.baseline;
    const items = toc ? this.tocItems(flowLine.line.items, toc, baseline) : flowLine.line.items;
    const x0 = this.ctx.geometry.left;
    for (const item of items) {
      if (item.kind !== 'outline') continue;
      const path = this.shared.glyphs.draw(item.frag.face, item.frag.text, item.frag.size, x0 + item.x, baseline - item.frag.rise);
      (item.frag.link?.kind === 'uri' ? this.linkOutlines : this.outlines).push(path);
    }
    for (const segment of segments(items)) this.segment(segment, node, baseline);
    if (node) this.links(items, node, y, flowLine.height);
  }

  private segment(segment: Segment, node: StructNode | null, baseline: number): void {
    const x0 = this.ctx.geometry.left;
    const runs = segment.items.map((item) => textRun(item, x0));
    let content = textObject(runs, this.text, baseline);
    if (segment.uri) content = `${LINK_COLOR}\n${content}\n${TEXT_COLOR}`;
    if (!node) {
      // Repeated table headers: a copy for the reader's eye, not new content.
      this.shared.tagger.artifact('Pagination', () => this.add(content));
      return;
    }
    this.shared.tagger.mark(node, segment.linkId);
    this.add(content);
  }

  /** One annotation per linked run and line, over everything the run covers on the line. */
  private links(items: readonly LineItem[], node: StructNode, y: number, height: number): void {
    const spans = new Map<number, { target: LinkTarget; from: number; to: number; text: string }>();
    for (const item of items) {
      const link = linkOf(item);
      if (!link) continue;
      const from = this.ctx.geometry.left + item.x;
      const to = from + itemWidth(item);
      const span = spans.get(link.linkId);
      if (span) {
        span.from = Math.min(span.from, from);
        span.to = Math.max(span.to, to);
        if (item.kind !== 'hidden') span.text += item.frag.text;
      } else spans.set(link.linkId, { target: link.target, from, to, text: item.kind === 'hidden' ? '' : item.frag.text });
    }
    for (const [linkId, span] of spans) {
      // A String object: pdfkit writes plain JS strings as PDF names. Contents describes the link (PDF/UA).
      const options = { structParent: this.shared.tagger.link(node, linkId), Contents: new String(span.text.trim()) } as unknown as PDFKit.Mixins.AnnotationOption;
      const width = span.to - span.from;
      if (span.target.kind === 'uri') this.ctx.doc.link(span.from, y, width, height, span.target.uri, options);
      else {
        if (!this.shared.dests.has(span.target.name)) throw new Error(`link to "${span.target.name}": no block with this anchor in the document`);
        this.ctx.doc.goTo(span.from, y, width, height, span.target.name, options);
      }
    }
  }

  /** A TOC entry's last line: dot leaders (artifacts) and the page number (text, part of the link). */
  private tocItems(items: readonly LineItem[], toc: TocTarget, baseline: number): LineItem[] {
    const page = this.shared.dests.get(toc.anchor);
    if (page === undefined) throw new Error(`table of contents entry for "${toc.anchor}": no heading with this anchor in the document`);
    const last = [...items].reverse().find((item): item is Extract<LineItem, { kind: 'text' }> => item.kind === 'text');
    const face = last?.frag.face ?? 'regular';
    const size = last?.frag.size ?? this.ctx.styles.paragraph('body').size;
    const frag = makeFrag(this.ctx.measure, String(page + 1), face, size, { link: { kind: 'dest', name: toc.anchor }, linkId: toc.linkId });
    const numberX = toc.right - frag.width;
    const textEnd = Math.max(0, ...items.map((item) => item.x + itemWidth(item)));
    const x0 = this.ctx.geometry.left;
    for (let x = Math.ceil((textEnd + 4) / LEADER_STEP) * LEADER_STEP; x <= numberX - 4; x += LEADER_STEP) {
      this.leaders.push(`${num(x0 + x)} ${num(baseline - 0.8)} 0.8 0.8 re`);
    }
    return [...items, { kind: 'text', frag, x: numberX }];
  }

  // -------------------------------------------------------------------------------------------
  // Footnotes, artifacts, running texts
  // -------------------------------------------------------------------------------------------

  private footnotes(page: Page): void {
    if (page.notes.length === 0) return;
    const { geometry } = this.ctx;
    const top = geometry.bottom - page.notesHeight - NOTE_SEPARATOR;
    const rule = top + NOTE_SEPARATOR / 2;
    this.rules.push(`${num(geometry.left)} ${num(rule)} m ${num(geometry.left + geometry.textWidth / 3)} ${num(rule)} l`);
    let y = top + NOTE_SEPARATOR;
    for (const { number, referrer } of page.notes) {
      const note = this.shared.notes.get(number) as FlowPara;
      this.shared.tagger.attachNote(note.node, referrer);
      for (const line of note.lines) this.line(line, y + line.top, note.node);
      y += note.height + NOTE_GAP;
    }
  }

  private artifacts(): void {
    const parts: string[] = [];
    if (this.rules.length > 0) parts.push(`${num(RULE_WIDTH)} w 0 0 0 RG ${this.rules.join(' ')} S`);
    if (this.outlines.length > 0) parts.push(this.outlines.join('\n'));
    if (this.linkOutlines.length > 0) parts.push(`${LINK_COLOR}\n${this.linkOutlines.join('\n')}\n${TEXT_COLOR}`);
    if (this.leaders.length > 0) parts.push(`${this.leaders.join(' ')} f`);
    if (parts.length > 0) this.shared.tagger.artifact('Layout', () => this.add(`q\n${parts.join('\n')}\nQ`));
  }

  /** Header from page 2 (short title left, draft mark right; the draft mark on page 1 too) and "page X of Y". */
  private running(): void {
    const { geometry, running } = this.ctx;
    const headerBaseline = geometry.top * 0.55;
    const footerBaseline = geometry.bottom + (geometry.height - geometry.bottom) * 0.55;
    const draft = running.draftMark.trim();
    const header = this.index > 0 ? running.header.trim() : '';
    const draftWidth = draft ? this.runningLine(draft, 'bold', geometry.textWidth).width : 0;
    const pageOf = running.pageOf.replace('{page}', String(this.index + 1)).replace('{pages}', String(this.shared.pageCount));
    this.shared.tagger.artifact('Pagination', () => {
      if (header) {
        const line = this.runningLine(header, 'italic', geometry.textWidth - draftWidth - (draft ? 12 : 0));
        this.add(textObject(line.runs.map((run) => ({ ...run, x: run.x + geometry.left })), this.text, headerBaseline));
        const rule = headerBaseline + 4;
        this.add(`q ${num(RULE_WIDTH)} w 0 0 0 RG ${num(geometry.left)} ${num(rule)} m ${num(geometry.right)} ${num(rule)} l S Q`);
      }
      if (draft) {
        const line = this.runningLine(draft, 'bold', geometry.textWidth);
        this.add(textObject(line.runs.map((run) => ({ ...run, x: run.x + geometry.right - line.width })), this.text, headerBaseline));
      }
      if (pageOf.trim()) {
        const line = this.runningLine(pageOf, 'regular', geometry.textWidth);
        const x = geometry.left + (geometry.textWidth - line.width) / 2;
        this.add(textObject(line.runs.map((run) => ({ ...run, x: run.x + x })), this.text, footerBaseline));
      }
    });
  }

  /** A running text on one line, in a smaller size if it would not fit in `maxWidth`. */
  private runningLine(text: string, face: Face, maxWidth: number): { runs: TextRun[]; width: number } {
    let size = this.ctx.styles.running.size;
    let laid = layOutSingle(text, face, size, this.ctx.measure);
    if (laid.width > maxWidth && laid.width > 0) {
      size = Math.max(6, (size * maxWidth) / laid.width);
      laid = layOutSingle(text, face, size, this.ctx.measure);
    }
    return laid;
  }
}

function layOutSingle(text: string, face: Face, size: number, measure: Measure): { runs: TextRun[]; width: number } {
  const runs: TextRun[] = [];
  let x = 0;
  const words = plainWords(text, { face, size, allCaps: false }, measure);
  words.forEach((word, index) => {
    const frags: Frag[] = index < words.length - 1 && word.space ? [...word.frags, word.space] : word.frags;
    for (const frag of frags) {
      runs.push({ text: frag.text, face, size, rise: 0, x });
      x += frag.width;
    }
  });
  return { runs, width: x };
}

// ---------------------------------------------------------------------------------------------
// Line items
// ---------------------------------------------------------------------------------------------

interface Segment {
  items: Array<Exclude<LineItem, { kind: 'outline' }>>;
  linkId?: number;
  uri: boolean;
}

/** Consecutive text items that belong to the same structure element (the paragraph, or one link). */
function segments(items: readonly LineItem[]): Segment[] {
  const result: Segment[] = [];
  for (const item of items) {
    if (item.kind === 'outline') continue;
    const link = linkOf(item);
    const last = result[result.length - 1];
    if (last && last.linkId === link?.linkId) last.items.push(item);
    else result.push({ items: [item], ...(link ? { linkId: link.linkId } : {}), uri: link?.target.kind === 'uri' });
  }
  return result;
}

function linkOf(item: LineItem): { target: LinkTarget; linkId: number } | null {
  if (item.kind === 'hidden') return item.link && item.linkId !== undefined ? { target: item.link, linkId: item.linkId } : null;
  return item.frag.link && item.frag.linkId !== undefined ? { target: item.frag.link, linkId: item.frag.linkId } : null;
}

function itemWidth(item: LineItem): number {
  return item.kind === 'hidden' ? item.width : item.frag.width;
}

function textRun(item: Exclude<LineItem, { kind: 'outline' }>, x0: number): TextRun {
  if (item.kind === 'hidden') {
    const scale = item.natural > 0 ? (item.width / item.natural) * 100 : 100;
    return { text: item.text, face: item.face, size: item.size, rise: 0, x: x0 + item.x, scale, invisible: true };
  }
  return { text: item.frag.text, face: item.frag.face, size: item.frag.size, rise: item.frag.rise, x: x0 + item.x };
}
