/**
 * PNG files from pull requests, read with bounded work: every chunk and its CRC checked, the image
 * data inflated with a cap on its size (a few hundred bytes of zeros can inflate to gigabytes:
 * hardening.md §8.4) and required to be exactly as long as the header says.
 *
 * pdfkit decodes PNGs with transparency itself, asynchronously and without a size limit, and the
 * PDF objects it then creates are numbered in whichever order the decodes finish. So a PNG with
 * transparency is flattened here, onto white (the page), into a plain RGB or grey PNG that pdfkit
 * embeds as it is, synchronously. Validation (validate/images.ts) and the PDF renderer share this.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { crc32 } from './zip.js';

export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGB + alpha. */
  colorType: number;
  interlaced: boolean;
  palette?: Uint8Array;
  /** The tRNS chunk: alpha per palette entry, or the transparent grey/RGB value. */
  transparency?: Uint8Array;
  /** The concatenated IDAT data (still compressed). */
  data: Uint8Array;
}

/** Samples per pixel of each colour type. */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const DEPTHS: Record<number, readonly number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The largest decoded image accepted: 4096 × 4096 pixels of 8-bit RGBA (64 MiB). */
export const MAX_DECODED_BYTES = 4096 * 4096 * 4;

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Bytes per row of the decoded image, without the filter byte. */
function rowBytes(info: Pick<PngInfo, 'width' | 'bitDepth' | 'colorType'>): number {
  return Math.ceil((info.width * (CHANNELS[info.colorType] as number) * info.bitDepth) / 8);
}

/** Reads the chunks; a problem is a sentence for the drafter. */
export function readPng(bytes: Uint8Array): PngInfo | { problem: string } {
  if (!isPng(bytes)) return { problem: 'is not a PNG file' };
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 8;
  let info: Omit<PngInfo, 'data'> | undefined;
  const data: Uint8Array[] = [];
  let ended = false;
  while (pos + 12 <= view.length) {
    const length = view.readUInt32BE(pos);
    const type = view.toString('latin1', pos + 4, pos + 8);
    if (pos + 12 + length > view.length) return { problem: `is cut short (the ${type} chunk runs past the end of the file)` };
    const body = view.subarray(pos + 8, pos + 8 + length);
    if (crc32(view.subarray(pos + 4, pos + 8 + length)) >>> 0 !== view.readUInt32BE(pos + 8 + length)) return { problem: `is damaged (the ${type} chunk fails its checksum)` };
    if (!info && type !== 'IHDR') return { problem: 'is damaged (it does not start with its header chunk)' };
    if (type === 'IHDR') {
      if (length !== 13) return { problem: 'is damaged (its header chunk has the wrong length)' };
      info = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), bitDepth: body[8] as number, colorType: body[9] as number, interlaced: body[12] === 1 };
      if (!DEPTHS[info.colorType]?.includes(info.bitDepth) || body[10] !== 0 || body[11] !== 0 || (body[12] as number) > 1) return { problem: 'uses a colour type or bit depth that is not valid PNG' };
    } else if (type === 'PLTE' && info) info.palette = new Uint8Array(body);
    else if (type === 'tRNS' && info) info.transparency = new Uint8Array(body);
    else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') {
      ended = true;
      break;
    }
    pos += 12 + length;
  }
  if (!info) return { problem: 'is damaged (no header chunk)' };
  if (!ended || data.length === 0) return { problem: 'is cut short (no image data or no end chunk)' };
  if (info.colorType === 3 && !info.palette) return { problem: 'is damaged (a palette image without its palette)' };
  if ((info.colorType === 0 || info.colorType === 4) && info.palette) return { problem: 'is damaged (a grey image with a palette)' };
  if (info.transparency) {
    const t = info.transparency.length;
    const fits = info.colorType === 0 ? t === 2 : info.colorType === 2 ? t === 6 : info.colorType === 3 ? t <= (info.palette?.length ?? 0) / 3 : false;
    if (!fits) return { problem: 'is damaged (its transparency chunk does not match its colour type)' };
  }
  return { ...info, data: Buffer.concat(data) };
}

/**
 * The filtered scanlines, inflated with a cap: exactly height × (1 + row bytes) or a problem.
 * Interlaced images are refused (their rows come in seven passes; editors save without it).
 */
export function inflatePng(info: PngInfo): Buffer | { problem: string } {
  if (info.interlaced) return { problem: 'is interlaced; save it without interlacing ("Interlaced" off in the export dialog)' };
  const expected = info.height * (1 + rowBytes(info));
  // Pixels only: the filter byte of each row does not count against the limit.
  if (info.height * rowBytes(info) > MAX_DECODED_BYTES) return { problem: `is too large to decode (${info.width}×${info.height} pixels at ${info.bitDepth} bits per sample)` };
  let raw: Buffer;
  try {
    raw = inflateSync(info.data, { maxOutputLength: expected + 1 });
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'holds more image data than its size allows' : 'has image data that cannot be decompressed';
    return { problem: why };
  }
  if (raw.length !== expected) return { problem: `has ${raw.length < expected ? 'less' : 'more'} image data than its size says` };
  const stride = 1 + rowBytes(info);
  for (let at = 0; at < raw.length; at += stride) if ((raw[at] as number) > 4) return { problem: 'is damaged (a row of pixels has an unknown filter)' };
  return raw;
}

