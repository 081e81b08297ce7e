/** Publishing a pack is all-or-nothing, even when a build is killed between two renames. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createStaging, publish, removeStale, writeAllDurable } from '../../src/pack/staging.js';

let out = '';
afterEach(() => rmSync(out, { recursive: true, force: true }));

function pack(dir: string, text: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'file.txt'), text);
}

describe('staging and publishing', () => {
  it('writes every staged file whole, many at a time, creating their folders', async () => {
    out = mkdtempSync(join(tmpdir(), 'tertip-out-'));
    const files = Array.from({ length: 40 }, (_, i) => ({ path: join(out, `d${i % 3}`, `f${i}.bin`), data: Buffer.alloc(1000 + i * 97, i) }));
    await writeAllDurable(files);
    for (const f of files) expect(readFileSync(f.path).equals(f.data)).toBe(true);
    await expect(writeAllDurable([])).resolves.toBeUndefined();
  });

  it('replaces a published pack whole, leaving no swap folder behind', async () => {
    out = mkdtempSync(join(tmpdir(), 'tertip-out-'));
    pack(join(out, 'p'), 'old');
    const staging = createStaging(out);
    await writeAllDurable([{ path: join(staging, 'p', 'file.txt'), data: Buffer.from('new') }]);
    publish(join(staging, 'p'), join(out, 'p'));
    rmSync(staging, { recursive: true });
    expect(readFileSync(join(out, 'p', 'file.txt'), 'utf8')).toBe('new');
    expect(readdirSync(out)).toEqual(['p']);
  });

  it('puts back a pack that a killed build moved aside but never replaced', () => {
    out = mkdtempSync(join(tmpdir(), 'tertip-out-'));
    // What a kill between publish()'s two renames leaves: the old pack moved aside, nothing in its place.
    pack(join(out, '.old-123-abcd~p'), 'old');
    pack(join(out, '.staging-123-abcd', 'p'), 'half');
    removeStale(out);
    expect(readdirSync(out)).toEqual(['p']);
    expect(readFileSync(join(out, 'p', 'file.txt'), 'utf8')).toBe('old');
  });

  it('drops a moved-aside copy when its pack was published', () => {
    out = mkdtempSync(join(tmpdir(), 'tertip-out-'));
    pack(join(out, '.old-123-abcd~p'), 'old');
    pack(join(out, 'p'), 'new');
    removeStale(out);
    expect(readdirSync(out)).toEqual(['p']);
    expect(readFileSync(join(out, 'p', 'file.txt'), 'utf8')).toBe('new');
    expect(existsSync(join(out, '.old-123-abcd~p'))).toBe(false);
  });
});
