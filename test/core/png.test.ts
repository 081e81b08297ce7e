/** PNG reading with bounded work, and flattening transparency onto white (core/png.ts). */
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { flattenPng, inflatePng, needsFlattening, pngChunk as chunk, readPng, type PngInfo } from '../../src/core/png.js';
import { png } from '../helpers/png.js';


/** A PNG with the given header fields and raw (filtered) scanlines. */
function build(width: number, height: number, colorType: number, raw: Buffer, options: { interlace?: number; extra?: Buffer[]; depth?: number } = {}): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = options.depth ?? 8;
  ihdr[9] = colorType;
  ihdr[12] = options.interlace ?? 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), ...(options.extra ?? []), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array(0))]);
}

const info = (bytes: Buffer): PngInfo => {
  const r = readPng(bytes);
  if ('problem' in r) throw new Error(r.problem);
  return r;
};

describe('readPng and inflatePng', () => {
  it('reads a valid file', () => {
    const i = info(png(30, 20, { alpha: true }));
    expect(i).toMatchObject({ width: 30, height: 20, colorType: 6, bitDepth: 8, interlaced: false });
    expect(needsFlattening(i)).toBe(true);
    expect(inflatePng(i)).toHaveLength(20 * (1 + 30 * 4));
  });

  it('refuses a damaged chunk, a cut file and an interlaced one', () => {
    const good = png(10, 10);
    const damaged = Buffer.from(good);
    damaged[40] = (damaged[40] as number) ^ 0xff;
    expect(readPng(damaged)).toEqual({ problem: expect.stringMatching(/fails its checksum/) });
    expect(readPng(good.subarray(0, good.length - 20))).toEqual({ problem: expect.stringMatching(/cut short/) });
    expect(inflatePng(info(build(2, 2, 2, Buffer.alloc(2 * 7), { interlace: 1 })))).toEqual({ problem: expect.stringMatching(/interlaced/) });
  });

  it('stops a decompression bomb at the size the header allows', () => {
    // A 10×10 RGB header over 50 MB of zeros: a few kilobytes on disk.
    const bomb = build(10, 10, 2, Buffer.alloc(50 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(inflatePng(info(bomb))).toEqual({ problem: 'holds more image data than its size allows' });
    expect(inflatePng(info(build(10, 10, 2, Buffer.alloc(100))))).toEqual({ problem: 'has less image data than its size says' });
  });
});

describe('flattenPng', () => {
  it('composites RGBA onto white into plain RGB: transparent → white, opaque → unchanged, half → between', () => {
    // One row: transparent red, opaque blue, half-transparent black; "Sub" filter on the row.
    const pixels = [255, 0, 0, 0, 0, 0, 255, 255, 0, 0, 0, 128];
    const row = [1, ...pixels.map((v, i) => (i >= 4 ? (v - (pixels[i - 4] as number) + 256) & 0xff : v))];
    const source = info(build(3, 1, 6, Buffer.from(row)));
    const flat = info(flattenPng(source, inflatePng(source) as Buffer));
    expect(flat).toMatchObject({ width: 3, height: 1, colorType: 2 });
    expect(needsFlattening(flat)).toBe(false);
    expect([...(inflatePng(flat) as Buffer)]).toEqual([0, 255, 255, 255, 0, 0, 255, 127, 127, 127]);
  });

  it('expands a palette with transparency', () => {
    const palette = chunk('PLTE', Buffer.from([10, 20, 30, 200, 100, 50]));
    const trns = chunk('tRNS', Buffer.from([0]));
    const source = info(build(2, 1, 3, Buffer.from([0, 0, 1]), { extra: [palette, trns] }));
    expect(needsFlattening(source)).toBe(true);
    expect([...(inflatePng(info(flattenPng(source, inflatePng(source) as Buffer))) as Buffer)]).toEqual([0, 255, 255, 255, 200, 100, 50]);
  });
});

/** Filters rows of unfiltered bytes with the given filter per row (the encoder's side of ISO 15948 §9). */
function filterRows(rows: number[][], filters: number[], bpp: number): Buffer {
  const out: number[] = [];
  rows.forEach((row, y) => {
    const up = y > 0 ? (rows[y - 1] as number[]) : row.map(() => 0);
    const f = filters[y] as number;
    out.push(f);
    row.forEach((v, x) => {
      const a = x >= bpp ? (row[x - bpp] as number) : 0;
      const b = up[x] as number;
      const c = x >= bpp ? (up[x - bpp] as number) : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][f] as number;
      out.push((v - predictor + 256) & 0xff);
    });
  });
  return Buffer.from(out);
}

const flat = (bytes: Buffer): number[] => {
  const source = info(bytes);
  const result = info(flattenPng(source, inflatePng(source) as Buffer));
  expect(needsFlattening(result)).toBe(false);
  expect(result.palette).toBeUndefined();
  expect(result.transparency).toBeUndefined();
  // Flattened rows are written unfiltered: drop each row's filter byte.
  const raw = [...(inflatePng(result) as Buffer)];
  const stride = raw.length / result.height;
  return raw.filter((_, i) => i % stride !== 0);
};

describe('flattenPng, every filter and sample layout', () => {
  it('undoes None, Sub, Up, Average and Paeth on RGBA rows', () => {
    const px = (r: number, g: number, b: number, a: number): number[] => [r, g, b, a];
    const rows = [0, 1, 2, 3, 4].map((y) => [...px(10 * y, 200, 30, 255), ...px(90, 40 + y, 250, 0), ...px(7, 77, 177, 255)]);
    const got = flat(build(3, 5, 6, filterRows(rows, [0, 1, 2, 3, 4], 4)));
    const expected = rows.flatMap((row) => [row[0], row[1], row[2], 255, 255, 255, row[8], row[9], row[10]]);
    expect(got).toEqual(expected);
  });

  it('16-bit grey with alpha keeps the high byte and composites it', () => {
    // Two pixels: grey 0x8000 opaque, grey 0x1234 fully transparent.
    const row = [0x80, 0x00, 0xff, 0xff, 0x12, 0x34, 0x00, 0x00];
    expect(flat(build(2, 1, 4, filterRows([row], [4], 4), { depth: 16 }))).toEqual([0x80, 255]);
  });

  it('a 2-bit palette image with transparency is unpacked before the lookup', () => {
    const palette = chunk('PLTE', Buffer.from([0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255]));
    const trns = chunk('tRNS', Buffer.from([255, 0]));
    // Indices 0 1 2 3 packed in one byte: 00 01 10 11.
    expect(flat(build(4, 1, 3, Buffer.from([0, 0b00011011]), { depth: 2, extra: [palette, trns] }))).toEqual([0, 0, 0, 255, 255, 255, 0, 255, 0, 0, 0, 255]);
  });

  it('a colour key on grey and RGB images: the keyed pixels become white, the others stay', () => {
    expect(flat(build(3, 1, 0, Buffer.from([0, 255, 0, 128]), { extra: [chunk('tRNS', Buffer.from([0, 255]))] }))).toEqual([255, 0, 128]);
    const rgb = build(2, 1, 2, Buffer.from([0, 1, 2, 3, 9, 9, 9]), { extra: [chunk('tRNS', Buffer.from([0, 1, 0, 2, 0, 3]))] });
    expect(flat(rgb)).toEqual([255, 255, 255, 9, 9, 9]);
  });

  it('a suggested palette on an RGB image is dropped (pdfkit would read the image as indexed)', () => {
    const bytes = build(1, 1, 2, Buffer.from([0, 5, 6, 7]), { extra: [chunk('PLTE', Buffer.from([1, 2, 3, 4, 5, 6]))] });
    expect(needsFlattening(info(bytes))).toBe(true);
    expect(flat(bytes)).toEqual([5, 6, 7]);
  });
});

describe('refusals before anything is decoded', () => {
  it('an unknown row filter, a transparency chunk that does not fit the colour type, a palette on a grey image', () => {
    expect(inflatePng(info(build(1, 1, 2, Buffer.from([7, 1, 2, 3]))))).toEqual({ problem: 'is damaged (a row of pixels has an unknown filter)' });
    expect(readPng(build(1, 1, 2, Buffer.from([0, 1, 2, 3]), { extra: [chunk('tRNS', Buffer.from([0, 1]))] }))).toEqual({ problem: expect.stringMatching(/transparency chunk/) });
    expect(readPng(build(1, 1, 0, Buffer.from([0, 1]), { extra: [chunk('PLTE', Buffer.from([1, 2, 3]))] }))).toEqual({ problem: 'is damaged (a grey image with a palette)' });
  });

  it('allows the largest image the rules allow (4096 × 4096 RGBA) up to decoding', () => {
    const header = info(build(4096, 4096, 6, Buffer.alloc(10)));
    expect(inflatePng(header)).toEqual({ problem: 'has less image data than its size says' });
  });
});
