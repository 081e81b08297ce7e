/**
 * The intermediate form between the model handlers (blocks.ts) and the page layout (layout.ts):
 * blocks already broken into lines, with their heights, not yet placed on pages. Also the tagged-PDF
 * structure tree, built in logical (model) order while the handlers run.
 */
import type { Line } from './linebreak.js';

export type StructType =
  | 'Document'
  | 'Sect'
  | 'P'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'Table'
  | 'Caption'
  | 'THead'
  | 'TBody'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'TOC'
  | 'TOCI'
  | 'Figure'
  | 'Note';

/** A structure element of the tagged PDF; painting creates the real element and attaches content. */
export interface StructNode {
  type: StructType;
  children: StructNode[];
  /** Table header cells: the scope of the header. */
  scope?: 'Column';
  /** Figures: the description a screen reader reads instead of the image. */
  alt?: string;
}

export function structNode(type: StructType, parent: StructNode | null, extra: Partial<StructNode> = {}): StructNode {
  const node: StructNode = { type, children: [], ...extra };
  parent?.children.push(node);
  return node;
}

/** A laid-out line and its box: `top` is its offset from the top of its block (or cell). */
export interface FlowLine {
  line: Line;
  top: number;
  height: number;
  baseline: number;
}

export interface TocTarget {
  anchor: string;
  linkId: number;
  /** Right edge of the page-number column, relative to the text column. */
  right: number;
}

export interface FlowPara {
  kind: 'para';
  lines: FlowLine[];
  /** Total height of the lines. */
  height: number;
  before: number;
  after: number;
  keepWithNext: boolean;
  /** Never split across pages (headings, TOC entries, signatures). */
  keepTogether: boolean;
  node: StructNode;
  anchor?: string;
  bookmark?: { level: 1 | 2 | 3; title: string };
  /** A TOC entry: painting adds dot leaders and the page number of `anchor`. */
  toc?: TocTarget;
}

export interface FlowCell {
  lines: FlowLine[];
  node: StructNode;
}

export interface FlowRow {
  /** Height including the cell padding. */
  height: number;
  cells: FlowCell[];
  node: StructNode;
}

export interface FlowTable {
  kind: 'table';
  caption: FlowPara | null;
  /** Column boundaries relative to the text column: columns + 1 values. */
  edges: number[];
  padding: number;
  header: FlowRow;
  rows: FlowRow[];
  node: StructNode;
  anchor?: string;
}

/** An image centred in the text column with its caption under it; the two stay on one page. */
export interface FlowFigure {
  kind: 'figure';
  /** PNG or JPEG bytes pdfkit embeds as they are (render/pdf/images.ts). */
  bytes: Buffer;
  /** Printed size in points. */
  width: number;
  height: number;
  before: number;
  caption: FlowPara;
  node: StructNode;
  /** A cross-reference's destination: the top of the image. */
  anchor?: string;
}

export interface FlowSpace {
  kind: 'space';
  height: number;
}

export interface FlowPageBreak {
  kind: 'pageBreak';
}

export type Flow = FlowPara | FlowTable | FlowFigure | FlowSpace | FlowPageBreak;

/** Everything the layout needs: the flows in order, the footnotes, the structure tree. */
export interface DocumentFlow {
  flows: Flow[];
  /** Laid-out footnotes by number (1-based, as in the model). */
  notes: Map<number, FlowPara>;
  root: StructNode;
}
