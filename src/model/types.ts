/**
 * The format-neutral document model. The resolve stage produces it once per (document, language);
 * every renderer (DOCX, PDF, ...) consumes only this, never Markdown, so the outputs cannot drift.
 *
 * Everything a reader sees is settled here: clause labels ("1.2.", "I bap.", "ç)"), cross-reference
 * wording, table contents, localised labels and typography (non-breaking spaces, "№").
 */
import type { DocKind, Lang, Status } from '../core/types.js';

// ---------------------------------------------------------------------------------------------
// Inline content: a flat list of runs (nesting such as **_x_** is flattened into run flags).
// ---------------------------------------------------------------------------------------------

export interface TextRun {
  kind: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Inline code: rendered in the body font but kept literal. */
  code?: boolean;
  /** External link (https: or mailto: only; checked by validation). */
  href?: string;
  /** Internal link to an anchor in the same rendered document (a cross-reference). */
  anchor?: string;
}

export interface FootnoteRun {
  kind: 'footnote';
  /** 1-based footnote number; the note's content is `DocModel.footnotes[number - 1]`. */
  number: number;
}

export interface BreakRun {
  kind: 'break';
}

export type Run = TextRun | FootnoteRun | BreakRun;

// ---------------------------------------------------------------------------------------------
// Blocks
// ---------------------------------------------------------------------------------------------

/**
 * Paragraph styles. Each maps to a named Word style (see render/docx/styles.ts) and to a PDF
 * style sheet entry (render/pdf/styles.ts); renderers never invent formatting of their own.
 */
export type ParagraphStyle =
  | 'body' // justified running text with a first-line indent
  | 'clause' // a numbered clause (label + text), justified
  | 'item' // a lettered sub-item "a)", "ç)", "б)"
  | 'continuation' // a further paragraph inside a clause or item (no label), indented like its owner
  | 'title' // the document title
  | 'subtitle' // a line under the title (document type, "TASLAMA" note, version)
  | 'draftMark' // the visible draft marking
  | 'approval' // the approval block at the top right
  | 'annexMark' // the annex marking at the top right of an annex
  | 'coverText' // other cover-page lines (owner, city and year)
  | 'caption' // a table caption
  | 'figure' // the paragraph that holds a figure's image (centred, kept with its caption)
  | 'figureCaption' // a figure's caption, centred under it
  | 'tableText' // text in a table body cell
  | 'tableHeader' // text in a table header cell
  | 'note' // a small note (e.g. "figures are illustrative")
  | 'footnote' // the text of a footnote
  | 'letter'; // covering-letter body text (left-aligned, first-line indent)

export type Align = 'left' | 'center' | 'right' | 'justify';

/** Where a numbered paragraph sits in the document's automatic numbering (DOCX numbering definitions). */
export interface NumberingRef {
  /** A reference into `DocModel.numbering`. */
  ref: string;
  /** 0-based level within that numbering definition. */
  level: number;
}

export interface ParagraphBlock {
  type: 'paragraph';
  style: ParagraphStyle;
  runs: Run[];
  /** The visible label ("1.2.", "3)", "ç)"); PDF draws it, DOCX lets `numbering` produce the same text. */
  label?: string;
  /** Indentation depth for clauses, items and continuations: 0 = top level. */
  depth?: number;
  numbering?: NumberingRef;
  /** Anchor id a cross-reference can point to (already unique within the rendered document). */
  anchor?: string;
  align?: Align;
  keepWithNext?: boolean;
}

export interface HeadingBlock {
  type: 'heading';
  /** 1 = section or chapter, 2 = subsection, 3 = sub-subsection. */
  level: 1 | 2 | 3;
  /** The generated number as it is shown ("3.", "II bap.", "Глава II."), if any. */
  label?: string;
  runs: Run[];
  numbering?: NumberingRef;
  anchor?: string;
  /** Whether the heading belongs in the table of contents and the PDF outline. */
  outline: boolean;
}

export interface TableCell {
  runs: Run[];
  align?: Align;
}

export interface TableColumn {
  /** Relative width; renderers scale the sum to the text width. */
  width: number;
  align?: Align;
}

export interface TableBlock {
  type: 'table';
  /** Full caption text including its label, e.g. "Tablisa 2. Görkezijiler". */
  caption?: Run[];
  columns: TableColumn[];
  /** One header row, repeated on every page. */
  header: TableCell[];
  rows: TableCell[][];
  anchor?: string;
}

