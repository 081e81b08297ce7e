/**
 * Word numbering definitions from `model.numbering`: one abstract definition and one list per
 * definition, so that a clause inserted in Word renumbers the clauses after it.
 *
 * The model computed every label itself; Word computes its own from these definitions. The two
 * must agree, so `checkNumbering` replays Word's counting (ECMA-376 §17.9: a paragraph at level L
 * advances L's counter and restarts every deeper level) over the model's numbered paragraphs and
 * refuses to write a document whose Word numbers would differ from its labels.
 */
import { romanNumeral } from '../../core/numerals.js';
import { AlignmentType, LevelFormat, LevelSuffix, type ILevelsOptions, type INumberingOptions } from 'docx';
import { InternalError } from '../../core/errors.js';
import type { Block, DocModel, NumberFormat, NumberingDefinition, NumberingLevel, NumberingRef } from '../../model/types.js';
import { ptToTwips } from './units.js';

/** Word allows nine levels (0–8). */
const MAX_LEVEL = 8;

function wordFormat(format: NumberFormat): (typeof LevelFormat)[keyof typeof LevelFormat] {
  return format === 'upperRoman' ? LevelFormat.UPPER_ROMAN : LevelFormat.DECIMAL;
}

function wordLevel(level: NumberingLevel): ILevelsOptions {
  return {
    level: level.level,
    format: wordFormat(level.format),
    text: level.text,
    alignment: AlignmentType.LEFT,
    start: 1,
    suffix: level.suffix === 'tab' ? LevelSuffix.TAB : LevelSuffix.SPACE,
    style: { paragraph: { indent: { left: ptToTwips(level.indent.left), hanging: ptToTwips(level.indent.hanging) } } },
  };
}

function checkDefinition(definition: NumberingDefinition, seen: Set<string>): void {
  if (seen.has(definition.ref)) throw new InternalError(`DOCX: numbering definition "${definition.ref}" is defined twice`);
  seen.add(definition.ref);
  for (const level of definition.levels) {
    if (!Number.isInteger(level.level) || level.level < 0 || level.level > MAX_LEVEL) {
      throw new InternalError(`DOCX: numbering "${definition.ref}" has level ${level.level}; Word allows 0–${MAX_LEVEL}`);
    }
  }
}

/** The `numbering` option of the docx Document. */
export function buildNumbering(definitions: readonly NumberingDefinition[]): INumberingOptions {
  const seen = new Set<string>();
  for (const definition of definitions) checkDefinition(definition, seen);
  return { config: definitions.map((d) => ({ reference: d.ref, levels: d.levels.map(wordLevel) })) };
}

// ---------------------------------------------------------------------------------------------
// Word's counting, replayed on the model
// ---------------------------------------------------------------------------------------------

export function formatNumber(value: number, format: NumberFormat): string {
  return format === 'decimal' ? String(value) : romanNumeral(value);
}

/** The counters of one Word list; `undefined` = not yet used since its last restart. */
class ListCounters {
  private readonly counters: Array<number | undefined> = [];

  constructor(private readonly definition: NumberingDefinition) {}

  /** Counts a paragraph at `level` and returns the text Word shows for it. */
  next(level: number): string {
    this.counters[level] = (this.counters[level] ?? 0) + 1;
    for (let deeper = level + 1; deeper < this.counters.length; deeper++) this.counters[deeper] = undefined;
    const own = this.levelOf(level);
    return own.text.replace(/%([1-9])/g, (_, digit: string) => {
      const index = Number(digit) - 1;
      return formatNumber(this.counters[index] ?? 1, this.levelOf(index).format);
    });
  }

  private levelOf(level: number): NumberingLevel {
    const found = this.definition.levels.find((l) => l.level === level);
    if (!found) throw new InternalError(`DOCX: numbering "${this.definition.ref}" has no level ${level}`);
    return found;
  }
}

export interface NumberedParagraph {
  numbering: NumberingRef;
  label: string | undefined;
  /** Where it is, for messages. */
  where: string;
}

/** The numbered paragraphs and headings in document order (front, body, annexes). */
export function numberedParagraphs(model: DocModel): NumberedParagraph[] {
  const out: NumberedParagraph[] = [];
  const visit = (blocks: readonly Block[], part: string): void => {
    blocks.forEach((block, i) => {
      if ((block.type === 'paragraph' || block.type === 'heading') && block.numbering) {
        out.push({ numbering: block.numbering, label: block.label, where: `${part}[${i}]` });
      }
    });
  };
  visit(model.front, 'front');
  visit(model.body, 'body');
  model.annexes.forEach((annex, i) => visit(annex, `annexes[${i}]`));
  return out;
}

/**
 * Throws unless the number Word will show for each numbered paragraph equals its model label
 * (ignoring surrounding white space: Word separates the label with its own tab or space).
 */
export function checkNumbering(model: DocModel): void {
  const lists = new Map(model.numbering.map((d) => [d.ref, new ListCounters(d)]));
  for (const paragraph of numberedParagraphs(model)) {
    const list = lists.get(paragraph.numbering.ref);
    if (!list) throw new InternalError(`DOCX: ${paragraph.where} refers to numbering "${paragraph.numbering.ref}", which the model does not define`);
    const word = list.next(paragraph.numbering.level);
    if (word !== (paragraph.label ?? '').trim()) {
      throw new InternalError(`DOCX: Word would number ${paragraph.where} "${word}" but its label is "${paragraph.label ?? ''}"`);
    }
  }
}
