/**
 * The structure of a body: sections (## headings with {#id} attributes), their blocks, clause
 * ids on list items ({#id} at the start of an item), figure ids ({#id} after a figure's image)
 * and footnote definitions. Attribute text is removed from the tree here, so later stages see
 * only the drafter's words.
 */
import type { FootnoteDefinition, Heading, Image, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { Position } from '../core/diagnostics.js';
import { truncate } from '../core/text.js';

export const ANCHOR_PATTERN = /^[a-z][a-z0-9-]{0,63}$/;

export interface AttributeProblem {
  pos: Position;
  message: string;
}

export interface Section {
  id?: string;
  annex: boolean;
  heading: Heading;
  /** Plain text of the heading without the attribute block. */
  title: string;
  pos: Position;
  blocks: RootContent[];
}

export interface Outline {
  /** Blocks before the first section heading (not allowed, but kept for messages). */
  preamble: RootContent[];
  sections: Section[];
  footnotes: FootnoteDefinition[];
  problems: AttributeProblem[];
}

/** Extra data Tertip keeps on mdast nodes. */
export interface AnchorData {
  anchor?: string;
  classes?: string[];
}

export function startOf(node: { position?: { start: { line: number; column: number } } } | undefined): Position {
  const p = node?.position?.start;
  return p ? { line: p.line, column: p.column } : { line: 1, column: 1 };
}

const TRAILING_ATTRS = /\s*\{([^{}]*)\}\s*$/;
const LEADING_ATTRS = /^\{([^{}\s]*)\}\s*/;

export function plainText(nodes: ReadonlyArray<PhrasingContent | RootContent>): string {
  let out = '';
  for (const n of nodes) {
    if ('value' in n && typeof n.value === 'string' && (n.type === 'text' || n.type === 'inlineCode')) out += n.value;
    else if (n.type === 'break') out += ' ';
    else if ('children' in n && Array.isArray(n.children)) out += plainText(n.children as PhrasingContent[]);
  }
  return out;
}

/** Parses "{#id .annex}" into its parts; undefined when the text is not an attribute block. */
function parseAttributes(inner: string): { id?: string; classes: string[]; bad?: string } {
  const classes: string[] = [];
  let id: string | undefined;
  for (const token of inner.trim().split(/\s+/).filter(Boolean)) {
    if (token.startsWith('#')) {
      const value = token.slice(1);
      if (!ANCHOR_PATTERN.test(value)) return { classes, bad: token };
      id = value;
    } else if (token.startsWith('.') && /^\.[a-z][a-z0-9-]*$/.test(token)) classes.push(token.slice(1));
    else return { classes, bad: token };
  }
  return id === undefined ? { classes } : { id, classes };
}

function takeHeadingAttributes(h: Heading, problems: AttributeProblem[]): AnchorData {
  const last = h.children[h.children.length - 1];
  if (!last || last.type !== 'text') return {};
  const m = TRAILING_ATTRS.exec(last.value);
  if (!m) return {};
  const attrs = parseAttributes(m[1] ?? '');
  const attrPos = positionInText(last, m.index + m[0].indexOf('{'));
  if (attrs.bad !== undefined) {
    problems.push({ pos: attrPos, message: `"${attrs.bad}" is not a valid attribute: write the id as {#id} with lower-case letters, digits and hyphens (e.g. {#eligibility}), and an annex as {#id .annex}.` });
    return {};
  }
  last.value = last.value.slice(0, m.index);
  if (last.value === '') h.children.pop();
  const data: AnchorData = { classes: attrs.classes };
  if (attrs.id) data.anchor = attrs.id;
  return data;
}

/** Takes "{#id}" from the start of a list item's first paragraph. */
function takeItemAttributes(item: ListItem, problems: AttributeProblem[]): void {
  const first = item.children[0];
  if (!first || first.type !== 'paragraph') return;
  const text = first.children[0];
  if (!text || text.type !== 'text') return;
  const m = LEADING_ATTRS.exec(text.value);
  if (!m) return;
  const inner = m[1] ?? '';
  if (!inner.startsWith('#')) return;
  const attrs = parseAttributes(inner);
  if (attrs.bad !== undefined || !attrs.id) {
    problems.push({ pos: positionInText(text, 0), message: `"${inner}" is not a valid clause id: write it as {#id} with lower-case letters, digits and hyphens, e.g. {#age-limit}.` });
    return;
  }
  text.value = text.value.slice(m[0].length);
  if (text.value === '') first.children.shift();
  const data = (item.data ??= {}) as AnchorData;
  data.anchor = attrs.id;
}

/** An image that stands alone in its paragraph (white space aside): a figure. */
export function soleImage(p: Paragraph): Image | undefined {
  const content = p.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  const only = content[0];
  return content.length === 1 && only?.type === 'image' ? only : undefined;
}

const FIGURE_ATTRS = /^\s*\{([^{}]*)\}\s*$/;

/** Takes "{#id}" written after the image of a figure's paragraph: the figure's id. */
function takeFigureAttributes(p: Paragraph, problems: AttributeProblem[]): void {
  const [image, text] = p.children;
  if (p.children.length !== 2 || image?.type !== 'image' || text?.type !== 'text') return;
  const m = FIGURE_ATTRS.exec(text.value);
  if (!m) return;
  const inner = m[1] ?? '';
  const attrs = parseAttributes(inner);
  // The attribute goes either way: a malformed id is reported once, and the image stays a figure.
  p.children.pop();
  if (attrs.bad !== undefined || !attrs.id || attrs.classes.length > 0) {
    problems.push({ pos: attributeStart(text, m[0].trim()), message: `"{${truncate(inner, 40)}}" is not a valid figure id: write it after the image as {#id} with lower-case letters, digits and hyphens, e.g. {#referral-pathway}.` });
    return;
  }
  const data = (p.data ??= {}) as AnchorData;
  data.anchor = attrs.id;
}

/**
 * Where an attribute block that ends its text node starts in the source, counted back from the
 * node's end: the node's value has lost the line's indentation and any escapes before the block.
 */
function attributeStart(node: Text, attribute: string): Position {
  const end = node.position?.end;
  if (!end || attribute.includes('\n')) return positionInText(node, node.value.lastIndexOf(attribute));
  return { line: end.line, column: Math.max(1, end.column - attribute.length) };
}

/** Figure ids in the paragraphs of a section and of its list items (footnotes hold no figures). */
function visitFigures(nodes: ReadonlyArray<RootContent>, problems: AttributeProblem[]): void {
  for (const n of nodes) {
    if (n.type === 'paragraph') takeFigureAttributes(n, problems);
    else if (n.type === 'list') for (const item of n.children) visitFigures(item.children, problems);
  }
}

function positionInText(node: Text, offset: number): Position {
  const start = node.position?.start;
  if (!start) return { line: 1, column: 1 };
  const before = node.value.slice(0, offset);
  const nl = before.lastIndexOf('\n');
  if (nl < 0) return { line: start.line, column: start.column + offset };
  return { line: start.line + before.split('\n').length - 1, column: offset - nl };
}

function visitListItems(nodes: ReadonlyArray<RootContent>, problems: AttributeProblem[]): void {
  for (const n of nodes) {
    if (n.type === 'list') {
      for (const item of n.children) {
        takeItemAttributes(item, problems);
        visitListItems(item.children, problems);
      }
    } else if (n.type === 'blockquote') visitListItems(n.children, problems);
  }
}

export function buildOutline(tree: Root): Outline {
  const problems: AttributeProblem[] = [];
  const outline: Outline = { preamble: [], sections: [], footnotes: [], problems };
  let current: Section | undefined;
  for (const node of tree.children) {
    if (node.type === 'footnoteDefinition') {
      outline.footnotes.push(node);
      visitListItems(node.children, problems);
      continue;
    }
    if (node.type === 'heading' && node.depth <= 2) {
      const data = takeHeadingAttributes(node, problems);
      node.data = { ...(node.data ?? {}), ...data } as Heading['data'];
      if (node.depth === 2) {
        current = {
          annex: data.classes?.includes('annex') ?? false,
          heading: node,
          title: plainText(node.children).trim(),
          pos: startOf(node),
          blocks: [],
          ...(data.anchor ? { id: data.anchor } : {}),
        };
        outline.sections.push(current);
        continue;
      }
    } else if (node.type === 'heading') {
      const data = takeHeadingAttributes(node, problems);
      node.data = { ...(node.data ?? {}), ...data } as Heading['data'];
    }
    if (node.type === 'list') visitListItems([node], problems);
    visitFigures([node], problems);
    if (current) current.blocks.push(node);
    else outline.preamble.push(node);
  }
  return outline;
}

export function anchorOf(node: { data?: unknown }): string | undefined {
  return (node.data as AnchorData | undefined)?.anchor;
}

export type { List, ListItem, Paragraph };
