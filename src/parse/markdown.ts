/**
 * The one Markdown processor: CommonMark plus GFM tables and footnotes, and nothing else.
 * GFM autolink literals are left out on purpose: they would turn "www.x" or "a@b" in a
 * drafter's text into links no escaping can prevent (../shared/hardening.md §4.3).
 */
import type { Root } from 'mdast';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

interface ExtensionData {
  micromarkExtensions?: unknown[];
  fromMarkdownExtensions?: unknown[];
}

function tablesAndFootnotes(this: Processor): void {
  const data = this.data() as ExtensionData;
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmFootnote());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmFootnoteFromMarkdown());
}

const processor = unified().use(remarkParse).use(tablesAndFootnotes).freeze();

/**
 * Parses the body of a file whose first `bodyOffset` characters are front matter. The front
 * matter is blanked (newlines kept) rather than cut off, so every position in the tree is
 * already a position in the whole file.
 */
export function parseBody(text: string, bodyOffset: number): Root {
  const blank = text.slice(0, bodyOffset).replace(/[^\n]/g, ' ');
  return processor.parse(blank + text.slice(bodyOffset)) as Root;
}

/**
 * Parses a Markdown fragment; `lineOffset` lines and `offsetBase` characters are added to every
 * position so they point into the file the fragment came from.
 */
export function parseMarkdown(body: string, lineOffset: number, offsetBase: number): Root {
  const tree = processor.parse(body) as Root;
  if (lineOffset !== 0 || offsetBase !== 0) shiftPositions(tree, lineOffset, offsetBase);
  return tree;
}

interface Positioned {
  position?: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } };
  children?: Positioned[];
}

function shiftPositions(tree: Positioned, lines: number, offset: number): void {
  const stack: Positioned[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as Positioned;
    if (node.position) {
      node.position.start.line += lines;
      node.position.end.line += lines;
      if (node.position.start.offset !== undefined) node.position.start.offset += offset;
      if (node.position.end.offset !== undefined) node.position.end.offset += offset;
    }
    if (node.children) for (const c of node.children) stack.push(c);
  }
}

/** The deepest nesting of container nodes, and the first node found at that depth. */
export function maxDepth(tree: Root, limit: number): { depth: number; node?: Positioned } {
  let deepest = 0;
  let at: Positioned | undefined;
  const stack: Array<[Positioned, number]> = [[tree as Positioned, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [Positioned, number];
    if (depth > deepest) {
      deepest = depth;
      at = node;
      if (deepest > limit) break;
    }
    if (node.children) for (const c of node.children) stack.push([c, depth + 1]);
  }
  return at ? { depth: deepest, node: at } : { depth: deepest };
}
