/**
 * A small pool of worker threads. Parsing untrusted Markdown can take super-linear time on
 * crafted input (../shared/hardening.md §5), and only a separate thread can be stopped in the
 * middle of a parse: each task has a time budget, a worker that overruns it or runs out of
 * memory is terminated and replaced, and the task fails with a TaskFailure instead.
 */
import { Worker } from 'node:worker_threads';

export interface PoolOptions {
  script: URL | string;
  size: number;
  /** Milliseconds a single task may run. */
  timeoutMs: number;
  /** Heap limit per worker, in MB. */
  maxHeapMb?: number;
  /** Young generation per worker, in MB (default 128: see spawn). */
  youngGenerationMb?: number;
}

export class TaskFailure extends Error {
  constructor(
    readonly reason: 'timeout' | 'memory' | 'crash',
    message: string,
  ) {
    super(message);
    this.name = 'TaskFailure';
  }
}

interface Task {
  message: unknown;
  timeoutMs: number;
  /** May run on another worker than the one it was queued on, when that one falls idle. */
  stealable: boolean;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  queue: Task[];
  current?: Task;
  timer?: NodeJS.Timeout;
  /** Called once the slot has no current task (set while the pool is closing). */
  idle?: () => void;
  /** Settles when the worker has finished starting up: its first message, or its end. */
  started: Promise<void>;
  markStarted: () => void;
}

/** How long closing waits for a worker still starting up before stopping it anyway. */
const START_WAIT_MS = 3000;

