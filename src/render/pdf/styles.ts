/**
 * The shared style sheet (src/model/styles.ts) turned into PDF measurements for one document.
 *
 * The style sheet states the official defaults (14 pt, 1.25 cm first-line indent); a document's
 * `page` setup may differ, so a style whose size or first-line indent equals the sheet's body
 * default follows the page setting instead (a 12 pt document gets 12 pt body text and headings,
 * while captions, tables and footnotes keep their smaller sizes).
 */
import { DEPTH_INDENT_MM, HEADING_STYLES, PARAGRAPH_STYLES, RUNNING_SIZE, type StyleSpec } from '../../model/styles.js';
import type { Align, PageSetup, ParagraphStyle } from '../../model/types.js';
import { faceOf, type Face } from './fonts.js';

export const PT_PER_MM = 72 / 25.4;
/** A4 in points (ISO 216: 210 × 297 mm). */
export const A4 = { width: 595.28, height: 841.89 } as const;

/** The style sheet's body defaults, which a document's page setup overrides. */
const SHEET_BODY_SIZE = PARAGRAPH_STYLES.body.size;
const SHEET_FIRST_LINE_MM = PARAGRAPH_STYLES.body.firstLine;

/**
 * Word's "single" line for Times New Roman is 1.15 em. Line spacing multiplies that, so a PDF page
 * holds as many lines as the DOCX page does in Word (the DOCX names Times New Roman).
 */
const SINGLE_LINE_EM = 1.15;
/** Baseline below the top of a line box, in em: room for accented capitals (Ý, Ž, Й). */
const BASELINE_EM = 0.92;

export interface PdfStyle {
  face: Face;
  size: number;
  allCaps: boolean;
  align: Align;
  /** Space before and after, in points. */
  before: number;
  after: number;
  /** Left indent in points (without the clause depth). */
  indent: number;
  /** First-line indent in points (negative = hanging). */
  firstLine: number;
  keepWithNext: boolean;
  /** Height of one line box and the baseline's distance from its top, in points. */
  lineHeight: number;
  baseline: number;
}

export interface PageGeometry {
  width: number;
  height: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Width of the text column. */
  textWidth: number;
  /** Indent per clause depth level. */
  depthIndent: number;
}

export function pageGeometry(page: PageSetup): PageGeometry {
  const left = page.margins.left * PT_PER_MM;
  const right = A4.width - page.margins.right * PT_PER_MM;
  return {
    width: A4.width,
    height: A4.height,
    top: page.margins.top * PT_PER_MM,
    bottom: A4.height - page.margins.bottom * PT_PER_MM,
    left,
    right,
    textWidth: right - left,
    depthIndent: DEPTH_INDENT_MM * PT_PER_MM,
  };
}

export function lineMetrics(size: number, lineSpacing: number): { lineHeight: number; baseline: number } {
  return { lineHeight: size * SINGLE_LINE_EM * lineSpacing, baseline: size * BASELINE_EM };
}

function resolve(spec: StyleSpec, page: PageSetup): PdfStyle {
  const size = spec.size === SHEET_BODY_SIZE ? page.fontSize : spec.size;
  const firstLineMm = spec.firstLine === SHEET_FIRST_LINE_MM ? page.firstLineIndent : spec.firstLine;
  return {
    face: faceOf(spec.bold, spec.italic),
    size,
    allCaps: spec.allCaps === true,
    align: spec.align,
    before: spec.before,
    after: spec.after,
    indent: spec.indent * PT_PER_MM,
    firstLine: firstLineMm * PT_PER_MM,
    keepWithNext: spec.keepWithNext === true,
    ...lineMetrics(size, spec.lineSpacing ?? page.lineSpacing),
  };
}

/** The resolved style sheet of one document. */
export interface StyleSheet {
  paragraph(style: ParagraphStyle): PdfStyle;
  heading(level: 1 | 2 | 3): PdfStyle;
  /** Running header and footer text. */
  running: PdfStyle;
}

export function styleSheet(page: PageSetup): StyleSheet {
  const paragraphs = new Map<ParagraphStyle, PdfStyle>();
  for (const [name, spec] of Object.entries(PARAGRAPH_STYLES) as Array<[ParagraphStyle, StyleSpec]>) paragraphs.set(name, resolve(spec, page));
  const headings = { 1: resolve(HEADING_STYLES[1], page), 2: resolve(HEADING_STYLES[2], page), 3: resolve(HEADING_STYLES[3], page) };
  const running: PdfStyle = { ...(paragraphs.get('note') as PdfStyle), face: 'regular', size: RUNNING_SIZE, align: 'left', ...lineMetrics(RUNNING_SIZE, 1) };
  return {
    paragraph: (style) => paragraphs.get(style) as PdfStyle,
    heading: (level) => headings[level],
    running,
  };
}
