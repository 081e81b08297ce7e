/**
 * The Word style sheet, built from the shared style sheet (model/styles.ts): one named Word style
 * per paragraph style and heading level, so staff can restyle a document in Word and the DOCX
 * looks like its PDF. Paragraphs refer to these styles and carry direct formatting only where the
 * model asks for it (an `align` or `keepWithNext` of their own, a depth indent, a spacer).
 *
 * The page setup overrides the style sheet's body values: a style whose size (first-line indent)
 * equals the body style's takes `page.fontSize` (`page.firstLineIndent`), so a document set in
 * 12 pt changes its body-sized styles and keeps the smaller and larger ones.
 */
import {
  AlignmentType,
  Document,
  LineRuleType,
  type ICharacterStyleOptions,
  type IParagraphStyleOptions,
  type IStylesOptions,
} from 'docx';
import { InternalError } from '../../core/errors.js';
import { DEPTH_INDENT_MM, DOCX_FONT, HEADING_STYLES, PARAGRAPH_STYLES, RUNNING_SIZE, type StyleSpec } from '../../model/styles.js';
import type { Align, PageSetup, ParagraphStyle } from '../../model/types.js';
import { compileParts } from './package.js';
import { A4_MM, lineMultiple, mmToTwips, ptToHalfPoints, ptToTwips } from './units.js';

/** Styles the renderer needs beyond the shared sheet (Word built-ins where Word has one). */
export const EXTRA_STYLE_IDS = {
  signature: 'TertipSignature',
  tocHeading: 'TOCHeading',
  header: 'Header',
  footer: 'Footer',
  draftMarkChar: 'TertipDraftMarkChar',
  table: 'TertipTable',
} as const;

export function tocStyleId(level: 1 | 2 | 3): string {
  return `TOC${level}`;
}

type WordAlignment = (typeof AlignmentType)[keyof typeof AlignmentType];

export function wordAlignment(align: Align): WordAlignment {
  switch (align) {
    case 'left':
      return AlignmentType.LEFT;
    case 'center':
      return AlignmentType.CENTER;
    case 'right':
      return AlignmentType.RIGHT;
    case 'justify':
      return AlignmentType.JUSTIFIED;
  }
}

/** The width between the margins, in twips: column widths and right tab stops are measured on it. */
export function textWidthTwips(page: PageSetup): number {
  return mmToTwips(A4_MM.width - page.margins.left - page.margins.right);
}

/** A style entry with the page setup applied (see the module comment). */
export interface EffectiveSpec extends StyleSpec {
  lineSpacing: number;
}

export function effectiveSpec(spec: StyleSpec, page: PageSetup): EffectiveSpec {
  const body = PARAGRAPH_STYLES.body;
  return {
    ...spec,
    size: spec.size === body.size ? page.fontSize : spec.size,
    firstLine: spec.firstLine === body.firstLine ? page.firstLineIndent : spec.firstLine,
    lineSpacing: spec.lineSpacing ?? page.lineSpacing,
  };
}

/** The signature line has no entry in the shared sheet: body text, flush left, no indent. */
export function signatureSpec(): StyleSpec {
  return { ...PARAGRAPH_STYLES.body, wordId: EXTRA_STYLE_IDS.signature, wordName: 'Tertip Signature', align: 'left', firstLine: 0, before: 12 };
}

/** Word's "TOC Heading": looks like heading 1 but has no outline level, so it is not listed itself. */
export function tocHeadingSpec(): StyleSpec {
  return { ...HEADING_STYLES[1], wordId: EXTRA_STYLE_IDS.tocHeading, wordName: 'TOC Heading' };
}

/** TOC entries: body size, single spaced, one depth indent per level. */
function tocSpec(level: 1 | 2 | 3): StyleSpec {
  return {
    wordId: tocStyleId(level),
    wordName: `toc ${level}`,
    size: PARAGRAPH_STYLES.body.size,
    align: 'left',
    before: 0,
    after: 3,
    indent: (level - 1) * DEPTH_INDENT_MM,
    firstLine: 0,
    lineSpacing: 1.0,
  };
}

function runningSpec(wordId: string, wordName: string, align: Align): StyleSpec {
  return { wordId, wordName, size: RUNNING_SIZE, align, before: 0, after: 0, indent: 0, firstLine: 0, lineSpacing: 1.0 };
}

interface StyleOptions {
  outlineLevel?: number;
  next?: string;
  link?: string;
}

function paragraphStyle(spec: EffectiveSpec, language: string, options: StyleOptions = {}): IParagraphStyleOptions {
  const firstLine = mmToTwips(spec.firstLine);
  return {
    id: spec.wordId,
    name: spec.wordName,
    basedOn: 'Normal',
    next: options.next ?? spec.wordId,
    ...(options.link ? { link: options.link } : {}),
    quickFormat: true,
    run: {
      font: DOCX_FONT,
      size: ptToHalfPoints(spec.size),
      ...(spec.bold ? { bold: true } : {}),
      ...(spec.italic ? { italics: true } : {}),
      ...(spec.allCaps ? { allCaps: true } : {}),
      language: { value: language },
    },
    paragraph: {
      alignment: wordAlignment(spec.align),
      spacing: { before: ptToTwips(spec.before), after: ptToTwips(spec.after), line: lineMultiple(spec.lineSpacing), lineRule: LineRuleType.AUTO },
      indent: { left: mmToTwips(spec.indent), ...(firstLine >= 0 ? { firstLine } : { hanging: -firstLine }) },
      // A paragraph kept with the next (headings, captions) is also kept whole, as Word's headings are.
      ...(spec.keepWithNext ? { keepNext: true, keepLines: true } : {}),
      ...(options.outlineLevel !== undefined ? { outlineLevel: options.outlineLevel } : {}),
    },
  };
}

