/**
 * Starting the workers, and how many a run gets. Kept free of the parsers and the rules, so that
 * the command can start the first worker before it loads the rest of Tertip: a worker takes a
 * good part of a small run to boot, and it boots while the main thread loads and finds the files.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { UsageError } from '../core/errors.js';
import { packageRoot } from '../core/paths.js';
import { countDocuments } from '../load/discover.js';
import { WorkerPool } from './pool.js';
import type { Format } from '../render/registry.js';
import type { WorkerOptions } from './worker.js';

/** Milliseconds one file may take to analyse. */
export const DEFAULT_TIMEOUT_MS = 5000;

/** Files each extra worker must have to be worth starting (measured: bench/run.mjs). */
const MIN_FILES_PER_WORKER = 6;

/** Projects of at most this many documents are small (see isSmallProject). */
const SMALL_PROJECT_DOCUMENTS = 3;

/**
 * Whether the project has at most a few documents, seen with one directory listing per collection
 * before discovery. Such a project's workers get a small young generation: a worker grows its
 * young generation quickly towards the limit, and every fresh page it touches is a page fault,
 * dear on a virtual machine. With 8 MB instead of 128 MB a cold build of one bilingual document
 * made 28,000 page faults instead of 42,000 and took 12 % less time (1.33 s against 1.52 s,
 * medians of 10, alternating), while the bundled corpus took 8 % longer and a 40-document build
 * 15 % longer, where the larger space saves collections. A small build also splits its work by
 * format rather than by file (engine/build.ts).
 */
export function isSmallProject(root: string): boolean {
  return countDocuments(root, SMALL_PROJECT_DOCUMENTS + 1) <= SMALL_PROJECT_DOCUMENTS;
}

/**
 * Workers for a build of `files` files. Rendering a file costs several times parsing it, so a
 * build puts even one bilingual document's two languages side by side when it has two cores: a
 * cold build of one document took 1.38 s on one worker and 1.31 s on two (medians of 12, alternating).
 */
export function buildWorkers(wanted: number, files: number): number {
  const byLoad = Math.ceil(files / MIN_FILES_PER_WORKER);
  return Math.max(1, Math.min(wanted, Math.max(byLoad, Math.min(2, files))));
}

/** Workers for validating `files` changed files: one per six files, up to the allowed number. */
export function validationWorkers(wanted: number, files: number): number {
  return Math.max(1, Math.min(wanted, Math.ceil(files / MIN_FILES_PER_WORKER)));
}

export function defaultJobs(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

/** The worker that renders a small build's PDFs (the other parses, resolves and writes the DOCX). */
export const PDF_WORKER = 1;

/**
 * Whether to split a build's work by format rather than by file: for a small project (a few
 * documents) with two cores and PDFs to make. One worker then parses every file and resolves the
 * models, the other renders the PDFs from those models, and renders a warm-up document
 * (render/warmup.ts) while the first one parses: a renderer's first document in a fresh thread
 * costs several times the next, and by file each worker paid that for both formats. A cold build
 * of one bilingual document took 1.105 s instead of 1.195 s (medians of 12, alternating; 1.23
 * against 1.33 s in a busier hour of the same machine).
 */
export function splitByFormat(root: string, formats: readonly Format[], jobs: number | undefined): boolean {
  return formats.includes('pdf') && (jobs ?? defaultJobs()) > PDF_WORKER && isSmallProject(root);
}

/** The worker of the code now running: the bundled one for the bundled CLI (scripts/bundle.mjs), else dist/'s. */
export function workerScript(): URL {
  const bundled = fileURLToPath(import.meta.url).split(sep).join('/').includes('/dist/bundle/');
  const built = join(packageRoot(), 'dist', ...(bundled ? ['bundle'] : []), 'engine', 'worker.js');
  if (!existsSync(built)) throw new UsageError('Tertip is not compiled: run "npm install" (or "npm run compile") in the tertip folder first.');
  return pathToFileURL(built);
}

/**
 * A pool with `workers` workers booting, for a run over the project at `root`. The first always
 * parses; the others load the parsers only when given a file, since the second worker of a small
 * build renders PDFs from the first one's models (engine/build.ts). runValidation adds more.
 */
export function startWorkers(root: string, workers = 1): WorkerPool {
  const pool = new WorkerPool({ script: workerScript(), size: 0, timeoutMs: DEFAULT_TIMEOUT_MS, youngGenerationMb: isSmallProject(root) ? 8 : 128 });
  pool.grow(workers, (slot): WorkerOptions => ({ parses: slot === 0 }));
  return pool;
}
