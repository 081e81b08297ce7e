/**
 * The DOCX renderer: a document model in, the bytes of a .docx out. No I/O; the same model
 * always gives the same bytes.
 *
 * Word styles for every paragraph style and heading (styles.ts), real multi-level numbering
 * (numbering.ts), footnotes, bookmarks and links, a TOC field, running header and footer with
 * PAGE/NUMPAGES, core properties from the model, deterministic packaging (package.ts).
 */
import type { DocModel } from '../../model/types.js';
import { buildDocument } from './document.js';
import { checkNumbering } from './numbering.js';
import { compileParts, packParts, withSeededRandom } from './package.js';
import { STYLES_PATH, stylesPart } from './styles.js';
import { assertModelXmlSafe } from './xml-safety.js';

export async function renderDocx(model: DocModel): Promise<Uint8Array> {
  assertModelXmlSafe(model);
  checkNumbering(model);
  // Outside the seeded stretch: building the shared style sheet must not draw the document's ids.
  const styles = stylesPart(model.page, model.properties.language);
  const parts = withSeededRandom(() => compileParts(buildDocument(model)));
  parts.set(STYLES_PATH, styles);
  return packParts(parts, model);
}
