/**
 * The style sheet both renderers use, so a DOCX and its PDF look alike: one entry per paragraph
 * style and heading level. Sizes in points, distances in millimetres. The DOCX renderer turns
 * each entry into a named Word style (so staff can restyle); the PDF renderer lays text out with it.
 *
 * Defaults follow the official conventions (domain.md §2.1): body 14 pt justified with a
 * 1.25 cm first-line indent, line spacing 1.15, headings bold.
 */
import type { Align, ParagraphStyle } from './types.js';

export interface StyleSpec {
  /** Word style id and display name. */
  wordId: string;
  wordName: string;
  size: number;
  bold?: boolean;
  italic?: boolean;
  allCaps?: boolean;
  align: Align;
  /** Space before and after the paragraph, in points. */
  before: number;
  after: number;
  /** Left indent of the whole paragraph, in mm (added to the clause depth indent). */
  indent: number;
  /** First-line indent in mm (negative = hanging). */
  firstLine: number;
  keepWithNext?: boolean;
  /** Line spacing as a multiple; defaults to the page setting. */
  lineSpacing?: number;
}

export const PARAGRAPH_STYLES: Record<ParagraphStyle, StyleSpec> = {
  body: { wordId: 'TertipBody', wordName: 'Tertip Body', size: 14, align: 'justify', before: 0, after: 6, indent: 0, firstLine: 12.5 },
  clause: { wordId: 'TertipClause', wordName: 'Tertip Clause', size: 14, align: 'justify', before: 0, after: 6, indent: 0, firstLine: 0 },
  item: { wordId: 'TertipItem', wordName: 'Tertip Item', size: 14, align: 'justify', before: 0, after: 3, indent: 0, firstLine: 0 },
  continuation: { wordId: 'TertipContinuation', wordName: 'Tertip Continuation', size: 14, align: 'justify', before: 0, after: 6, indent: 0, firstLine: 0 },
  title: { wordId: 'Title', wordName: 'Title', size: 16, bold: true, align: 'center', before: 12, after: 12, indent: 0, firstLine: 0, keepWithNext: true, lineSpacing: 1.0 },
  subtitle: { wordId: 'Subtitle', wordName: 'Subtitle', size: 14, align: 'center', before: 0, after: 6, indent: 0, firstLine: 0, keepWithNext: true, lineSpacing: 1.0 },
  draftMark: { wordId: 'TertipDraftMark', wordName: 'Tertip Draft Mark', size: 14, bold: true, allCaps: true, align: 'right', before: 0, after: 12, indent: 0, firstLine: 0, lineSpacing: 1.0 },
  approval: { wordId: 'TertipApproval', wordName: 'Tertip Approval Block', size: 12, align: 'left', before: 0, after: 0, indent: 95, firstLine: 0, lineSpacing: 1.0 },
  annexMark: { wordId: 'TertipAnnexMark', wordName: 'Tertip Annex Mark', size: 12, align: 'left', before: 0, after: 12, indent: 95, firstLine: 0, lineSpacing: 1.0 },
  coverText: { wordId: 'TertipCoverText', wordName: 'Tertip Cover Text', size: 14, align: 'center', before: 0, after: 6, indent: 0, firstLine: 0, lineSpacing: 1.0 },
  caption: { wordId: 'Caption', wordName: 'Caption', size: 12, bold: true, align: 'left', before: 6, after: 3, indent: 0, firstLine: 0, keepWithNext: true, lineSpacing: 1.0 },
  figure: { wordId: 'TertipFigure', wordName: 'Tertip Figure', size: 14, align: 'center', before: 6, after: 3, indent: 0, firstLine: 0, keepWithNext: true, lineSpacing: 1.0 },
  figureCaption: { wordId: 'TertipFigureCaption', wordName: 'Tertip Figure Caption', size: 12, bold: true, align: 'center', before: 4, after: 9, indent: 0, firstLine: 0, lineSpacing: 1.0 },
  tableText: { wordId: 'TertipTableText', wordName: 'Tertip Table Text', size: 11, align: 'left', before: 0, after: 0, indent: 0, firstLine: 0, lineSpacing: 1.0 },
  tableHeader: { wordId: 'TertipTableHeader', wordName: 'Tertip Table Header', size: 11, bold: true, align: 'center', before: 0, after: 0, indent: 0, firstLine: 0, lineSpacing: 1.0 },
  note: { wordId: 'TertipNote', wordName: 'Tertip Note', size: 11, italic: true, align: 'justify', before: 3, after: 6, indent: 0, firstLine: 0, lineSpacing: 1.0 },
  footnote: { wordId: 'FootnoteText', wordName: 'footnote text', size: 10, align: 'justify', before: 0, after: 0, indent: 0, firstLine: 0, lineSpacing: 1.0 },
  letter: { wordId: 'TertipLetter', wordName: 'Tertip Letter', size: 14, align: 'justify', before: 0, after: 6, indent: 0, firstLine: 12.5 },
};

export const HEADING_STYLES: Record<1 | 2 | 3, StyleSpec> = {
  1: { wordId: 'Heading1', wordName: 'heading 1', size: 14, bold: true, align: 'center', before: 12, after: 6, indent: 0, firstLine: 0, keepWithNext: true, lineSpacing: 1.0 },
  2: { wordId: 'Heading2', wordName: 'heading 2', size: 14, bold: true, align: 'left', before: 10, after: 4, indent: 0, firstLine: 12.5, keepWithNext: true, lineSpacing: 1.0 },
  3: { wordId: 'Heading3', wordName: 'heading 3', size: 14, bold: true, italic: true, align: 'left', before: 8, after: 3, indent: 0, firstLine: 12.5, keepWithNext: true, lineSpacing: 1.0 },
};

/** Indent per clause or item depth level, in mm; the label hangs in this space (room for "10.4." at 14 pt). */
export const DEPTH_INDENT_MM = 12.5;

/** Running header and footer text size. */
export const RUNNING_SIZE = 10;

/** Fonts: the DOCX names Times New Roman (on every ministry PC); the PDF embeds PT Serif, which covers Turkmen and Cyrillic. */
export const DOCX_FONT = 'Times New Roman';
