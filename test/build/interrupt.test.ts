/**
 * An interrupted build (SIGKILL: a CI timeout, an out-of-memory kill, a closed laptop) must
 * leave the published packs exactly as they were, and the next build must clean up and succeed.
 * The project is a copy of the whole specs/ tree, so a build of every pack runs long enough to
 * be caught while it renders; a build of the published pack is caught while it stages.
 */
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeCorpusProject, removeProjects, snapshot, spawnTertip, strays, tertip } from './project.js';

const SMALL_PACK = 'gbv-response';
let root = '';
let out = '';
let published: Record<string, string> = {};

beforeAll(() => {
  root = makeCorpusProject();
  out = join(root, 'out');
  const first = tertip(root, ['build', '--pack', SMALL_PACK]);
  if (first.code !== 0) throw new Error(`the first build failed (${first.code}):\n${first.stdout}${first.stderr}`);
  published = snapshot(out);
}, 120_000);
afterAll(removeProjects);

function stamp(path: string): string {
  try {
    const s = statSync(path);
    return `${s.ino}:${s.mtimeMs}`;
  } catch {
    return 'none';
  }
}

/** Entries of a snapshot that a reader of out/ sees (not the staging and swap folders). */
function visible(snap: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(snap).filter(([k]) => !k.startsWith('.staging-') && !k.startsWith('.old-')));
}

it('the first build published the pack', () => {
  expect(Object.keys(published)).toEqual(expect.arrayContaining([`${SMALL_PACK}/`, `${SMALL_PACK}.zip`, `${SMALL_PACK}/manifest.json`]));
  expect(strays(out)).toEqual([]);
});

it('SIGKILL while it renders: out/ is exactly as before', async () => {
  const cacheIndex = join(root, '.tertip-cache', 'index.json');
  const validated = stamp(cacheIndex);
  const { child, done } = spawnTertip(root, ['build']);
  // Validation ends by rewriting the analysis cache; rendering starts right after. Fall back to
  // a fixed delay should the cache ever stop being written.
  const t0 = Date.now();
  while (stamp(cacheIndex) === validated && Date.now() - t0 < 8_000 && child.exitCode === null) await sleep(20);
  await sleep(1_500);
  expect(child.exitCode, 'the build ended before it could be interrupted').toBeNull();
  child.kill('SIGKILL');
  const r = await done;
  expect(r.signal).toBe('SIGKILL');
  expect(snapshot(out)).toEqual(published);
}, 60_000);

it('SIGKILL while it writes the staging folder of a pack it replaces: the published packs are exactly as before', async () => {
  // The pack that is already published is rebuilt (same sources, same bytes), so an attempt
  // that finishes before it is caught changes nothing and is simply repeated.
  let caught = false;
  for (let attempt = 0; attempt < 4 && !caught; attempt++) {
    const { child, done } = spawnTertip(root, ['build', '--pack', SMALL_PACK]);
    const t0 = Date.now();
    while (child.exitCode === null && Date.now() - t0 < 60_000) {
      if (readdirSync(out).some((n) => n.startsWith('.staging-'))) {
        child.kill('SIGKILL');
        break;
      }
      await sleep(1);
    }
    const r = await done;
    caught = r.signal === 'SIGKILL';
    if (!caught) expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(visible(snapshot(out))).toEqual(published);
  }
  expect(caught, 'the build was never caught while staging').toBe(true);
  // What is left is at most the half-written staging folder, which no reader looks at.
  expect(strays(out).every((n) => n.startsWith('.staging-'))).toBe(true);
}, 120_000);

it('the next build removes what interrupted builds left, succeeds, and gives the same pack', () => {
  // Also a swap folder, as a build killed between its two renames would leave.
  mkdirSync(join(out, '.old-1-deadbeef', SMALL_PACK), { recursive: true });
  const r = tertip(root, ['build', '--pack', SMALL_PACK]);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  expect(strays(out)).toEqual([]);
  expect(snapshot(out)).toEqual(published);
}, 120_000);
