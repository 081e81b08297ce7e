/**
 * Real PNG files for tests of figures: RGB (or RGBA with a transparent stripe), each row a colour
 * band, so the image is recognisable when a page is rendered to pixels.
 */
import { deflateSync } from 'node:zlib';
import { pngChunk as chunk } from '../../src/core/png.js';


export function png(width: number, height: number, options: { alpha?: boolean } = {}): Buffer {
  const channels = options.alpha ? 4 : 3;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bits per channel
  ihdr[9] = options.alpha ? 6 : 2; // RGBA or RGB
  const raw = Buffer.alloc((width * channels + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * channels + 1);
    raw[row] = 0; // no filter
    const band = Math.floor((y / height) * 3);
    for (let x = 0; x < width; x++) {
      const p = row + 1 + x * channels;
      raw[p] = band === 0 ? 200 : 20;
      raw[p + 1] = band === 1 ? 160 : 30;
      raw[p + 2] = band === 2 ? 220 : 40;
      if (options.alpha) raw[p + 3] = x < width / 4 ? 0 : 255;
    }
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array(0))]);
}

/**
 * The start of a JPEG file as far as validation reads it: SOI, an optional Exif block with an
 * orientation tag, and a baseline frame header with `components` colour components.
 */
export function jpegHead(width: number, height: number, components: number, orientation?: number, frame: { marker?: number; precision?: number; prefix?: number[] } = {}): Buffer {
  const parts: Buffer[] = [Buffer.from([0xff, 0xd8])];
  if (orientation !== undefined) {
    // "Exif\0\0" + a big-endian TIFF header + one IFD with the orientation tag (0x0112, SHORT, 1).
    const tiff = Buffer.from([0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0]);
    const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
    const head = Buffer.from([0xff, 0xe1, 0, 0]);
    head.writeUInt16BE(body.length + 2, 2);
    parts.push(head, body);
  }
  if (frame.prefix) parts.push(Buffer.from(frame.prefix));
  const sof = Buffer.alloc(10 + components * 3);
  sof[0] = 0xff;
  sof[1] = frame.marker ?? 0xc0;
  sof.writeUInt16BE(8 + components * 3, 2);
  sof[4] = frame.precision ?? 8;
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  sof[9] = components;
  parts.push(sof, Buffer.from([0xff, 0xd9]));
  return Buffer.concat(parts);
}
