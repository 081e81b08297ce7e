/**
 * Images as pdfkit embeds them. pdfkit decodes a PNG with transparency itself, asynchronously and
 * without a size limit, and numbers the PDF objects it then makes in whichever order the decodes
 * finish: two such images could swap places between builds. Flattened onto white (the page) here,
 * with the bounded decoder validation uses, every image is embedded synchronously, in order.
 */
import { flattenPng, inflatePng, needsFlattening, readPng } from '../../core/png.js';
import type { FigureImage } from '../../model/types.js';

export function embeddableImage(image: FigureImage): Buffer {
  // A Buffer, never a string: pdfkit reads a string as a path or a data: URL.
  const bytes = Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength);
  if (image.format !== 'png') return bytes;
  const png = readPng(bytes);
  if ('problem' in png) throw new Error(`an image ${png.problem}`);
  if (!needsFlattening(png)) return bytes;
  const raw = inflatePng(png);
  if ('problem' in raw) throw new Error(`an image ${raw.problem}`);
  return flattenPng(png, raw);
}
