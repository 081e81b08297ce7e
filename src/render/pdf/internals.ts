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
 *   default level and offers no setting (see `deflateStreams`);
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
}

type Method = (this: unknown, ...args: unknown[]) => void;
const wrapped = new WeakMap<object, Set<string>>();

/** Replaces `proto[method]` with `wrap(original)`, once per process however many documents ask. */
function wrapOnce(proto: object, method: string, wrap: (original: Method) => Method): void {
  const done = wrapped.get(proto) ?? new Set<string>();
  if (done.has(method)) return;
  done.add(method);
  wrapped.set(proto, done);
  const target = proto as Record<string, Method>;
  target[method] = wrap(target[method] as Method);
}

/**
 * pdfkit converts each string written to a stream or to the file (page content, every object's
 * dictionary) with `charCodeAt(i) & 0xff` in a loop; Node's latin1 encoder does exactly that
 * natively, so the bytes are the same and a typical document's 1–2 ms of conversion goes. Strings
 * become bytes here (with the newline pdfkit appends) and pdfkit passes bytes through unchanged.
 */
export function encodeStringsNatively(doc: PDFKit.PDFDocument): void {
  const asBytes = (original: Method): Method =>
    function (chunk) {
      original.call(this, chunk instanceof Uint8Array ? chunk : Buffer.from(`${String(chunk)}\n`, 'latin1'));
    };
  wrapOnce(Object.getPrototypeOf(internals(doc)._root) as object, 'write', asBytes);
  wrapOnce(Object.getPrototypeOf(doc) as object, '_write', asBytes);
}

/**
 * zlib level of the PDF's streams. Level 4 deflates a typical 12-page specification's streams
 * (324 KB: page contents, three font subsets, the ICC profile) in half the time of zlib's default
 * level 6, which pdfkit hard-codes (4.2 vs 8.6 ms), for 4 % more bytes (103 vs 99 KB); level 1
 * saved 1 ms more for 12 %.
 */
export const STREAM_DEFLATE_LEVEL = 4;

/**
 * Makes pdfkit deflate stream objects (page contents, embedded fonts, the ICC profile) at
 * STREAM_DEFLATE_LEVEL. The stream is deflated here and handed on as already filtered, so pdfkit's
 * own `finalize` writes it unchanged: it still sets /Filter /FlateDecode and the /Length written.
 */
export function deflateStreams(doc: PDFKit.PDFDocument): void {
  wrapOnce(Object.getPrototypeOf(internals(doc)._root) as object, 'finalize', (original) =>
    function (this: unknown) {
      const ref = this as StreamReference;
      if (ref.compress && ref.buffer.length > 0) {
        const data = ref.buffer.length === 1 ? (ref.buffer[0] as Uint8Array) : Buffer.concat(ref.buffer);
        ref.buffer = [deflateSync(data, { level: STREAM_DEFLATE_LEVEL })];
        ref.compress = false;
      }
      original.call(this);
    },
  );
}