export class WorkerPool {
  private readonly slots: Slot[] = [];
  /** The data worker number `slot` starts with (a replacement gets its predecessor's); see grow. */
  private workerData?: (slot: number) => unknown;
  private closed = false;
  private closing?: Promise<void>;

  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < options.size; i++) this.slots.push(this.spawn(i));
  }

  get size(): number {
    return this.slots.length;
  }

  /**
   * Adds workers up to `size` (a pool may start small while the caller finds out how much work
   * there is); `workerData` gives each new worker's start-up data, and a replacement's from now on.
   */
  grow(size: number, workerData?: (slot: number) => unknown): void {
    if (workerData) this.workerData = workerData;
    while (!this.closed && this.slots.length < size) this.slots.push(this.spawn(this.slots.length));
  }

  /**
   * Runs a task, on the given worker (for affinity) or the least busy one, within its time budget.
   * A `stealable` task queued on a busy worker is taken by a worker that has run out of work: a
   * worker that prefers a task (it parsed the file) should not leave the other one idle.
   */
  run<T>(message: unknown, workerIndex?: number, timeoutMs = this.options.timeoutMs, options: { stealable?: boolean } = {}): Promise<T> {
    if (this.closed) return Promise.reject(new Error('pool is closed'));
    if (this.slots.length === 0) return Promise.reject(new Error('the pool has no workers'));
    const slot = workerIndex !== undefined ? (this.slots[workerIndex % this.slots.length] as Slot) : this.leastBusy();
    return new Promise<T>((resolve, reject) => {
      slot.queue.push({ message, timeoutMs, stealable: options.stealable ?? workerIndex === undefined, resolve: resolve as (v: unknown) => void, reject });
      this.pump(slot);
      for (const other of this.slots) if (other !== slot) this.pump(other);
    });
  }

  /**
   * Drops the queued tasks (they reject), lets each worker finish the task it is running, then
   * stops the workers. Terminating a worker in the middle of loading modules (a build's 'prepare'
   * task, a first render) left Node 20 either waiting in terminate() for ever or holding a handle
   * that kept the process alive after a refused build; a running task is bounded by its own budget.
   */
  close(): Promise<void> {
    // Every caller waits for the same shutdown, not only the first.
    this.closing ??= this.shutdown();
    return this.closing;
  }

  /**
   * Starts closing and returns at once. The workers are idle and unreferenced, so they keep no
   * process alive; a command that has its results need not wait the ~30 ms two take to stop.
   */
  release(): void {
    this.close().catch(() => undefined);
  }

  private async shutdown(): Promise<void> {
    this.closed = true;
    const dropped = this.slots.flatMap((s) => s.queue.splice(0));
    for (const task of dropped) task.reject(new Error('pool is closed'));
    await Promise.all(
      this.slots.map((s) =>
        s.current
          ? new Promise<void>((resolve) => {
              s.idle = resolve;
            })
          : undefined,
      ),
    );
    // Stopping a worker in the middle of loading modules left Node 20 waiting in terminate() for
    // ever (see close), and a worker started early may still be loading its parsers when a run
    // ends at once (a usage error): a caller that awaits close() lets it finish starting first.
    // The command only releases the pool and exits; Node stops the workers (tested in cli.test.ts).
    await Promise.all(this.slots.map((s) => Promise.race([s.started, new Promise<void>((resolve) => setTimeout(resolve, START_WAIT_MS).unref())])));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private leastBusy(): Slot {
    let best = this.slots[0] as Slot;
    for (const s of this.slots) {
      if (s.queue.length + (s.current ? 1 : 0) < best.queue.length + (best.current ? 1 : 0)) best = s;
    }
    return best;
  }

  private spawn(index: number): Slot {
    const worker = new Worker(this.options.script, {
      workerData: this.workerData?.(index),
      // A larger young generation than V8 gives a worker by default: parsing allocates many small
      // objects, and with the default the scavenger ran so often it cost a quarter of the time.
      // A small project's workers get less (engine/start.ts isSmallProject).
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb ?? 768, maxYoungGenerationSizeMb: this.options.youngGenerationMb ?? 128, stackSizeMb: 8 },
    });
    worker.unref();
    let markStarted = (): void => undefined;
    const started = new Promise<void>((resolve) => {
      markStarted = resolve;
    });
    const slot: Slot = { worker, queue: [], started, markStarted };
    worker.on('message', (msg: { ok: boolean; value?: unknown; error?: string; started?: true }) => {
      slot.markStarted();
      if (msg.started) return;
      const task = slot.current;
      if (!task) return;
      this.finish(slot);
      if (msg.ok) task.resolve(msg.value);
      else task.reject(new Error(msg.error ?? 'worker task failed'));
      this.pump(slot);
    });
    worker.on('error', (err: Error & { code?: string }) => {
      slot.markStarted();
      const memory = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.replace(slot, new TaskFailure(memory ? 'memory' : 'crash', memory ? 'the worker ran out of memory' : `the worker crashed: ${err.message}`));
    });
    worker.on('exit', (code) => {
      slot.markStarted();
      if (slot.current) this.replace(slot, new TaskFailure('crash', `the worker exited with code ${code}`));
    });
    return slot;
  }

  private pump(slot: Slot): void {
    if (slot.current) return;
    const task = slot.queue.shift() ?? this.steal(slot);
    if (!task) return;
    slot.current = task;
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      this.replace(slot, new TaskFailure('timeout', `the task took longer than ${task.timeoutMs} ms`));
    }, task.timeoutMs);
    slot.worker.postMessage(task.message);
  }

  /** The last stealable task of the busiest other worker's queue (the one it would reach last). */
  private steal(thief: Slot): Task | undefined {
    let victim: Slot | undefined;
    let most = 0;
    for (const s of this.slots) {
      if (s === thief) continue;
      const waiting = s.queue.reduce((n, t) => n + (t.stealable ? 1 : 0), 0);
      if (waiting > most) {
        most = waiting;
        victim = s;
      }
    }
    if (!victim) return undefined;
    for (let i = victim.queue.length - 1; i >= 0; i--) {
      if ((victim.queue[i] as Task).stealable) return victim.queue.splice(i, 1)[0];
    }
    return undefined;
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    delete slot.timer;
    delete slot.current;
    slot.worker.unref();
    const idle = slot.idle;
    delete slot.idle;
    idle?.();
  }

  /** Stops a worker that failed its task, fails the task, and carries on with a fresh worker. */
  private replace(slot: Slot, failure: TaskFailure): void {
    const task = slot.current;
    this.finish(slot);
    const old = slot.worker;
    // Stopped here, so never waited for again (a closing pool keeps this slot).
    slot.markStarted();
    old.removeAllListeners();
    old.on('error', () => undefined);
    void old.terminate();
    task?.reject(failure);
    // A closing pool stops this worker and starts no other.
    if (this.closed) return;
    const index = this.slots.indexOf(slot);
    const fresh = this.spawn(Math.max(0, index));
    fresh.queue.push(...slot.queue);
    if (index >= 0) this.slots[index] = fresh;
    this.pump(fresh);
  }
}
