/** PNG reading with bounded work, and flattening transparency onto white (core/png.ts). */
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { flattenPng, inflatePng, needsFlattening, pngChunk as chunk, readPng, type PngInfo } from '../../src/core/png.js';
import { png } from '../helpers/png.js';


/** A PNG with the given header fields and raw (filtered) scanlines. */
function build(width: number, height: number, colorType: number, raw: Buffer, options: { interlace?: number; extra?: Buffer[] } = {}): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
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
