/**
 * Model runs → paragraph content: text runs (bold, italic, code), external and internal links,
 * footnote references and line breaks. Consecutive runs with the same link become one link, as
 * Word writes them, so "**Kanun** we düzgünler" linked once stays one hyperlink.
 */
import { ExternalHyperlink, FootnoteReferenceRun, InternalHyperlink, Tab, TextRun, type ParagraphChild } from 'docx';
import { InternalError } from '../../core/errors.js';
import type { Run, TextRun as ModelTextRun } from '../../model/types.js';
import { footnoteBookmarkName, type RenderContext } from './context.js';
import { field } from './fields.js';

const HYPERLINK_STYLE = 'Hyperlink';
const FOOTNOTE_REFERENCE_STYLE = 'FootnoteReference';

/** Where runs are written: footnote texts cannot hold footnote references. */
export type RunPlace = 'body' | 'footnote';

interface Format {
  bold?: boolean;
  italics?: boolean;
  noProof?: boolean;
  style?: string;
}

function formatOf(run: ModelTextRun, style: string | undefined): Format {
  return {
    ...(run.bold ? { bold: true } : {}),
    ...(run.italic ? { italics: true } : {}),
    // Code is literal (ids, file names): keep the spelling checker off it.
    ...(run.code ? { noProof: true } : {}),
    ...(style ? { style } : {}),
  };
}

/**
 * One model text run as Word runs. A TAB or a line feed in the text (validation normally
 * removes them) becomes Word's tab or line break rather than a raw character Word would show as
 * a space, so no character is lost or changed.
 */
export function textRuns(text: string, format: Format = {}): TextRun[] {
  return text.split(/\r\n|\r|\n/).map((line, i) => {
    const parts = line.split('\t');
    const children = parts.flatMap((part, j) => (j === 0 ? [part] : [new Tab(), part])).filter((c) => c !== '');
    return new TextRun({ ...format, ...(i > 0 ? { break: 1 } : {}), children });
  });
}

function linkKey(run: Run): string | undefined {
  if (run.kind !== 'text') return undefined;
  if (run.href !== undefined) return `href:${run.href}`;
  if (run.anchor !== undefined) return `anchor:${run.anchor}`;
  return undefined;
}

/** Splits runs into groups: each link with its consecutive runs, each other run alone. */
function groupByLink(runs: readonly Run[]): Run[][] {
  const groups: Run[][] = [];
  let key: string | undefined;
  for (const run of runs) {
    const next = linkKey(run);
    const last = groups[groups.length - 1];
    if (next !== undefined && next === key && last) last.push(run);
    else groups.push([run]);
    key = next;
  }
  return groups;
}

function footnoteReference(number: number, context: RenderContext, place: RunPlace): ParagraphChild[] {
  if (place === 'footnote') throw new InternalError(`DOCX: a footnote text refers to footnote ${number}; Word has no nested footnotes`);
  if (context.firstFootnoteReference(number)) {
    const reference = new FootnoteReferenceRun(number);
    return context.isRepeatedFootnote(number) ? context.bookmark(footnoteBookmarkName(number), [reference]) : [reference];
  }
  // A second reference to the same note: Word's cross-reference to a footnote (NOTEREF \f
  // formats it as a footnote mark), showing the same number. Superscript is also set directly
  // because LibreOffice ignores the character style of a field's result.
  return field(`NOTEREF ${footnoteBookmarkName(number)} \\f \\h`, String(number), { style: FOOTNOTE_REFERENCE_STYLE, superScript: true });
}

function plainRun(run: Run, context: RenderContext, place: RunPlace, style?: string): ParagraphChild[] {
  switch (run.kind) {
    case 'text':
      return textRuns(run.text, formatOf(run, style));
    case 'break':
      return [new TextRun({ break: 1 })];
    case 'footnote':
      return footnoteReference(run.number, context, place);
  }
}

function linkGroup(group: Run[], context: RenderContext, place: RunPlace): ParagraphChild[] {
  const first = group[0];
  if (first?.kind !== 'text') return group.flatMap((run) => plainRun(run, context, place));
  if (first.href !== undefined) {
    const children = group.flatMap((run) => plainRun(run, context, place, HYPERLINK_STYLE));
    return [new ExternalHyperlink({ link: first.href, children })];
  }
  if (first.anchor !== undefined) {
    // Cross-references keep the look of running text, as Word's own cross-references do.
    const children = group.flatMap((run) => plainRun(run, context, place));
    return [new InternalHyperlink({ anchor: context.bookmarkName(first.anchor), children })];
  }
  return plainRun(first, context, place);
}

export function convertRuns(runs: readonly Run[], context: RenderContext, place: RunPlace = 'body'): ParagraphChild[] {
  return groupByLink(runs).flatMap((group) => linkGroup(group, context, place));
}
