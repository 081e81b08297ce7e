/**
 * Clause numbering from structure, never from the numbers a drafter typed: sections, clauses,
 * sub-clauses and lettered items get language-neutral number paths here; resolve/labels.ts
 * turns them into "2.3.", "II bap.", "Глава II.", "5)", "ç)" for each language.
 *
 * Schemes (schemas/structure.json):
 * - sectioned (service specifications, SOPs): section 2 → clauses 2.1., 2.1.1., 2.1.1.1.
 * - act (normative acts): chapters I, II… → points 1., 2. (continuous, or per chapter) → sub-points 1), 2)
 * Unordered lists are lettered items in both schemes.
 */
import type { List, ListItem, RootContent } from 'mdast';
import type { Position } from '../core/diagnostics.js';
import { anchorOf, soleImage, startOf, type Outline } from './outline.js';

export type Scheme = 'sectioned' | 'act';

export type AnchorType = 'section' | 'chapter' | 'annex' | 'subsection' | 'clause' | 'point' | 'subpoint' | 'item' | 'figure';

export interface NumberData {
  type: AnchorType;
  /** The number path: [2] section, [2, 3] clause 2.3, [5, 2] sub-point 2) of point 5, [.., 3] item c). */
  numbers: number[];
  /** Nesting depth of clauses and items (0 = top level). */
  depth: number;
  /** Set inside an annex ("annex2"): numbering there starts afresh. */
  scope?: string;
}

export interface NumberedAnchor extends NumberData {
  id: string;
  pos: Position;
}

/** One entry per clause, in document order: the structure the two languages must share. */
export interface ClauseEntry extends NumberData {
  /** The neutral key, e.g. "2.3.1" or "p5.2" or "2.3/c". */
  key: string;
  anchor?: string;
  pos: Position;
}

export interface NumberingResult {
  anchors: NumberedAnchor[];
  clauses: ClauseEntry[];
  tooDeep: Position[];
  badStart: Position[];
}

export interface NumberingOptions {
  scheme: Scheme;
  maxDepth: number;
  /** Acts only: points restart in every chapter. */
  perChapter?: boolean;
}

export function setNumber(node: { data?: unknown }, num: NumberData): void {
  node.data = { ...((node.data as object | undefined) ?? {}), num };
}

export function numberOf(node: { data?: unknown }): NumberData | undefined {
  return (node.data as { num?: NumberData } | undefined)?.num;
}

export function numberKey(num: NumberData): string {
  const prefix = num.scope ? `${num.scope}:` : '';
  if (num.type === 'item') {
    const base = num.numbers.slice(0, -1).join('.');
    return `${prefix}${base}/${num.numbers[num.numbers.length - 1]}`;
  }
  if (num.type === 'point' || num.type === 'subpoint') return `${prefix}p${num.numbers.join('.')}`;
  if (num.type === 'annex') return `annex${num.numbers.join('.')}`;
  return prefix + num.numbers.join('.');
}

export function numberOutline(outline: Outline, options: NumberingOptions): NumberingResult {
  const result: NumberingResult = { anchors: [], clauses: [], tooDeep: [], badStart: [] };

  const record = (node: { data?: unknown }, num: NumberData, pos: Position, clause: boolean): void => {
    setNumber(node, num);
    const anchor = anchorOf(node);
    if (anchor) result.anchors.push({ id: anchor, pos, ...num });
    if (clause) result.clauses.push({ key: numberKey(num), pos, ...num, ...(anchor ? { anchor } : {}) });
  };

  /** Counters of one container (a section, a chapter, an annex); points may run across chapters. */
  interface Counter {
    top: number;
    scope?: string;
  }

  const walkList = (list: List, parent: number[], depth: number, counter: Counter): void => {
    if (list.ordered && list.start != null && list.start !== 1) result.badStart.push(startOf(list));
    let letter = 0;
    let index = 0;
    const scope = counter.scope ? { scope: counter.scope } : {};
    for (const item of list.children) {
      const pos = startOf(item);
      let num: NumberData;
      if (!list.ordered) {
        letter++;
        num = { type: 'item', numbers: [...parent, letter], depth, ...scope };
      } else {
        if (depth + 1 > options.maxDepth) result.tooDeep.push(pos);
        if (depth === 0) {
          counter.top++;
          index = counter.top;
        } else index++;
        if (options.scheme === 'act') {
          num = depth === 0 ? { type: 'point', numbers: [index], depth, ...scope } : { type: 'subpoint', numbers: [...parent, index], depth, ...scope };
        } else {
          num = { type: 'clause', numbers: [...parent, index], depth, ...scope };
        }
      }
      record(item, num, pos, true);
      for (const child of item.children) {
        if (child.type !== 'list') continue;
        if (!list.ordered && child.ordered) result.tooDeep.push(startOf(child));
        walkList(child, num.numbers, depth + 1, counter);
      }
    }
  };

  const walkBlocks = (blocks: RootContent[], base: number[], counter: Counter): void => {
    for (const block of blocks) {
      if (block.type === 'list') walkList(block, base, 0, counter);
      else if (block.type === 'heading' && anchorOf(block)) {
        record(block, { type: 'subsection', numbers: base, depth: 0, ...(counter.scope ? { scope: counter.scope } : {}) }, startOf(block), false);
      }
    }
  };

  // Figures are numbered through the whole document in reading order, annexes included; a list
  // item's first paragraph is its text, never a figure. This is the one place that decides which
  // paragraphs are figures: validation and the resolve stage read the number set here.
  let figureNo = 0;
  const walkFigures = (blocks: ReadonlyArray<RootContent | ListItem['children'][number]>): void => {
    for (const block of blocks) {
      if (block.type === 'paragraph' && soleImage(block)) {
        const num: NumberData = { type: 'figure', numbers: [++figureNo], depth: 0 };
        setNumber(block, num);
        const id = anchorOf(block);
        if (id) result.anchors.push({ id, pos: startOf(block), ...num });
      } else if (block.type === 'list') {
        for (const item of block.children) {
          const first = item.children.findIndex((c) => c.type === 'paragraph');
          walkFigures(item.children.filter((_, i) => i !== first));
        }
      }
    }
  };

  let sectionNo = 0;
  let annexNo = 0;
  const points: Counter = { top: 0 };
  for (const section of outline.sections) {
    if (section.annex) {
      annexNo++;
      record(section.heading, { type: 'annex', numbers: [annexNo], depth: 0 }, section.pos, false);
      walkBlocks(section.blocks, [], { top: 0, scope: `annex${annexNo}` });
      continue;
    }
    sectionNo++;
    if (options.scheme === 'act') {
      if (options.perChapter) points.top = 0;
      record(section.heading, { type: 'chapter', numbers: [sectionNo], depth: 0 }, section.pos, false);
      walkBlocks(section.blocks, [], points);
    } else {
      record(section.heading, { type: 'section', numbers: [sectionNo], depth: 0 }, section.pos, false);
      walkBlocks(section.blocks, [sectionNo], { top: 0 });
    }
  }
  for (const section of outline.sections) walkFigures(section.blocks);
  // In reading order, so a repeated id is reported where it is repeated.
  result.anchors.sort((a, b) => a.pos.line - b.pos.line || a.pos.column - b.pos.column);
  return result;
}

export type { ListItem };
