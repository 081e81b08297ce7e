import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32, tableCrc32, zipEntries, zipSync } from '../../src/core/zip.js';

const MTIME = new Date('2026-11-01T13:45:58Z');

describe('zip writer', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
    // The fallback for Node releases without zlib.crc32 agrees with it.
    const sample = Uint8Array.from({ length: 5000 }, (_, i) => (i * 31 + 7) & 0xff);
    expect(tableCrc32(sample)).toBe(crc32(sample));
    expect(tableCrc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('writes archives another reader extracts byte for byte, deflated and stored', () => {
    const text = Buffer.from('Türkmenistanyň Zähmet ministrligi — Министерство труда. '.repeat(500));
    const binary = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919) & 0xff);
    const zip = zipSync(
      [
        { path: '[Content_Types].xml', bytes: text },
        { path: 'tk/ýüz.bin', bytes: binary, level: 0 },
        { path: 'empty.txt', bytes: new Uint8Array() },
      ],
      MTIME,
    );
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual(['[Content_Types].xml', 'tk/ýüz.bin', 'empty.txt']);
    expect(Buffer.from(files['[Content_Types].xml'] as Uint8Array).equals(text)).toBe(true);
    expect(Buffer.from(files['tk/ýüz.bin'] as Uint8Array).equals(Buffer.from(binary))).toBe(true);
    expect((files['empty.txt'] as Uint8Array).length).toBe(0);
    expect(zip.length).toBeLessThan(text.length / 10); // the text really is deflated
  });

  it('stamps every entry with the given UTC time and flags UTF-8 names', () => {
    const zip = Buffer.from(zipSync([{ path: 'ä.txt', bytes: Buffer.from('x') }], MTIME));
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    expect(zip.readUInt16LE(6) & 0x0800).toBe(0x0800);
    const time = zip.readUInt16LE(10);
    const date = zip.readUInt16LE(12);
    expect([time >> 11, (time >> 5) & 63, (time & 31) * 2]).toEqual([13, 45, 58]);
    expect([(date >> 9) + 1980, (date >> 5) & 15, date & 31]).toEqual([2026, 11, 1]);
  });

  it('gives the same bytes for the same entries', () => {
    const entries = [{ path: 'a/b.xml', bytes: Buffer.from('<a/>'.repeat(100)) }];
    expect(Buffer.from(zipSync(entries, MTIME)).equals(Buffer.from(zipSync(entries, MTIME)))).toBe(true);
  });

  it('refuses names that could escape the folder it is extracted into, and duplicates', () => {
    for (const path of ['/etc/passwd', '../x', 'a/../../x', 'a\\b', 'a//b', '']) {
      expect(() => zipSync([{ path, bytes: new Uint8Array() }], MTIME)).toThrow(/refusing/);
    }
    expect(() => zipSync([{ path: 'a', bytes: new Uint8Array() }, { path: 'a', bytes: new Uint8Array() }], MTIME)).toThrow(/twice/);
  });

  it('sorts a pack archive by path and stores DOCX and PDF without recompressing them', () => {
    const pdf = Buffer.from('%PDF-1.7 '.repeat(200));
    const zip = Buffer.from(zipEntries([{ path: 'p/tk/a.pdf', bytes: pdf }, { path: 'p/manifest.json', bytes: Buffer.from('{}') }], MTIME));
    expect(Object.keys(unzipSync(zip))).toEqual(['p/manifest.json', 'p/tk/a.pdf']);
    // The PDF's local header says "stored" and its bytes follow the header as they are.
    const at = zip.indexOf(Buffer.from('p/tk/a.pdf')) - 30;
    expect(zip.readUInt16LE(at + 8)).toBe(0);
    expect(zip.subarray(at + 30 + 'p/tk/a.pdf'.length, at + 30 + 'p/tk/a.pdf'.length + pdf.length).equals(pdf)).toBe(true);
  });
});
