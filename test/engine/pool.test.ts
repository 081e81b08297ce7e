/** The worker pool: a task that overruns its budget fails alone, and the pool carries on. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { TaskFailure, WorkerPool } from '../../src/engine/pool.js';

const dir = mkdtempSync(join(tmpdir(), 'tertip-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const script = join(dir, 'worker.mjs');
// Replies with what it is sent; "spin" never returns, "grow" allocates until the heap limit.
writeFileSync(
  script,
  `import { parentPort, threadId } from 'node:worker_threads';
parentPort.on('message', (m) => {
  if (m === 'spin') for (;;);
  if (m === 'who') { const t = Date.now(); while (Date.now() - t < 40); parentPort.postMessage({ ok: true, value: threadId }); return; }
  if (m === 'grow') { const a = []; for (;;) a.push(new Array(1e5).fill(Math.random())); }
  parentPort.postMessage({ ok: true, value: m });
});`,
);

describe('WorkerPool', () => {
  it('fails an overrunning task with a timeout, replaces its worker and runs the next task', async () => {
    const pool = new WorkerPool({ script: pathToFileURL(script), size: 1, timeoutMs: 5000 });
    const t0 = Date.now();
    await expect(pool.run('spin', 0, 300)).rejects.toMatchObject({ name: 'TaskFailure', reason: 'timeout' });
    expect(Date.now() - t0).toBeLessThan(3000);
    await expect(pool.run('after', 0)).resolves.toBe('after');
    await pool.close();
  });

  it('fails a task that exhausts the heap limit as memory, and carries on', async () => {
    const pool = new WorkerPool({ script: pathToFileURL(script), size: 1, timeoutMs: 20_000, maxHeapMb: 64 });
    const failure = await pool.run('grow', 0).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(TaskFailure);
    expect((failure as TaskFailure).reason).toBe('memory');
    await expect(pool.run('still here', 0)).resolves.toBe('still here');
    await pool.close();
  });

  it('lets an idle worker take over stealable tasks queued on a busy one, never pinned ones', async () => {
    const pool = new WorkerPool({ script: pathToFileURL(script), size: 2, timeoutMs: 20_000 });
    const [a, b] = await Promise.all([pool.run<number>('who', 0), pool.run<number>('who', 1)]);
    expect(a).not.toBe(b);
    const stolen = await Promise.all(Array.from({ length: 8 }, () => pool.run<number>('who', 0, undefined, { stealable: true })));
    expect(new Set(stolen)).toEqual(new Set([a, b]));
    const pinned = await Promise.all(Array.from({ length: 8 }, () => pool.run<number>('who', 0)));
    expect(new Set(pinned)).toEqual(new Set([a]));
    await pool.close();
  });

  it('closing lets the running task finish, rejects the queued ones and stops the workers', async () => {
    const pool = new WorkerPool({ script: pathToFileURL(script), size: 1, timeoutMs: 20_000 });
    let finished = false;
    const running = pool.run<number>('who', 0).then((v) => {
      finished = true;
      return v;
    });
    const queued = pool.run('later', 0).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 5));
    void pool.close();
    // A second caller (the build's finally after validation closed it) waits for the same shutdown.
    await pool.close();
    expect(finished).toBe(true);
    await expect(running).resolves.toBeTypeOf('number');
    expect(await queued).toMatchObject({ message: 'pool is closed' });
    await expect(pool.run('after close', 0)).rejects.toThrow(/pool is closed/);
  });

  it('closing waits for a running task no longer than its time budget, and starts no new worker', async () => {
    const pool = new WorkerPool({ script: pathToFileURL(script), size: 1, timeoutMs: 20_000 });
    const spinning = pool.run('spin', 0, 300).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 20));
    const t0 = Date.now();
    await pool.close();
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(await spinning).toMatchObject({ name: 'TaskFailure', reason: 'timeout' });
    expect(pool.size).toBe(1);
  });
});

describe('closing a pool whose worker is still starting', () => {
  const slow = join(dir, 'slow-start.mjs');
  // Busy for 400 ms at start-up (as a worker loading its modules), then says it has started.
  writeFileSync(
    slow,
    `import { parentPort } from 'node:worker_threads';
const t = Date.now();
while (Date.now() - t < 400);
parentPort.postMessage({ started: true });
parentPort.on('message', (m) => parentPort.postMessage({ ok: true, value: m }));
`,
  );

  it('waits until it has started before stopping it, then stops it', async () => {
    const pool = new WorkerPool({ script: pathToFileURL(slow), size: 1, timeoutMs: 5000 });
    const t0 = Date.now();
    await pool.close();
    const waited = Date.now() - t0;
    expect(waited).toBeGreaterThanOrEqual(300);
    expect(waited).toBeLessThan(2900);
  });

  it('release() starts closing without waiting for it', async () => {
    const pool = new WorkerPool({ script: pathToFileURL(slow), size: 1, timeoutMs: 5000 });
    const t0 = Date.now();
    pool.release();
    expect(Date.now() - t0).toBeLessThan(100);
    await expect(pool.run('late', 0)).rejects.toThrow(/pool is closed/);
    await pool.close();
  });
});
