/**
 * All-or-nothing output: everything is written into a staging folder inside the output folder
 * (the same file system, so renames are atomic), synced, and only then moved into place. An
 * interrupted build leaves at most a stray staging folder, which the next build removes
 * (../shared/hardening.md §8.1).
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

const STAGING = '.staging-';
const OLD = '.old-';

/**
 * Cleans up after an interrupted build: staging folders are removed; a published pack that was
 * moved aside ("<name>.old-…") but never replaced is put back, so a kill between the two renames
 * of a swap cannot lose the previous pack.
 */
export function removeStale(outDir: string): void {
  if (!existsSync(outDir)) return;
  for (const name of readdirSync(outDir)) {
    const path = join(outDir, name);
    if (name.startsWith(STAGING)) rmSync(path, { recursive: true, force: true });
    else if (name.startsWith(OLD)) {
      const original = join(outDir, name.slice(name.indexOf('~') + 1));
      if (name.includes('~') && !existsSync(original)) renameSync(path, original);
      else rmSync(path, { recursive: true, force: true });
    }
  }
}

export function createStaging(outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const dir = join(outDir, `${STAGING}${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(dir);
  return dir;
}

/** Writes a file and flushes it to disk before the build goes on. */
export function writeDurable(path: string, data: Uint8Array | string): void {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'w');
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function syncDir(path: string): void {
  try {
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems cannot sync a folder; the renames below are still atomic.
  }
}

/**
 * Moves `staged` (a folder or file inside the staging folder) to `target`. A folder that exists
 * is swapped out first, because rename() onto a non-empty folder fails (ENOTEMPTY).
 */
export function publish(staged: string, target: string): void {
  syncDir(dirname(staged));
  if (existsSync(target)) {
    // The old copy's name records where it came from, for removeStale() to restore it.
    const old = join(dirname(target), `${OLD}${process.pid}-${randomBytes(4).toString('hex')}~${basename(target)}`);
    renameSync(target, old);
    renameSync(staged, target);
    rmSync(old, { recursive: true, force: true });
  } else renameSync(staged, target);
  syncDir(dirname(target));
}
