/**
 * The few pdfkit 0.20 internals the renderer relies on, typed narrowly in one place (the public
 * typings do not describe them). Each is used for a reason pdfkit's public API cannot serve:
 * - `_font` (subset, widths, unicode) / `page.fonts`: we write text operators ourselves (own
 *   justification, invisible split words) and shape with a shared cache (shaping.ts), keeping
 *   pdfkit's subsetting and ToUnicode bookkeeping exactly as its own `encode` keeps it; the
 *   subset's `encode` is ours (subset.ts), from tables shared by all documents;
 * - `outline` items' `outlineData.Dest`: bookmarks that point at the heading's position, not the
 *   page top (`addItem` computes the position wrongly for `left`);
 * - the named-destination tree's `_compareKeys`: pdfkit sorts with `localeCompare`, whose order
 *   depends on the machine's locale and is not the byte order viewers binary-search in;
 * - `_addInfo`: pdfkit writes Title and Author into the XMP unescaped and without ModifyDate,
 *   which breaks XML on "&" and PDF/A's Info/XMP agreement;
 * - `PDFReference#finalize` (reached through `_root`): pdfkit deflates every stream at zlib's
 *   default level and offers no setting (see `deflateStreamsAt`);
 * - `PDFReference#write` and `PDFDocument#_write`: pdfkit turns every string it writes into bytes
 *   with a JavaScript loop (see `encodeStringsNatively`).
 */
import { deflateSync } from 'node:zlib';
import type { FontkitFont } from 'fontkit';

export interface EncodedPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  /** The glyph's own advance, in thousandths of the font size (as the /W array says). */
  advanceWidth: number;
}

/** pdfkit's EmbeddedFont: the document's font resource, its subset, /W widths and ToUnicode entries. */
export interface PdfFont {
  /** Resource name on the page ("F1"). */
  id: string;
  font: FontkitFont;
  ref(): unknown;
  /** fontkit's subset: old glyph ids in new-id order; `encode` is replaced by subset.ts's. */
  subset: { glyphs: number[]; includeGlyph(glyphId: number): number; encode(): Uint8Array };
  widths: number[];
  unicode: number[][];
}

export interface OutlineItem {
  addItem(title: string, options?: { expanded?: boolean }): OutlineItem;
  outlineData: Record<string, unknown>;
}

export interface DocInternals {
  _font: PdfFont;
  page: { fonts: Record<string, unknown>; dictionary: unknown; height: number };
  outline: OutlineItem;
  _root: { data: { Names: { data: { Dests: { _compareKeys(a: string, b: string): number } } } } };
  info: Record<string, unknown>;
  appendXML(xml: string, newline?: boolean): void;
  _addInfo(): void;
}

export function internals(doc: PDFKit.PDFDocument): DocInternals {
  return doc as unknown as DocInternals;
}

/** Code-unit order: the order of the encoded keys, independent of the locale. */
export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** pdfkit's PDFReference as its `finalize` sees it. */
interface StreamReference {
  compress: boolean;
  buffer: Uint8Array[];
  finalize(): void;
}

const nativeStrings = new WeakSet<object>();

/**
 * pdfkit converts each string written to a stream or to the file (page content, every object's
 * dictionary) with `charCodeAt(i) & 0xff` in a loop; Node's latin1 encoder does exactly that
 * natively, so the bytes are the same and a typical document's 1–2 ms of conversion goes. Strings
 * become bytes here (with the newline pdfkit appends) and pdfkit passes bytes through unchanged.
 */
export function encodeStringsNatively(doc: PDFKit.PDFDocument): void {
  writeStringsAsLatin1(Object.getPrototypeOf(internals(doc)._root) as Record<string, ChunkWriter>, 'write');
  writeStringsAsLatin1(Object.getPrototypeOf(doc) as Record<string, ChunkWriter>, '_write');
}

type ChunkWriter = (this: unknown, chunk: unknown) => void;

function writeStringsAsLatin1(proto: Record<string, ChunkWriter>, method: string): void {
  if (nativeStrings.has(proto)) return;
  nativeStrings.add(proto);
  const original = proto[method] as ChunkWriter;
  proto[method] = function (chunk) {
    original.call(this, chunk instanceof Uint8Array ? chunk : Buffer.from(`${String(chunk)}\n`, 'latin1'));
  };
}

const levels = new WeakMap<object, number>();

/**
 * Makes pdfkit deflate stream objects (page contents, embedded fonts, the ICC profile) at `level`.
 * The stream is deflated here and handed on as already filtered, so pdfkit's own `finalize`
 * writes it unchanged: it still sets /Filter /FlateDecode and the /Length of what is written.
 * Patched once per process on the class all of pdfkit's references share.
 */
export function deflateStreamsAt(doc: PDFKit.PDFDocument, level: number): void {
  const proto = Object.getPrototypeOf(internals(doc)._root) as StreamReference;
  const patched = levels.has(proto);
  levels.set(proto, level);
  if (patched) return;
  const original = proto.finalize;
  proto.finalize = function (this: StreamReference): void {
    if (this.compress && this.buffer.length > 0) {
      const data = this.buffer.length === 1 ? (this.buffer[0] as Uint8Array) : Buffer.concat(this.buffer);
      this.buffer = [deflateSync(data, { level: levels.get(proto) as number })];
      this.compress = false;
    }
    original.call(this);
  };
}
