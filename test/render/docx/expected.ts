/**
 * What a reader must see, computed from the model alone (never from the renderer's code): the
 * text of every body paragraph in order, and the labels of the numbered paragraphs.
 */
import type { Block, DocModel, Run } from '../../../src/model/types.js';

/** Run text as shown: breaks are line breaks; a footnote's mark has no text, a repeated one shows its number. */
function runsText(runs: readonly Run[], seenNotes: Set<number>): string {
  return runs
    .map((r) => {
      if (r.kind === 'text') return r.text;
      if (r.kind === 'break') return '\n';
      if (seenNotes.has(r.number)) return String(r.number);
      seenNotes.add(r.number);
      return '';
    })
    .join('');
}

function blockTexts(block: Block, seen: Set<number>): string[] {
  switch (block.type) {
    case 'paragraph': {
      const label = block.numbering || !block.label ? '' : `${block.label}\t`;
      return [label + runsText(block.runs, seen)];
    }
    case 'heading': {
      const label = block.numbering || !block.label ? '' : `${block.label} `;
      return [label + runsText(block.runs, seen)];
    }
    case 'table': {
      const caption = block.caption ? [runsText(block.caption, seen)] : [];
      const row = (cells: typeof block.header): string[] => block.columns.map((_, c) => runsText(cells[c]?.runs ?? [], seen));
      return [...caption, ...row(block.header), ...block.rows.flatMap(row)];
    }
    case 'signature':
      return [`${runsText(block.left, seen)}\t${runsText(block.right, seen)}`];
    case 'toc':
      return [block.title, ...(block.entries.length === 0 ? [''] : block.entries.map((e) => `${e.text}\t`))];
    default:
      return [];
  }
}

export function allModelBlocks(model: DocModel): Block[] {
  return [...model.front, ...model.body, ...model.annexes.flat()];
}

export function expectedParagraphTexts(model: DocModel): string[] {
  const seen = new Set<number>();
  const blocks = allModelBlocks(model);
  const texts = blocks.flatMap((b) => blockTexts(b, seen));
  // A document never ends with a table: Word wants a paragraph before the section properties.
  const last = blocks.filter((b) => b.type !== 'pageBreak' && b.type !== 'spacer').pop();
  return last === undefined || last.type === 'table' ? [...texts, ''] : texts;
}

export function expectedNumberLabels(model: DocModel): string[] {
  return allModelBlocks(model).flatMap((b) => ((b.type === 'paragraph' || b.type === 'heading') && b.numbering ? [b.label ?? ''] : []));
}

export function footnoteTexts(model: DocModel): string[] {
  return model.footnotes.map((runs) => runsText(runs, new Set()));
}
