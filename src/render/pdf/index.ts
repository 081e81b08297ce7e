/**
 * The PDF renderer: DocModel → PDF/A-2a bytes (tagged, fonts embedded and subset, deterministic).
 *
 * Stages, each in its own module:
 *   blocks.ts   model handlers: blocks → lines (inline.ts words, linebreak.ts justified lines)
 *   layout.ts   lines → pages (keep-with-next, widows/orphans, footnotes, table headers)
 *   paint.ts    pages → pdfkit content, structure tree, links, bookmarks, header/footer
 * pdfkit is imported on first use (115 ms: performance.md trap 5); fonts are created per document
 * (fonts.ts, traps 2 and 3).
 */
import type { FontkitFont } from 'fontkit';
import type { DocModel } from '../../model/types.js';
import { buildDocument, createContext } from './blocks.js';
import { createDocumentFonts, FACES, fontTables, loadFontkit, type Face } from './fonts.js';
import { byteOrder, deflateStreams, encodeStringsNatively, internals, type PdfFont } from './internals.js';
import { paginate } from './layout.js';
import { documentInfo, installXmp } from './metadata.js';
import { paint } from './paint.js';
import { Shaper } from './shaping.js';
import { encodeSubset } from './subset.js';
import { pageGeometry, styleSheet } from './styles.js';

export { checkGlyphs, fontCoverage, MissingGlyphError } from './fonts.js';

export async function renderPdf(model: DocModel): Promise<Uint8Array> {
  const [{ default: PDFDocument }, fontkit] = await Promise.all([import('pdfkit'), loadFontkit()]);
  const doc = new PDFDocument({
    autoFirstPage: false,
    // No default font: pdfkit would load Helvetica, which cannot draw Turkmen or Cyrillic letters.
    font: null as unknown as string,
    size: 'A4',
    pdfVersion: '1.7',
    subset: 'PDF/A-2a',
    tagged: true,
    lang: model.properties.language,
    displayTitle: true,
    info: documentInfo(model.properties),
  });
  deflateStreams(doc);
  encodeStringsNatively(doc);
  const bytes = collect(doc);
  installXmp(doc, model.properties);
  internals(doc)._root.data.Names.data.Dests._compareKeys = byteOrder;

  const fonts = registerFonts(doc, createDocumentFonts(fontkit));
  const styles = styleSheet(model.page);
  const geometry = pageGeometry(model.page);
  const shaper = new Shaper(fonts);
  const measure = { width: (text: string, face: Face, size: number) => shaper.width(text, face, size) };
  const flow = buildDocument(model, createContext(model, styles, geometry, measure));
  const pages = paginate(flow, geometry);
  paint({ doc, fonts, shaper, geometry, styles, measure, running: model.running }, pages, flow);
  doc.end();
  return bytes;
}

/** Registers this document's fontkit objects under family names and returns pdfkit's font wrappers. */
function registerFonts(doc: PDFKit.PDFDocument, fonts: Record<Face, FontkitFont>): Record<Face, PdfFont> {
  const result = {} as Record<Face, PdfFont>;
  for (const face of FACES) {
    const name = `PTSerif-${face}`;
    // pdfkit accepts a fontkit font object here (it checks for `layout`); its typings only list paths and buffers.
    doc.registerFont(name, fonts[face] as unknown as string);
    doc.font(name);
    const font = internals(doc)._font;
    const subset = font.subset;
    subset.encode = () => encodeSubset(fontTables(face), subset);
    result[face] = font;
  }
  return result;
}

function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  return new Promise((resolve, reject) => {
    doc.on('error', reject);
    doc.on('end', () => {
      const out = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
      let offset = 0;
      for (const chunk of chunks) {
        out.set(chunk, offset);
        offset += chunk.length;
      }
      resolve(out);
    });
  });
}
