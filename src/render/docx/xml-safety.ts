/**
 * Characters that must never reach the XML. Validation removes them from the sources, but the
 * renderer checks again: docx silently strips C0 controls (data loss) and writes U+FFFE/U+FFFF
 * raw (an ill-formed file that Word and LibreOffice refuse), hardening.md §6.1.
 */
import { InternalError } from '../../core/errors.js';

/**
 * C0 controls other than TAB, LF and CR; the non-characters U+FFFE/U+FFFF; lone surrogates.
 * No `u` flag: the surrogate tests must see UTF-16 code units, not code points.
 */
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The index of the first XML-illegal code unit in `text`, or -1. */
export function findIllegalXmlChar(text: string): number {
  const match = ILLEGAL.exec(text);
  return match ? match.index : -1;
}

function describe(text: string, index: number): string {
  const unit = text.charCodeAt(index);
  return `U+${unit.toString(16).toUpperCase().padStart(4, '0')} at offset ${index}`;
}

export function assertXmlSafe(text: string, where: string): void {
  const index = findIllegalXmlChar(text);
  if (index >= 0) throw new InternalError(`DOCX: XML-illegal character ${describe(text, index)} in ${where}`);
}

/**
 * Checks every string anywhere in `value` (the whole model: runs, labels, running texts and
 * properties alike), naming the path of the first offender.
 */
export function assertModelXmlSafe(value: unknown, path = 'model'): void {
  if (typeof value === 'string') {
    assertXmlSafe(value, path);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => assertModelXmlSafe(item, `${path}[${i}]`));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) assertModelXmlSafe(item, `${path}.${key}`);
  }
}