/** An image from specs/assets/, read and checked by the resolve stage. */
export interface FigureImage {
  format: 'png' | 'jpeg';
  bytes: Uint8Array;
  /** Size in pixels, as the file's header gives it. */
  width: number;
  height: number;
}

/**
 * A numbered figure: an image alone in its paragraph, centred at `size`, with its caption under it
 * ("2-nji surat. ...", "Рисунок 2. ..."), image and caption kept on one page.
 */
export interface FigureBlock {
  type: 'figure';
  image: FigureImage;
  /** Printed size in points: the image at 96 dpi, scaled down to fit the text column. */
  size: { width: number; height: number };
  /** What the image shows, in words: read aloud from the PDF (/Alt) and Word's alt text. */
  alt: string;
  caption: Run[];
  /** Anchor id a cross-reference can point to ("see figure 2"). */
  anchor?: string;
}

/** A line with text at the left margin and text at the right margin (signature lines). */
export interface SignatureBlock {
  type: 'signature';
  left: Run[];
  right: Run[];
}

export interface TocBlock {
  type: 'toc';
  title: string;
  /** The headings with `outline: true`, in order, for renderers that build the table themselves. */
  entries: TocEntry[];
}

export interface TocEntry {
  level: 1 | 2 | 3;
  text: string;
  anchor: string;
}

export interface PageBreakBlock {
  type: 'pageBreak';
}

/** Vertical space, in points, between parts of the cover page or letter. */
export interface SpacerBlock {
  type: 'spacer';
  points: number;
}

export type Block = ParagraphBlock | HeadingBlock | TableBlock | FigureBlock | SignatureBlock | TocBlock | PageBreakBlock | SpacerBlock;

// ---------------------------------------------------------------------------------------------
// Numbering definitions (for DOCX; the PDF uses the labels the resolve stage computed)
// ---------------------------------------------------------------------------------------------

export type NumberFormat = 'decimal' | 'upperRoman';

export interface NumberingLevel {
  level: number;
  format: NumberFormat;
  /** Word's level text, e.g. "%1.", "%1.%2.", "%2)", "%1 bap.", "Глава %1.". */
  text: string;
  /** Left indent and hanging indent of the label, in points. */
  indent: { left: number; hanging: number };
  /** Whether the label is followed by a tab (clauses) or a space (headings). */
  suffix: 'tab' | 'space';
}

export interface NumberingDefinition {
  ref: string;
  levels: NumberingLevel[];
}

// ---------------------------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------------------------

export interface PageSetup {
  /** Margins in millimetres (domain.md §2.1: ≥ 20 left, ≥ 10 right, 20 top and bottom). */
  margins: { top: number; right: number; bottom: number; left: number };
  /** Body font size in points. */
  fontSize: number;
  /** Line spacing as a multiple of the font size (1.0–1.5). */
  lineSpacing: number;
  /** First-line indent of body paragraphs, in millimetres (1.25 cm). */
  firstLineIndent: number;
}

export interface DocProperties {
  title: string;
  subject: string;
  /** The responsible body. */
  author: string;
  keywords: string[];
  /** BCP 47 tag for spell-checking and PDF /Lang: "tk-TM" or "ru-RU". */
  language: string;
  /** The build date (from SOURCE_DATE_EPOCH or the sources), ISO 8601. */
  date: string;
  version: string;
  status: Status;
}

export interface RunningTexts {
  /** Text of the page header (from page 2 on): document short title, id and version. */
  header: string;
  /** "Page {page} of {pages}" in the document's language, with `{page}` and `{pages}` placeholders. */
  pageOf: string;
  /** Visible marking while the document is a draft (e.g. "TASLAMA", "ПРОЕКТ"); empty otherwise. */
  draftMark: string;
}

export interface DocModel {
  id: string;
  /** The kind of document; "letter" for a pack's covering letter. */
  kind: DocKind | 'letter';
  lang: Lang;
  properties: DocProperties;
  page: PageSetup;
  running: RunningTexts;
  numbering: NumberingDefinition[];
  /** Cover or heading part: approval block, title, draft marking, table of contents. */
  front: Block[];
  /** The sections and clauses. */
  body: Block[];
  /** Annexes, each starting on a new page with its marking. */
  annexes: Block[][];
  /** Footnote contents; `FootnoteRun.number` n refers to `footnotes[n - 1]`. */
  footnotes: Run[][];
}

/** A covering letter for a pack, in one language: same model (kind "letter"), no annexes or numbering. */
export type LetterModel = DocModel;
