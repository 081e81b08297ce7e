/**
 * Complex fields (ECMA-376 §17.16.4.1): begin, instruction, separate, cached result, end, each in
 * its own run as Word writes them. Complex rather than simple fields because a TOC spans several
 * paragraphs and its entries (the cached result) must be written in between.
 */
import { BuilderElement, NextAttributeComponent, TextRun, XmlComponent, type IRunOptions } from 'docx';

type FieldCharType = 'begin' | 'separate' | 'end';

function fieldChar(type: FieldCharType, dirty = false): XmlComponent {
  // An undefined attribute value is left out of the element.
  return new BuilderElement<{ type: FieldCharType; dirty?: boolean }>({
    name: 'w:fldChar',
    attributes: { type: { key: 'w:fldCharType', value: type }, dirty: { key: 'w:dirty', value: dirty ? true : undefined } },
  });
}

/** `w:instrText` with its spaces kept (docx has no public element for an arbitrary instruction). */
class InstructionText extends XmlComponent {
  constructor(instruction: string) {
    super('w:instrText');
    this.root.push(new NextAttributeComponent({ space: { key: 'xml:space', value: 'preserve' } }));
    this.root.push(instruction);
  }
}

/** Formatting shared by a field's runs (e.g. the footnote-reference character style). */
type FieldRunFormat = Omit<IRunOptions, 'children' | 'text' | 'break'>;

/**
 * The runs that open a field and start its result. A `dirty` field is one whose cached result
 * is known to be incomplete: Word recomputes it when it opens the document.
 */
export function fieldStart(instruction: string, format: FieldRunFormat = {}, dirty = false): TextRun[] {
  return [
    new TextRun({ ...format, children: [fieldChar('begin', dirty)] }),
    new TextRun({ ...format, children: [new InstructionText(` ${instruction} `)] }),
    new TextRun({ ...format, children: [fieldChar('separate')] }),
  ];
}

export function fieldEnd(format: FieldRunFormat = {}): TextRun {
  return new TextRun({ ...format, children: [fieldChar('end')] });
}

/**
 * A whole field in one paragraph. `result` is what readers that do not update fields show
 * (empty for PAGE/NUMPAGES, which every reader computes while laying out the page).
 */
export function field(instruction: string, result: string, format: FieldRunFormat = {}): TextRun[] {
  const cached = result === '' ? [] : [new TextRun({ ...format, text: result })];
  return [...fieldStart(instruction, format), ...cached, fieldEnd(format)];
}
