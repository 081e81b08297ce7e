/**
 * The resolve stage: one parsed spec (front matter + outline) → the format-neutral document
 * model every renderer consumes. Numbers, cross-reference words, generated tables, labels and
 * typography are all settled here, once, for both DOCX and PDF.
 */
import type { Link, List, ListItem, Paragraph, PhrasingContent, RootContent, Table } from 'mdast';
import type { Lang } from '../core/types.js';
import { DEPTH_INDENT_MM } from '../model/styles.js';
import type { Block, DocModel, FigureBlock, HeadingBlock, NumberingDefinition, NumberingLevel, NumberingRef, ParagraphBlock, ParagraphStyle, Run, TableBlock, TableCell, TocBlock } from '../model/types.js';
import { parseMarkdown } from '../parse/markdown.js';
import { anchorOf, plainText, soleImage, type Section } from '../parse/outline.js';
import { loadStructure, type KindStructure } from '../schema/structure.js';
import type { ParsedSpec } from '../validate/file.js';
import { toRuns, textRuns, type InlineContext } from './inline.js';
import { loadLabels, type Labels } from './labels.js';
import { numberOf, type NumberData } from '../parse/numbering.js';
import { figureBlock, type FigureContext } from './figures.js';
import { generatedTables, ordinalOf, type TableContext } from './tables.js';
import { renderTemplate, renderTextTemplate } from './templates.js';
import { letterLabel, romanNumeral } from './typography.js';
import { resolveXref, type GlobalIndex } from './xref.js';

export interface ResolveContext {
  index: GlobalIndex;
  /** Absolute path of the project's specs/ folder, where figures' images are read from. */
  specsDir?: string;
  /** The build date, "YYYY-MM-DD" (SOURCE_DATE_EPOCH or the sources' own date). */
  buildDate: string;
}

const MM = 72 / 25.4;

/** Page layout of official documents (domain.md §2.1): A4, 30 mm binding margin, 14 pt, 1.25 cm indent. */
export const PAGE = { margins: { top: 20, right: 15, bottom: 20, left: 30 }, fontSize: 14, lineSpacing: 1.15, firstLineIndent: 12.5 };

type Obj = Record<string, unknown>;

