/**
 * Markdown inline content → model runs: emphasis flattened into run flags, cross-references
 * turned into their words, footnotes numbered, the language's typography applied.
 */
import type { Link, PhrasingContent } from 'mdast';
import type { Lang } from '../core/types.js';
import type { Run, TextRun } from '../model/types.js';
import { plainText } from '../parse/outline.js';
import { applyTypography } from './typography.js';

export interface InlineContext {
  lang: Lang;
  /** A link that is a cross-reference (not https:/mailto:) → its words, and an anchor when internal. */
  xref(link: Link): { text: string; anchor?: string };
  /** The number of the footnote with this identifier (assigned in order of first reference). */
  footnote(identifier: string): number;
  /** Replaces template value tokens (templates only). */
  restore?: (text: string) => string;
}

interface Marks {
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  href?: string;
  anchor?: string;
}

export function toRuns(nodes: readonly PhrasingContent[], ctx: InlineContext): Run[] {
  const out: Run[] = [];
  const push = (text: string, marks: Marks): void => {
    if (text === '') return;
    const run: TextRun = { kind: 'text', text };
    if (marks.bold) run.bold = true;
    if (marks.italic) run.italic = true;
    if (marks.code) run.code = true;
    if (marks.href) run.href = marks.href;
    if (marks.anchor) run.anchor = marks.anchor;
    const prev = out[out.length - 1];
    if (prev && prev.kind === 'text' && sameMarks(prev, run)) prev.text += text;
    else out.push(run);
  };
  const text = (value: string): string => {
    const restored = ctx.restore ? ctx.restore(value) : value;
    // Soft line breaks of the source are spaces in the output.
    return restored.replace(/[ \t]*\n[ \t]*/g, ' ');
  };
  const visit = (list: readonly PhrasingContent[], marks: Marks): void => {
    for (const node of list) {
      switch (node.type) {
        case 'text':
          push(text(node.value), marks);
          break;
        case 'inlineCode':
          push(text(node.value), { ...marks, code: true });
          break;
        case 'emphasis':
          visit(node.children, { ...marks, italic: true });
          break;
        case 'strong':
          visit(node.children, { ...marks, bold: true });
          break;
        case 'break':
          out.push({ kind: 'break' });
          break;
        case 'link':
          if (/^(https:\/\/|mailto:)/i.test(node.url)) visit(node.children, { ...marks, href: node.url });
          else {
            const x = ctx.xref(node);
            push(x.text, x.anchor ? { ...marks, anchor: x.anchor } : marks);
          }
          break;
        case 'footnoteReference':
          out.push({ kind: 'footnote', number: ctx.footnote(node.identifier) });
          break;
        case 'image':
          // An image alone in its paragraph is a figure (resolve/figures.ts); validation refuses one
          // anywhere else, so this is reached only by callers that skip validation: print the description.
          push(text(node.alt ?? ''), { ...marks, italic: true });
          break;
        case 'html':
          break;
        default:
          if ('children' in node) visit(node.children as PhrasingContent[], marks);
          else if ('value' in node && typeof node.value === 'string') push(text(node.value), marks);
      }
    }
  };
  visit(nodes, {});
  return finish(out, ctx.lang);
}

function sameMarks(a: TextRun, b: TextRun): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.code === b.code && a.href === b.href && a.anchor === b.anchor;
}

/** Trims the paragraph's outer white space and applies the language's non-breaking spaces. */
function finish(runs: Run[], lang: Lang): Run[] {
  const first = runs[0];
  if (first?.kind === 'text') first.text = first.text.replace(/^\s+/, '');
  const last = runs[runs.length - 1];
  if (last?.kind === 'text') last.text = last.text.replace(/\s+$/, '');
  const out = runs.filter((r) => r.kind !== 'text' || r.text !== '');
  for (const r of out) if (r.kind === 'text' && !r.code) r.text = applyTypography(r.text, lang);
  return out;
}

/** Plain text runs from a string (for generated tables and labels). */
export function textRuns(text: string, lang: Lang, marks: { bold?: boolean; italic?: boolean } = {}): Run[] {
  const t = applyTypography(text, lang);
  if (t === '') return [];
  const run: TextRun = { kind: 'text', text: t };
  if (marks.bold) run.bold = true;
  if (marks.italic) run.italic = true;
  return [run];
}

export function runsText(runs: readonly Run[]): string {
  return runs.map((r) => (r.kind === 'text' ? r.text : r.kind === 'break' ? '\n' : '')).join('');
}

export { plainText };