/**
 * Whether the image goes to pdfkit rewritten: any transparency (an alpha channel, which pdfkit
 * decodes asynchronously; a transparency chunk, whose colour key pdfkit's PNG reader gets wrong for
 * grey and RGB images) or a suggested palette on a colour image (which pdfkit would take for an
 * indexed image).
 */
export function needsFlattening(info: PngInfo): boolean {
  return info.colorType === 4 || info.colorType === 6 || info.transparency !== undefined || (info.colorType !== 3 && info.palette !== undefined);
}

/** Undoes the PNG row filters in place (ISO 15948 §9); `bpp` = bytes per complete pixel, at least 1. */
function unfilter(raw: Buffer, rows: number, stride: number, bpp: number): Buffer {
  const out = Buffer.alloc(rows * stride);
  for (let y = 0; y < rows; y++) {
    const filter = raw[y * (stride + 1)] as number;
    const src = y * (stride + 1) + 1;
    const at = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? (out[at + x - bpp] as number) : 0;
      const b = y > 0 ? (out[at - stride + x] as number) : 0;
      const c = x >= bpp && y > 0 ? (out[at - stride + x - bpp] as number) : 0;
      const v = raw[src + x] as number;
      let p: number;
      switch (filter) {
        case 0: p = v; break;
        case 1: p = v + a; break;
        case 2: p = v + b; break;
        case 3: p = v + ((a + b) >> 1); break;
        case 4: {
          const pa = Math.abs(b - c);
          const pb = Math.abs(a - c);
          const pc = Math.abs(a + b - 2 * c);
          p = v + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
          break;
        }
        default:
          throw new Error(`row ${y} has an unknown filter type ${filter}`);
      }
      out[at + x] = p & 0xff;
    }
  }
  return out;
}

/** One PNG chunk: length, type, body and the CRC of type and body. */
export function pngChunk(type: string, body: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])) >>> 0, 0);
  return Buffer.concat([head, body, tail]);
}

/**
 * The image composited onto white as an 8-bit RGB PNG (grey stays grey), with no transparency and no
 * palette left: what it looks like on the page. For the images `needsFlattening` picks; `raw` is
 * from inflatePng, so every row has a known filter.
 */
export function flattenPng(info: PngInfo, raw: Buffer): Buffer {
  const channels = CHANNELS[info.colorType] as number;
  const depth = info.bitDepth;
  const stride = rowBytes(info);
  const pixels = unfilter(raw, info.height, stride, Math.max(1, (channels * depth) >> 3));
  const grey = info.colorType === 0 || info.colorType === 4;
  const outChannels = grey ? 1 : 3;
  const rows = Buffer.alloc(info.height * (1 + info.width * outChannels));
  /** Sample `index` of row `row` at full depth: 16-bit big-endian, sub-byte samples unpacked. */
  const value = (row: number, index: number): number => {
    const at = row * stride;
    if (depth === 16) return ((pixels[at + index * 2] as number) << 8) | (pixels[at + index * 2 + 1] as number);
    if (depth === 8) return pixels[at + index] as number;
    const perByte = 8 / depth;
    const byte = pixels[at + Math.floor(index / perByte)] as number;
    return (byte >> (8 - depth * ((index % perByte) + 1))) & ((1 << depth) - 1);
  };
  const to8 = (v: number): number => (depth === 16 ? v >> 8 : depth === 8 ? v : Math.round((v * 255) / ((1 << depth) - 1)));
  const over = (v8: number, alpha: number): number => Math.round((v8 * alpha + 255 * (255 - alpha)) / 255);
  // A colour key (tRNS of a grey or RGB image): 16-bit sample values, one per channel.
  const key = (info.colorType === 0 || info.colorType === 2) && info.transparency ? Array.from({ length: channels }, (_, k) => Buffer.from(info.transparency as Uint8Array).readUInt16BE(k * 2)) : undefined;
  for (let y = 0; y < info.height; y++) {
    let o = y * (1 + info.width * outChannels) + 1;
    for (let x = 0; x < info.width; x++) {
      if (info.colorType === 3) {
        const i = value(y, x);
        const alpha = info.transparency?.[i] ?? 255;
        for (let k = 0; k < 3; k++) rows[o++] = over(info.palette?.[i * 3 + k] ?? 0, alpha);
        continue;
      }
      const colours = info.colorType === 4 || info.colorType === 6 ? channels - 1 : channels;
      let alpha = 255;
      if (colours < channels) alpha = to8(value(y, x * channels + colours));
      else if (key && key.every((k, c) => value(y, x * channels + c) === k)) alpha = 0;
      for (let k = 0; k < outChannels; k++) rows[o++] = over(to8(value(y, x * channels + k)), alpha);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(info.width, 0);
  header.writeUInt32BE(info.height, 4);
  header[8] = 8;
  header[9] = grey ? 0 : 2;
  return Buffer.concat([Buffer.from(SIGNATURE), pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(rows)), pngChunk('IEND', new Uint8Array(0))]);
}
