/**
 * Body checks of one file: sections against the kind's structure, ids, headings, what Markdown
 * is allowed (no HTML, safe links and images), and the passages, numbers and cross-references
 * the parity and reference checks need.
 */
import type { Nodes, Paragraph, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { diag, type Diagnostic, type Position } from '../core/diagnostics.js';
import type { Lang } from '../core/types.js';
import { truncate } from '../core/text.js';
import { plainText, startOf, type Outline, type Section } from '../parse/outline.js';
import type { NumberingResult } from '../parse/numbering.js';
import { numberKey, numberOf } from '../parse/numbering.js';
import type { KindStructure } from '../schema/structure.js';
import type { FigureEntry, NumberBlock, SectionEntry, XrefEntry } from './digest.js';
import { checkImage, imageStamp, type ImagePolicy } from './images.js';
import { extractNumbers } from './numbers.js';
import { describeChar, missingGlyphs } from './glyphs.js';
import { checkHygiene, checkOrdinals } from './text-hygiene.js';

export interface BodyInput {
  file: string;
  lang: Lang;
  tree: Root;
  /** 1-based line where the body starts (after the front matter). */
  bodyLine: number;
  outline: Outline;
  numbering: NumberingResult;
  structure?: KindStructure;
  images: ImagePolicy;
}

export interface BodyResult {
  diagnostics: Diagnostic[];
  sections: SectionEntry[];
  xrefs: XrefEntry[];
  numbers: NumberBlock[];
  figures: FigureEntry[];
  images: Array<[string, string]>;
}

export const XREF_PLACEHOLDERS = ['n', 'ord', 'title'];
const DOC_LINK = /^([a-z0-9][a-z0-9-]{1,63})?(?:#([a-z][a-z0-9-]{0,63}))?$/;

export function checkBody(input: BodyInput): BodyResult {
  const { file, outline, structure } = input;
  const out: Diagnostic[] = [];
  const result: BodyResult = { diagnostics: out, sections: [], xrefs: [], numbers: [], figures: [], images: [] };

  if (outline.sections.length === 0 && outline.preamble.length === 0) {
    out.push(diag('body-empty', file, { line: input.bodyLine, column: 1 }, 'The document has no body: after the front matter, write its sections as "## Heading {#id}".'));
    return result;
  }
  const firstPreamble = outline.preamble.find((n) => n.type !== 'definition');
  if (firstPreamble) {
    out.push(
      diag(
        'body-outside-section',
        file,
        startOf(firstPreamble),
        firstPreamble.type === 'heading' && firstPreamble.depth === 1
          ? 'Do not start the body with a "#" title: the title comes from the front matter. Start with the first section, "## Heading {#id}".'
          : 'This text stands before the first section; start the body with a section heading "## Heading {#id}".',
      ),
    );
  }
  for (const p of outline.problems) out.push(diag('anchor-syntax', file, p.pos, p.message));

  for (const section of outline.sections) {
    result.sections.push({ ...(section.id ? { id: section.id } : {}), annex: section.annex, title: section.title, pos: section.pos });
    if (!section.id) {
      out.push(
        diag('section-id-missing', file, section.pos, `The section "${section.title}" has no id: end the heading with one, e.g. "## ${section.title} {#${suggestId(section.title, structure)}}".`),
      );
    }
  }
  if (structure) out.push(...checkSections(outline.sections, structure, file, input.lang));
  out.push(...checkAnchors(input.numbering, file));
  for (const pos of input.numbering.tooDeep) {
    out.push(
      diag(
        'clause-depth',
        file,
        pos,
        structure?.numbering === 'act'
          ? 'Points of an act go two levels deep (1. and 1)); use a lettered list ("- ...") for further items.'
          : 'Clauses go at most three levels deep (1.1.1.); use a lettered list ("- ...") for further items, and do not put a numbered list inside a lettered one.',
      ),
    );
  }
  for (const pos of input.numbering.badStart) {
    out.push(diag('list-start', file, pos, 'This numbered list starts at a number other than 1; Tertip numbers clauses itself, so write "1." for the first item.'));
  }

  const walker = new PassageWalker(input, result);
  for (const section of outline.sections) walker.section(section);
  walker.footnotes(outline.footnotes);
  for (const node of outline.preamble) walker.unsupportedOnly(node);
  return result;
}

function suggestId(title: string, structure?: KindStructure): string {
  const t = title.toLowerCase();
  const known = structure?.sections.find((s) => s.tk.toLowerCase() === t || s.ru.toLowerCase() === t);
  if (known) return known.id;
  const ascii = t
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return /^[a-z]/.test(ascii) ? ascii.slice(0, 40) : 'section-id';
}

function checkSections(sections: Section[], structure: KindStructure, file: string, lang: Lang): Diagnostic[] {
  const out: Diagnostic[] = [];
  const main = sections.filter((s) => !s.annex);
  const order = new Map(structure.sections.map((s, i) => [s.id, i]));
  const seen = new Map<string, Section>();
  let lastIndex = -1;
  let lastSection: Section | undefined;
  let annexSeen: Section | undefined;
  for (const s of sections) {
    if (s.annex) {
      annexSeen ??= s;
      continue;
    }
    if (annexSeen) {
      out.push(diag('section-order', file, s.pos, `The section "${s.title}" comes after the annex "${annexSeen.title}"; annexes go at the end of the document.`));
    }
    if (!s.id) continue;
    const first = seen.get(s.id);
    if (first) {
      out.push(
        diag('section-duplicate', file, s.pos, `The section {#${s.id}} appears twice (first at line ${first.pos.line}); merge them.`, {
          related: [{ file, ...first.pos, message: 'first occurrence' }],
        }),
      );
      continue;
    }
    seen.set(s.id, s);
    const idx = order.get(s.id);
    if (idx === undefined) {
      if (!structure.freeSections) {
        const allowed = structure.sections.map((r) => r.id).join(', ');
        out.push(diag('section-unknown', file, s.pos, `The section id {#${s.id}} is not one of this kind's sections: ${allowed}.`));
      }
      continue;
    }
    if (idx < lastIndex && lastSection) {
      out.push(diag('section-order', file, s.pos, `The section {#${s.id}} must come before {#${lastSection.id}} (line ${lastSection.pos.line}).`));
    } else {
      lastIndex = idx;
      lastSection = s;
    }
  }
  for (const rule of structure.sections) {
    const s = seen.get(rule.id);
    if (s && rule.position === 'first' && main[0] !== s) {
      out.push(diag('section-order', file, s.pos, `The section {#${rule.id}} must be the first section.`));
    }
    if (s && rule.position === 'last' && main[main.length - 1] !== s) {
      out.push(diag('section-order', file, s.pos, `The section {#${rule.id}} must be the last section before the annexes.`));
    }
    if (!rule.required || s) continue;
    const next = structure.sections.slice(structure.sections.indexOf(rule) + 1).map((r) => seen.get(r.id)).find(Boolean);
    const where = next?.pos ?? main[main.length - 1]?.pos ?? { line: 1, column: 1 };
    out.push(diag('section-required', file, where, `The required section "${rule[lang]}" {#${rule.id}} is missing${next ? `; add it before "${next.title}"` : ''}.`));
  }
  return out;
}

function checkAnchors(numbering: NumberingResult, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, Position>();
  for (const a of numbering.anchors) {
    const first = seen.get(a.id);
    if (first) {
      out.push(
        diag('anchor-duplicate', file, a.pos, `The id {#${a.id}} is already used at line ${first.line}; ids must be unique within a document.`, {
          related: [{ file, ...first, message: 'first use of the id' }],
        }),
      );
    } else seen.set(a.id, a.pos);
  }
  return out;
}

/** Walks passages (paragraphs, clause texts, table cells) collecting numbers and references. */
class PassageWalker {
  private paragraph = 0;
  private sectionIndex = -1;
  private table = 0;
  private heading = 0;

  constructor(
    private readonly input: BodyInput,
    private readonly result: BodyResult,
  ) {}

  section(section: Section): void {
    const sid = section.id ?? `#${section.pos.line}`;
    this.sectionIndex++;
    this.paragraph = 0;
    this.table = 0;
    this.heading = 0;
    this.passage(section.heading.children, `${sid}/title`, section.pos);
    this.blocks(section.blocks, sid);
  }

  /** A footnote is text at the foot of a page: parse/numbering.ts numbers no figures there. */
  footnotes(notes: Outline['footnotes']): void {
    notes.forEach((fn, i) => this.blocks(fn.children as RootContent[], `fn${i + 1}`));
  }

  blocks(nodes: RootContent[], scope: string): void {
    for (const node of nodes) this.block(node, scope);
  }

  unsupportedOnly(node: RootContent): void {
    this.check(node as Nodes);
  }

  private block(node: RootContent, scope: string): void {
    switch (node.type) {
      case 'paragraph':
        this.paragraph++;
        this.passage(node.children, `${scope}/p${this.paragraph}`, startOf(node), isFigure(node));
        return;
      case 'heading':
        this.heading++;
        if (node.depth === 1 || node.depth > 4) {
          this.err('heading-level', startOf(node), `A heading of level ${node.depth} is not allowed here: use "##" for sections and "###" or "####" inside a section.`);
        }
        this.passage(node.children, `${scope}/h${this.heading}`, startOf(node));
        return;
      case 'list':
        for (const item of node.children) {
          const num = numberOf(item);
          const key = num ? `${scope.split('/')[0]}/${numberKey(num)}` : `${scope}/li`;
          for (const child of item.children) {
            if (child.type === 'paragraph') this.passage(child.children, key, startOf(child), isFigure(child));
            else if (child.type === 'list') this.block(child, scope);
            else this.block(child, key);
          }
        }
        return;
      case 'table':
        this.table++;
        this.tableBlock(node, `${scope}/t${this.table}`);
        return;
      case 'definition':
        return;
      case 'html':
        this.err('md-html', startOf(node), htmlMessage(node.value));
        return;
      case 'code':
        this.err('md-unsupported', startOf(node), 'Code blocks are not used in specifications; write the text as paragraphs or a list.');
        return;
      case 'blockquote':
        this.err('md-unsupported', startOf(node), 'Quotations (lines starting with ">") are not used in specifications; quote in running text with «…».');
        return;
      case 'thematicBreak':
        this.err('md-unsupported', startOf(node), 'Horizontal rules ("---", "***") are not used in specifications; start a new section instead.');
        return;
      default:
        this.err('md-unsupported', startOf(node), `This Markdown construct (${node.type}) is not supported in specifications.`);
    }
  }

  private tableBlock(table: Table, key: string): void {
    const width = table.children[0]?.children.length ?? 0;
    table.children.forEach((row, r) => {
      if (row.children.length !== width) {
        this.err('md-table', startOf(row), `This table row has ${row.children.length} cells but the header has ${width}; every row needs the same number of cells (a "|" inside \`code\` also splits a cell).`);
      }
      row.children.forEach((cell, c) => this.passage(cell.children, `${key}/r${r}c${c}`, startOf(cell)));
    });
  }

  /** `figure`: the passage is a paragraph the parse stage numbered as a figure (its image is placed). */
  private passage(nodes: PhrasingContent[], key: string, pos: Position, figure = false): void {
    let text = '';
    const visit = (list: PhrasingContent[], top: boolean): void => {
      for (const n of list) {
        this.check(n as Nodes);
        if (n.type === 'image') this.figure(n, figure && top);
        if (n.type === 'text') {
          text += n.value;
          this.hygiene(n.value, startOf(n));
        } else if (n.type === 'inlineCode') {
          text += n.value;
          this.hygiene(n.value, startOf(n));
        }
        else if (n.type === 'link') {
          const ref = this.link(n, key);
          // Generated reference text carries no drafter-typed numbers; external link text does.
          if (!ref) visit(n.children, false);
          // An image inside a cross-reference would be replaced by the reference's words unseen.
          else for (const image of imagesIn(n.children)) this.figure(image, false);
        } else if ('children' in n && Array.isArray(n.children)) visit(n.children as PhrasingContent[], false);
        text += ' ';
      }
    };
    visit(nodes, true);
    const numbers = extractNumbers(text);
    if (numbers.length > 0) this.result.numbers.push({ key, numbers, pos });
  }

  /** An image must stand alone in a paragraph (it becomes a figure) and say what it shows. */
  private figure(node: Extract<PhrasingContent, { type: 'image' }>, placed: boolean): void {
    const at = startOf(node);
    if (placed) this.result.figures.push({ section: this.sectionIndex, pos: at });
    else this.err('md-figure', at, 'An image must be a paragraph of its own (a blank line before and after it), where it is printed as a numbered figure; it cannot sit inside a line of text, a heading, a table, a link or the first line of a list item.');
    if ((node.alt ?? '').trim() === '') {
      this.err('md-figure', at, 'Describe what the image shows: ![description](assets/file.png). The description is read aloud from the PDF, shown in Word, and printed as the caption when the image has no title.');
    }
    // The caption (the title, or else the description) is printed and the description read aloud:
    // the same checks as any text, glyphs the PDF font lacks included. The description starts after "![".
    if (node.alt) this.hygiene(node.alt, { line: at.line, column: at.column + 2 });
    if (node.title) this.hygiene(node.title, titleStart(node) ?? at);
  }

  /** Returns true when the link is a cross-reference. */
  private link(node: Extract<PhrasingContent, { type: 'link' }>, key: string): boolean {
    const url = node.url;
    const pos = startOf(node);
    if (/^(https:\/\/|mailto:)/i.test(url)) return false;
    const m = DOC_LINK.exec(url);
    if (!m || url === '' || url === '#') {
      this.err('md-link', pos, `The link target "${truncate(url, 60)}" is not allowed: use https: or mailto: links, or a cross-reference [](#id) / [](document-id#id).`);
      return false;
    }
    const text = plainText(node.children);
    const entry: XrefEntry = { text, pos, block: key };
    if (m[1]) entry.doc = m[1];
    if (m[2]) entry.anchor = m[2];
    for (const ph of text.matchAll(/\{([^{}]*)\}/g)) {
      const name = ph[1] ?? '';
      const allowed = entry.anchor ? XREF_PLACEHOLDERS : ['title'];
      if (!allowed.includes(name)) {
        this.err('xref-template', pos, `"{${name}}" is not a placeholder a ${entry.anchor ? 'clause, section or figure' : 'document'} reference can fill; use ${allowed.map((a) => `{${a}}`).join(', ')}.`);
      }
    }
    this.result.xrefs.push(entry);
    return true;
  }

  private check(node: Nodes): void {
    switch (node.type) {
      case 'html':
        this.err('md-html', startOf(node), htmlMessage(node.value));
        return;
      case 'image':
        for (const p of checkImage(node.url, this.input.images)) this.err('md-image', startOf(node), p);
        this.result.images.push([node.url, imageStamp(node.url, this.input.images)]);
        return;
      case 'linkReference':
      case 'imageReference':
        this.err('md-unsupported', startOf(node), 'Reference-style links ([text][ref]) are not supported; write the link inline: [text](https://...).');
        return;
      case 'delete':
        this.err('md-unsupported', startOf(node), 'Strike-through is not used in specifications.');
        return;
      default:
    }
  }

  private hygiene(text: string, pos: Position): void {
    const at = (offset: number): Position => {
      const before = text.slice(0, offset);
      const nl = before.lastIndexOf('\n');
      return nl < 0 ? { line: pos.line, column: pos.column + offset } : { line: pos.line + before.split('\n').length - 1, column: offset - nl };
    };
    for (const f of checkHygiene(text, this.input.lang)) this.result.diagnostics.push(diag(f.rule, this.input.file, at(f.offset), f.message));
    if (this.input.lang === 'tk') for (const f of checkOrdinals(text)) this.result.diagnostics.push(diag(f.rule, this.input.file, at(f.offset), f.message));
    for (const g of missingGlyphs(text)) {
      this.result.diagnostics.push(diag('render-glyph', this.input.file, at(g.offset), `The character ${describeChar(g.char)} cannot be printed with the PDF font; replace it.`));
    }
  }

  private err(rule: Parameters<typeof diag>[0], pos: Position, message: string): void {
    this.result.diagnostics.push(diag(rule, this.input.file, pos, message));
  }
}

/**
 * Where an image's title starts in the source: it ends just before the closing `")` of a one-line
 * image. Undefined when that cannot be told (a title over several lines or with escapes).
 */
/** Whether parse/numbering.ts made this paragraph a figure: the one place that decides it. */
function isFigure(p: Paragraph): boolean {
  return numberOf(p)?.type === 'figure';
}

function imagesIn(nodes: readonly PhrasingContent[]): Array<Extract<PhrasingContent, { type: 'image' }>> {
  return nodes.flatMap((n) => (n.type === 'image' ? [n] : 'children' in n && Array.isArray(n.children) ? imagesIn(n.children as PhrasingContent[]) : []));
}

function titleStart(node: Extract<PhrasingContent, { type: 'image' }>): Position | undefined {
  const start = node.position?.start;
  const end = node.position?.end;
  const title = node.title ?? '';
  if (!start || !end || start.line !== end.line || /["\\\n]/.test(title)) return undefined;
  return { line: end.line, column: end.column - 2 - title.length };
}

function htmlMessage(value: string): string {
  if (value.trimStart().startsWith('<!--')) {
    return 'HTML comments are not allowed: a note for reviewers would be lost from the outputs or leak into them. Use the pull request for review notes.';
  }
  return `Raw HTML ("${truncate(value.trim(), 40)}") is not allowed in specifications; write plain Markdown.`;
}