function normalStyle(page: PageSetup, language: string): IParagraphStyleOptions {
  return {
    id: 'Normal',
    name: 'Normal',
    quickFormat: true,
    run: { font: DOCX_FONT, size: ptToHalfPoints(page.fontSize), language: { value: language } },
  };
}

function characterStyles(): ICharacterStyleOptions[] {
  return [
    {
      id: EXTRA_STYLE_IDS.draftMarkChar,
      name: 'Tertip Draft Mark Char',
      basedOn: 'DefaultParagraphFont',
      run: { bold: true, allCaps: true },
    },
  ];
}

/**
 * A real table style (borders and cell margins), so a table restyled in Word changes as a whole.
 * Its paragraphs are styled by TertipTableText/TertipTableHeader, not here. docx has no option
 * for table styles; it is given as "external styles", which docx merges with its defaults
 * (TableNormal, Hyperlink, FootnoteReference…) and with the styles of `buildStyles`.
 */
export function externalStylesXml(): string {
  const border = (side: string): string => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    // docx's character styles are based on Word's default character style but do not define it.
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/>' +
    '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    `<w:style w:type="table" w:styleId="${EXTRA_STYLE_IDS.table}"><w:name w:val="Tertip Table"/><w:basedOn w:val="TableNormal"/>` +
    '<w:uiPriority w:val="59"/><w:qFormat/><w:tblPr><w:tblBorders>' +
    borders +
    '</w:tblBorders><w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>' +
    '<w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>'
  );
}

/** Every paragraph style: the shared sheet's, the headings, and the few the renderer adds. */
function paragraphStyles(page: PageSetup, language: string): IParagraphStyleOptions[] {
  const spec = (s: StyleSpec): EffectiveSpec => effectiveSpec(s, page);
  const body = PARAGRAPH_STYLES.body.wordId;
  const styles: IParagraphStyleOptions[] = [normalStyle(page, language)];
  for (const [name, s] of Object.entries(PARAGRAPH_STYLES) as Array<[ParagraphStyle, StyleSpec]>) {
    const link = name === 'footnote' ? { link: 'FootnoteTextChar' } : {};
    styles.push(paragraphStyle(spec(s), language, link));
  }
  for (const level of [1, 2, 3] as const) {
    styles.push(paragraphStyle(spec(HEADING_STYLES[level]), language, { outlineLevel: level - 1, next: body }));
  }
  styles.push(paragraphStyle(spec(signatureSpec()), language));
  styles.push(paragraphStyle(spec(tocHeadingSpec()), language, { next: tocStyleId(1) }));
  for (const level of [1, 2, 3] as const) styles.push(paragraphStyle(spec(tocSpec(level)), language, { next: body }));
  styles.push(paragraphStyle(spec(runningSpec(EXTRA_STYLE_IDS.header, 'header', 'left')), language));
  styles.push(paragraphStyle(spec(runningSpec(EXTRA_STYLE_IDS.footer, 'footer', 'center')), language));
  return styles;
}

/**
 * The `styles` option of the docx Document: document defaults (font, size, language for the
 * spelling checker) and every style. Styles with Word's built-in ids (Title, Heading1, Caption,
 * FootnoteText, TOC1…) take the place of docx's defaults of the same id.
 */
export function buildStyles(page: PageSetup, language: string): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: DOCX_FONT, size: ptToHalfPoints(page.fontSize), language: { value: language } },
        paragraph: { spacing: { line: lineMultiple(page.lineSpacing), lineRule: LineRuleType.AUTO } },
      },
    },
    paragraphStyles: paragraphStyles(page, language),
    characterStyles: characterStyles(),
  };
}

const stylesParts = new Map<string, string>();

/**
 * word/styles.xml for a page setup and language. Every document of a language has the same style
 * sheet, and docx rebuilds it (its defaults, the table style parsed from XML, our thirty styles)
 * for every document: about 2 ms each. So docx builds it once per process, from the same options
 * as before, and documents are compiled with a minimal sheet that this part then replaces.
 * Must not run while Math.random is seeded (package.ts): it would shift the document's ids.
 */
export function stylesPart(page: PageSetup, language: string): string {
  const key = `${language}\u0000${JSON.stringify(page)}`;
  let xml = stylesParts.get(key);
  if (xml === undefined) {
    const parts = compileParts(new Document({ externalStyles: externalStylesXml(), styles: buildStyles(page, language), sections: [{ children: [] }] }));
    const part = parts.get(STYLES_PATH);
    if (typeof part !== 'string') throw new InternalError('DOCX: docx produced no word/styles.xml');
    xml = part;
    stylesParts.set(key, xml);
  }
  return xml;
}

/** The style sheet documents are compiled with before stylesPart replaces it: no styles of its own. */
export const PLACEHOLDER_STYLES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>';

export const STYLES_PATH = 'word/styles.xml';