export function buildModel(spec: ParsedSpec, ctx: ResolveContext): DocModel {
  const lang = spec.location.lang;
  const labels = loadLabels(lang);
  const structure = loadStructure()[spec.kind];
  const data = spec.data;
  const title = String(data.title ?? spec.location.folder);
  const shortTitle = typeof data.shortTitle === 'string' ? data.shortTitle : title;
  const status = String(data.status ?? 'draft');
  const draft = status === 'draft';

  const footnoteNumbers = new Map<string, number>();
  const inline: InlineContext = {
    lang,
    xref: (link: Link) => {
      const m = /^([a-z0-9][a-z0-9-]*)?(?:#([a-z][a-z0-9-]*))?$/.exec(link.url) ?? [];
      return resolveXref({ ...(m[1] ? { doc: m[1] } : {}), ...(m[2] ? { anchor: m[2] } : {}), text: plainText(link.children) }, { id: spec.location.folder, title }, ctx.index, labels, lang);
    },
    footnote: (identifier) => {
      let n = footnoteNumbers.get(identifier);
      if (n === undefined) {
        n = footnoteNumbers.size + 1;
        footnoteNumbers.set(identifier, n);
      }
      return n;
    },
  };
  let tableNo = 0;
  const tables: TableContext = { lang, labels, nextNumber: () => ++tableNo };
  const figures: FigureContext = { lang, labels, page: PAGE, specsDir: ctx.specsDir };
  const builder = new BlockBuilder(lang, labels, structure, inline, tables, figures, data);

  const body: Block[] = [];
  const annexes: Block[][] = [];
  for (const section of spec.outline.sections) {
    if (section.annex) annexes.push(builder.annex(section, title));
    else body.push(...builder.section(section));
  }

  const docType = docTypeOf(spec.kind, data, labels);
  const approval = (data.approval ?? {}) as Obj;
  const authority = (approval.authority ?? {}) as Obj;
  const authorityOrg = String(authority.org ?? '');
  const templateData = {
    doc: {
      id: spec.location.folder,
      title,
      shortTitle,
      version: String(data.version ?? ''),
      status,
      statusLabel: labels.get(`status.${status}`),
      docType,
      draft,
      owner: String(((data.owner ?? {}) as Obj).name ?? ''),
      year: ctx.buildDate.slice(0, 4),
    },
    approval: {
      authority: labels.has(`authorities.${authorityOrg}`) ? labels.get(`authorities.${authorityOrg}`) : String(authority.name ?? ''),
      number: typeof approval.number === 'string' ? approval.number : null,
      date: typeof approval.date === 'string' ? approval.date : null,
    },
    approvedForm: lang === 'ru' ? labels.get(`approvedForm.${actTypeKey(spec.kind, data)}`) : '',
    labels: labels.tree,
  };
  const cover = spec.kind === 'normative-act' ? 'front-act.md.hbs' : 'front-cover.md.hbs';
  const front = templateBlocks(lang, cover, templateData, labels);
  const toc = front.find((b): b is TocBlock => b.type === 'toc');
  if (toc) toc.entries = tocEntries([...body, ...annexes.flat()]);

  const footnotes: Run[][] = [];
  const definitions = new Map(spec.outline.footnotes.map((f) => [f.identifier, f]));
  // Footnote texts may themselves reference footnotes; numbers grow while we go.
  for (let i = 0; i < footnoteNumbers.size; i++) {
    const id = [...footnoteNumbers.entries()].find(([, n]) => n === i + 1)?.[0] as string;
    const def = definitions.get(id);
    const runs: Run[] = [];
    for (const child of def?.children ?? []) {
      if (runs.length) runs.push({ kind: 'break' });
      if (child.type === 'paragraph') runs.push(...toRuns(child.children, inline));
    }
    footnotes.push(runs);
  }

  const owner = String(((data.owner ?? {}) as Obj).name ?? '');
  return {
    id: spec.location.folder,
    kind: spec.kind,
    lang,
    properties: {
      title,
      subject: docType,
      author: owner,
      keywords: Array.isArray(data.keywords) ? data.keywords.map(String) : [],
      language: labels.get('language'),
      date: ctx.buildDate,
      version: String(data.version ?? ''),
      status: status as DocModel['properties']['status'],
    },
    page: PAGE,
    running: {
      header: renderTextTemplate(lang, 'running.txt.hbs', templateData),
      pageOf: labels.get('pageOf'),
      draftMark: draft ? labels.get('draftMark') : '',
    },
    numbering: builder.numberingDefinitions(annexes.length),
    front,
    body,
    annexes,
    footnotes,
  };
}

function actTypeKey(kind: string, data: Obj): string {
  if (kind === 'normative-act') return String(((data.act ?? {}) as Obj).actType ?? 'regulation');
  return kind;
}

function docTypeOf(kind: string, data: Obj, labels: Labels): string {
  return labels.get(`docType.${actTypeKey(kind, data)}`);
}

function tocEntries(blocks: Block[]): TocBlock['entries'] {
  const out: TocBlock['entries'] = [];
  for (const b of blocks) {
    if (b.type !== 'heading' || !b.outline || !b.anchor) continue;
    const text = b.runs.map((r) => (r.kind === 'text' ? r.text : ' ')).join('');
    out.push({ level: b.level, text: b.label ? `${b.label} ${text}` : text, anchor: b.anchor });
  }
  return out;
}

/** Turns sections of the outline into blocks: headings, clauses, items, paragraphs, tables. */
class BlockBuilder {
  private readonly scheme: KindStructure['numbering'];

  constructor(
    private readonly lang: Lang,
    private readonly labels: Labels,
    private readonly structure: KindStructure,
    private readonly inline: InlineContext,
    private readonly tables: TableContext,
    private readonly figures: FigureContext,
    private readonly data: Obj,
  ) {
    this.scheme = structure.numbering;
  }

  section(section: Section): Block[] {
    const num = numberOf(section.heading);
    const heading: HeadingBlock = { type: 'heading', level: 1, runs: toRuns(section.heading.children, this.inline), outline: true };
    if (num) {
      heading.label = this.label(num);
      heading.numbering = this.scheme === 'act' ? { ref: 'chapters', level: 0 } : { ref: 'main', level: 0 };
    }
    if (section.id) heading.anchor = section.id;
    const out: Block[] = [heading, ...this.blocks(section.blocks, undefined)];
    const rule = this.structure.sections.find((s) => s.id === section.id);
    if (rule?.table) out.push(...generatedTables(rule.table, this.data, this.tables));
    return out;
  }

  annex(section: Section, docTitle: string): Block[] {
    const num = numberOf(section.heading);
    const n = num?.numbers[0] ?? 1;
    const mark: ParagraphBlock = {
      type: 'paragraph',
      style: 'annexMark',
      runs: [...textRuns(this.labels.fill('annex.mark', { n, ord: ordinalOf(n, this.lang) }), this.lang), { kind: 'break' }, ...textRuns(this.labels.fill('annex.of', { title: docTitle }), this.lang)],
    };
    const heading: HeadingBlock = { type: 'heading', level: 1, runs: toRuns(section.heading.children, this.inline), outline: true };
    if (section.id) heading.anchor = section.id;
    return [mark, heading, ...this.blocks(section.blocks, `annex${n}`)];
  }

  blocks(nodes: RootContent[], annexRef: string | undefined): Block[] {
    const out: Block[] = [];
    for (const node of nodes) out.push(...this.block(node, annexRef, 0));
    return out;
  }

  private block(node: RootContent, annexRef: string | undefined, depth: number): Block[] {
    switch (node.type) {
      case 'paragraph':
        return [this.paragraph(node, depth > 0 ? 'continuation' : 'body', depth)];
      case 'heading': {
        const h: HeadingBlock = { type: 'heading', level: node.depth <= 3 ? 2 : 3, runs: toRuns(node.children, this.inline), outline: node.depth === 3 };
        const anchor = anchorOf(node);
        if (anchor) h.anchor = anchor;
        return [h];
      }
      case 'list':
        return this.list(node, annexRef, depth);
      case 'table':
        return [this.table(node)];
      default:
        return [];
    }
  }

  private paragraph(p: Paragraph, style: ParagraphStyle, depth: number): ParagraphBlock | FigureBlock {
    const num = numberOf(p);
    const image = soleImage(p);
    if (num?.type === 'figure' && image) return figureBlock(image, this.figures, num.numbers[0] as number, anchorOf(p));
    const block: ParagraphBlock = { type: 'paragraph', style, runs: toRuns(p.children, this.inline) };
    if (depth > 0) block.depth = depth;
    return block;
  }

  private list(list: List, annexRef: string | undefined, depth: number): Block[] {
    const out: Block[] = [];
    for (const item of list.children) out.push(...this.item(item, list.ordered === true, annexRef, depth));
    return out;
  }

  private item(item: ListItem, ordered: boolean, annexRef: string | undefined, depth: number): Block[] {
    const num = numberOf(item);
    const out: Block[] = [];
    let first = true;
    for (const child of item.children) {
      if (child.type === 'paragraph' && first) {
        first = false;
        const block: ParagraphBlock = { type: 'paragraph', style: ordered ? 'clause' : 'item', runs: toRuns(child.children, this.inline), depth };
        if (num) block.label = this.label(num);
        const anchor = anchorOf(item);
        if (anchor) block.anchor = anchor;
        const ref = ordered && num ? this.numberingRef(num, annexRef) : undefined;
        if (ref) block.numbering = ref;
        out.push(block);
      } else if (child.type === 'paragraph') {
        out.push(this.paragraph(child, 'continuation', depth + 1));
      } else if (child.type === 'list') {
        out.push(...this.list(child, annexRef, depth + 1));
      } else {
        out.push(...this.block(child as RootContent, annexRef, depth + 1));
      }
    }
    if (first) {
      // An empty item still shows its label.
      const block: ParagraphBlock = { type: 'paragraph', style: ordered ? 'clause' : 'item', runs: [], depth };
      if (num) block.label = this.label(num);
      out.unshift(block);
    }
    return out;
  }

  private table(node: Table): TableBlock {
    return markdownTable(node, this.inline);
  }

  /** The visible label of a numbered node, in the document's language. */
  label(num: NumberData): string {
    const last = num.numbers[num.numbers.length - 1] ?? 0;
    switch (num.type) {
      case 'chapter':
        return this.labels.fill('chapter.label', { roman: romanNumeral(last) });
      case 'section':
        return `${last}.`;
      case 'clause':
        return `${num.numbers.join('.')}.`;
      case 'point':
        return `${last}.`;
      case 'subpoint':
        return `${last})`;
      case 'item':
        return `${letterLabel(last, this.lang)})`;
      case 'annex':
        return this.labels.fill('annex.label', { n: last, ord: ordinalOf(last, this.lang) });
      default:
        return '';
    }
  }

  private numberingRef(num: NumberData, annexRef: string | undefined): NumberingRef | undefined {
    if (num.type === 'clause') return annexRef ? { ref: annexRef, level: num.depth } : { ref: 'main', level: num.depth + 1 };
    if (num.type === 'point') return { ref: annexRef ?? 'points', level: 0 };
    if (num.type === 'subpoint') return { ref: annexRef ?? 'points', level: 1 };
    return undefined;
  }

  /** Word numbering definitions whose output equals the labels computed above. */
  numberingDefinitions(annexCount: number): NumberingDefinition[] {
    const step = DEPTH_INDENT_MM * MM;
    const level = (l: number, format: NumberingLevel['format'], text: string, depth: number, suffix: NumberingLevel['suffix'] = 'tab'): NumberingLevel => ({
      level: l,
      format,
      text,
      indent: suffix === 'space' ? { left: 0, hanging: 0 } : { left: (depth + 1) * step, hanging: step },
      suffix,
    });
    const defs: NumberingDefinition[] = [];
    const sectionedLevels = (offset: number): NumberingLevel[] =>
      [0, 1, 2, 3].map((d) => level(d + offset, 'decimal', `${Array.from({ length: d + 1 + offset }, (_, i) => `%${i + 1}`).join('.')}.`, d)).filter((l) => l.level <= 3);
    if (this.scheme === 'act') {
      defs.push({ ref: 'chapters', levels: [level(0, 'upperRoman', this.labels.get('chapter.word'), 0, 'space')] });
      defs.push({ ref: 'points', levels: [level(0, 'decimal', '%1.', 0), level(1, 'decimal', '%2)', 1)] });
      for (let a = 1; a <= annexCount; a++) defs.push({ ref: `annex${a}`, levels: [level(0, 'decimal', '%1.', 0), level(1, 'decimal', '%2)', 1)] });
    } else {
      defs.push({ ref: 'main', levels: [level(0, 'decimal', '%1.', 0, 'space'), ...sectionedLevels(1)] });
      for (let a = 1; a <= annexCount; a++) defs.push({ ref: `annex${a}`, levels: sectionedLevels(0) });
    }
    return defs;
  }
}

/**
 * A Markdown table as a model table: column widths follow the length of their longest cell
 * (within bounds), so a number column stays narrow and a text column gets the room; the floor
 * keeps room for two digits beside Word's default cell margins.
 */
function markdownTable(node: Table, inline: InlineContext): TableBlock {
  const rows = node.children.map((row) =>
    row.children.map((c, i): TableCell => {
      const cell: TableCell = { runs: toRuns(c.children as PhrasingContent[], inline) };
      const align = node.align?.[i];
      if (align) cell.align = align;
      return cell;
    }),
  );
  const header = rows[0] ?? [];
  const width = header.length;
  const lengths = Array.from({ length: width }, (_, i) => Math.min(40, Math.max(8, ...rows.map((r) => Math.max(longestWord(r[i]?.runs ?? []) * 2.5, runsLength(r[i]?.runs ?? []))))));
  return {
    type: 'table',
    columns: lengths.map((l, i) => {
      const align = node.align?.[i];
      return align ? { width: l, align } : { width: l };
    }),
    header,
    rows: rows.slice(1).map((r) => (r.length === width ? r : [...r.slice(0, width), ...Array.from({ length: Math.max(0, width - r.length) }, () => ({ runs: [] }))])),
  };
}

function longestWord(runs: readonly Run[]): number {
  let max = 0;
  for (const r of runs) if (r.kind === 'text') for (const w of r.text.split(/\s+/)) max = Math.max(max, w.length);
  return max;
}

function runsLength(runs: readonly Run[]): number {
  return runs.reduce((n, r) => n + (r.kind === 'text' ? r.text.length : 0), 0);
}

/** Renders a Markdown template into blocks; each paragraph may start with "{.style}". */
export function templateBlocks(lang: Lang, name: string, data: Record<string, unknown>, labels: Labels): Block[] {
  const { text, values } = renderTemplate(lang, name, data);
  const tree = parseMarkdown(text, 0, 0);
  const inline: InlineContext = {
    lang,
    xref: () => ({ text: '' }),
    footnote: () => 0,
    restore: (t) => values.restore(t),
  };
  const out: Block[] = [];
  for (const node of tree.children) {
    if (node.type === 'paragraph') out.push(...templateParagraph(node, inline, labels));
    else if (node.type === 'table') out.push(markdownTable(node, inline));
  }
  return out;
}

const STYLE_MARK = /^\{\.([a-zA-Z]+)\}\s*/;
const STYLES: readonly ParagraphStyle[] = ['body', 'title', 'subtitle', 'draftMark', 'approval', 'annexMark', 'coverText', 'caption', 'note', 'letter'];

function templateParagraph(p: Paragraph, inline: InlineContext, labels: Labels): Block[] {
  const first = p.children[0];
  let style: string | undefined;
  if (first?.type === 'text') {
    const m = STYLE_MARK.exec(first.value);
    if (m) {
      style = m[1];
      first.value = first.value.slice(m[0].length);
    }
  }
  switch (style) {
    case 'spacer':
      return [{ type: 'spacer', points: 36 }];
    case 'pagebreak':
      return [{ type: 'pageBreak' }];
    case 'toc':
      return [{ type: 'toc', title: labels.get('contents'), entries: [] }];
    case 'signature': {
      const runs = toRuns(p.children, inline);
      const cut = runs.findIndex((r) => r.kind === 'break');
      return [{ type: 'signature', left: cut < 0 ? runs : runs.slice(0, cut), right: cut < 0 ? [] : runs.slice(cut + 1) }];
    }
    default: {
      const s = style && (STYLES as readonly string[]).includes(style) ? (style as ParagraphStyle) : 'letter';
      const runs = toRuns(p.children, inline);
      return runs.length ? [{ type: 'paragraph', style: s, runs }] : [];
    }
  }
}
