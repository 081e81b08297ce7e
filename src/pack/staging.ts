/**
 * All-or-nothing output: everything is written into a staging folder inside the output folder
 * (the same file system, so renames are atomic), synced, and only then moved into place. An
 * interrupted build leaves at most a stray staging folder, which the next build removes
 * (../shared/hardening.md §8.1).
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
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

export interface StagedFile {
  path: string;
  data: Uint8Array;
}

/** Files in flight at once: enough to keep the disk's queue full, few enough for any ulimit. */
const WRITE_CONCURRENCY = 8;

/**
 * Writes and flushes many files, several at a time: a pack is hundreds of files, and syncing them
 * one after another kept the build waiting on the disk for each (~0.7 ms a file here).
 */
export async function writeAllDurable(files: readonly StagedFile[]): Promise<void> {
  for (const dir of new Set(files.map((f) => dirname(f.path)))) mkdirSync(dir, { recursive: true });
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const file = files[next++] as StagedFile;
      const handle = await open(file.path, 'w');
      try {
        await handle.writeFile(file.data);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(WRITE_CONCURRENCY, files.length) }, worker));
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
