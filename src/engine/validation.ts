/**
 * The validate pipeline over a project: discover → (cache | analyse in workers) → checks
 * across documents → diagnostics. The build runs the same, keeping its workers for rendering.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compareDiagnostics, countBySeverity, diag, type Diagnostic } from '../core/diagnostics.js';
import { UsageError } from '../core/errors.js';
import { isInside, packageRoot, toProjectPath } from '../core/paths.js';
import { discover, type Discovery } from '../load/discover.js';
import { sha256 } from '../load/read.js';
import { prepareSchemas, schemaFingerprint } from '../schema/registry.js';
import { structureFingerprint } from '../schema/structure.js';
import { checkDocuments, checkParity, groupDocuments } from '../validate/corpus.js';
import { emptyDigest, summarize, type FileAnalysis, type FileDigest, type FileSummary } from '../validate/digest.js';
import { checkPacks, type PackDefinition } from '../validate/pack.js';
import { imageStamp } from '../validate/images.js';
import { AnalysisCache, codeFingerprint, type StatStamp } from './cache.js';
import { TaskFailure, type WorkerPool } from './pool.js';
import { buildWorkers, DEFAULT_TIMEOUT_MS, defaultJobs, startWorkers, validationWorkers } from './start.js';
import type { AnalyzeRequest, WorkerOptions } from './worker.js';

export interface ValidateOptions {
  projectRoot: string;
  /** Files or folders to report on; every spec is still read, so references and parity resolve. */
  paths?: string[];
  /** Worker threads (default: available cores, at most 8). */
  jobs?: number;
  cache?: boolean;
  /** Milliseconds one file may take to analyse. */
  timeoutMs?: number;
  /** Keep the pool open and the parsed files in it (the build renders with them). */
  keepPool?: boolean;
  /**
   * The messages worker `i` gets after its last file (a build has the workers load the renderers
   * while the main thread checks the corpus, instead of after it), and the time each may take.
   */
  afterAnalysis?: { messages: (worker: number) => unknown[]; timeoutMs: number };
  /** Parse every file on the first worker (a small build keeps the other for rendering PDFs). */
  analyseOnFirst?: boolean;
  /** Workers already started (startWorkers), used instead of starting new ones. */
  pool?: WorkerPool;
  /** Called once per analysed file (progress on a terminal). */
  onFile?: (file: string) => void;
  /**
   * Analyse in this thread instead of workers: no time budget, so only for trusted input
   * (the library's own tests of rules); the CLI always uses workers.
   */
  inProcess?: boolean;
}

export interface ValidationResult {
  diagnostics: Diagnostic[];
  summaries: FileSummary[];
  packs: PackDefinition[];
  discovery: Discovery;
  summary: { documents: number; files: number; errors: number; warnings: number };
  /** Which worker holds each file's parse (for the build's render phase). */
  placement: Map<string, number>;
  pool?: WorkerPool;
}

let saltCache: string | undefined;

function salt(): string {
  saltCache ??= sha256(
    [readFileSync(join(packageRoot(), 'package.json'), 'utf8'), schemaFingerprint(), structureFingerprint(), codeFingerprint(join(packageRoot(), 'dist'))].join('\n'),
  );
  return saltCache;
}

export async function runValidation(options: ValidateOptions): Promise<ValidationResult> {
  const root = resolve(options.projectRoot);
  if (!existsSync(join(root, 'specs'))) throw new UsageError(`There is no specs/ folder in ${root}; run tertip in the project folder.`);
  const selection = selectionFilter(root, options.paths ?? []);
  // A worker boots (imports the parsers, loads the validators) while this thread reads and
  // hashes the files: after a one-file edit that start-up is most of the wait.
  // The command may have started it already, before loading this module (cli.ts).
  let pool: WorkerPool | undefined = options.inProcess ? undefined : (options.pool ?? startWorkers(root));
  if (options.inProcess) options.pool?.release();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const discovery = discover(root);
  const specsDir = join(root, 'specs');
  const cache = AnalysisCache.open(root, salt(), options.cache !== false);

  // Read and hash every file; only changed files go to the workers.
  const summaries: FileSummary[] = [];
  const fileDiagnostics: Diagnostic[] = [...discovery.diagnostics];
  const keys = new Map<string, string>();
  const todo: Array<(typeof discovery.specs)[number]> = [];
  const stamps = new Map<string, StatStamp>();
  for (const spec of discovery.specs) {
    let key: string | undefined;
    try {
      const st = statSync(spec.absolute);
      const stamp: StatStamp = [st.size, st.mtimeMs, st.ino];
      stamps.set(spec.file, stamp);
      key = cache.keyByStat(spec.file, stamp);
      if (!key) {
        const content = st.size > 8 * 1024 * 1024 ? Buffer.from(`size:${st.size}`) : readFileSync(spec.absolute);
        key = cache.fileKey(spec.file, sha256(content));
      }
    } catch {
      fileDiagnostics.push(diag('file-read', spec.file, { line: 1, column: 1 }, 'The file could not be read.'));
      continue;
    }
    keys.set(spec.file, key);
    const cached = options.keepPool ? undefined : cache.lookup(spec.file, key);
    // A result is stale when an image the file shows was replaced, added or removed since.
    const hit = cached && (cached.summary.images ?? []).every(([url, stamp]) => imageStamp(url, { specsDir }) === stamp) ? cached : undefined;
    if (hit) {
      summaries.push(hit.summary);
      fileDiagnostics.push(...hit.diagnostics);
    } else todo.push(spec);
  }

  const placement = new Map<string, number>();
  if (pool && todo.length === 0 && !options.keepPool) {
    pool.release();
    pool = undefined;
  }
  if (options.inProcess) {
    // Loaded only here: the main thread of a CLI run never parses Markdown itself.
    const { analyzeFile } = await import('../validate/file.js');
    await prepareSchemas();
    for (const spec of todo) {
      const { analysis } = analyzeFile(readFileSync(spec.absolute), { file: spec.file, collection: spec.collection, folder: spec.folder, lang: spec.lang }, { specsDir });
      cache.store(spec.file, keys.get(spec.file) as string, analysis.digest, analysis.diagnostics, stamps.get(spec.file));
      summaries.push(summarize(analysis.digest));
      fileDiagnostics.push(...analysis.diagnostics);
    }
  } else if (pool) {
    // A worker costs its start-up and its own JIT warm-up, and two workers slow each other down on a
    // busy two-core machine: below a few files per worker, one worker finishes first.
    const wanted = options.jobs ?? defaultJobs();
    pool.grow(
      options.keepPool ? buildWorkers(wanted, discovery.specs.length) : validationWorkers(wanted, todo.length),
      // Only the first worker parses when it parses every file.
      (slot): WorkerOptions => ({ parses: !options.analyseOnFirst || slot === 0 }),
    );
    // Files go round the workers in order, so a document's two languages are parsed (and later
    // rendered) side by side; each worker keeps what it parsed for the build's render phase.
    let next = 0;
    const analyses = Promise.all(
      todo.map(async (spec) => {
        const w = options.analyseOnFirst ? 0 : next++ % (pool as WorkerPool).size;
        placement.set(spec.file, w);
        const req: AnalyzeRequest = { type: 'analyze', location: { file: spec.file, collection: spec.collection, folder: spec.folder, lang: spec.lang }, absolute: spec.absolute, specsDir, keep: options.keepPool === true };
        let analysis: FileAnalysis;
        try {
          // A build keeps each parsed file on its worker for rendering, so its analyses stay where
          // they were placed; a plain validation lets an idle worker take over queued files.
          analysis = await (pool as WorkerPool).run<FileAnalysis>(req, w, timeoutMs, { stealable: options.keepPool !== true });
        } catch (e) {
          analysis = failedAnalysis(spec, e);
        }
        options.onFile?.(spec.file);
        return { spec, analysis };
      }),
    );
    // Queued behind each worker's files; a failure here only means the work happens later.
    const after = options.afterAnalysis;
    if (after !== undefined) for (let i = 0; i < pool.size; i++) for (const m of after.messages(i)) pool.run(m, i, after.timeoutMs).catch(() => undefined);
    const results = await analyses;
    for (const { spec, analysis } of results) {
      cache.store(spec.file, keys.get(spec.file) as string, analysis.digest, analysis.diagnostics, stamps.get(spec.file));
      summaries.push(options.keepPool ? analysis.digest : summarize(analysis.digest));
      fileDiagnostics.push(...analysis.diagnostics);
    }
    if (!options.keepPool) {
      pool.release();
      pool = undefined;
    }
  }

  summaries.sort((a, b) => (a.file < b.file ? -1 : 1));
  const corpus = checkDocuments(summaries);
  for (const g of groupDocuments(summaries)) {
    const { tk, ru } = g.files;
    if (!tk || !ru) continue;
    const pairKey = sha256(`${keys.get(tk.file)}\0${keys.get(ru.file)}`);
    let found = cache.pair(pairKey);
    if (!found) {
      const a = cache.digest(keys.get(tk.file) as string);
      const b = cache.digest(keys.get(ru.file) as string);
      found = a && b ? checkParity(a as FileDigest, b as FileDigest) : [];
      cache.storePair(pairKey, found);
    }
    corpus.push(...found);
  }
  if (discovery.packs.length > 0) await prepareSchemas();
  const packs = checkPacks(discovery.packs, summaries);
  cache.save();

  const all = [...fileDiagnostics, ...corpus, ...packs.diagnostics].filter((d) => selection(d)).sort(compareDiagnostics);
  const counts = countBySeverity(all);
  const documents = new Set(summaries.filter((s) => selection({ file: s.file })).map((s) => `${s.collection}/${s.folder}`)).size;
  const result: ValidationResult = {
    diagnostics: all,
    summaries,
    packs: packs.packs,
    discovery,
    summary: { documents, files: summaries.filter((s) => selection({ file: s.file })).length, ...counts },
    placement,
  };
  if (pool) result.pool = pool;
  return result;
}

function failedAnalysis(spec: { file: string; collection: string; folder: string; lang: 'tk' | 'ru' }, e: unknown): FileAnalysis {
  const message =
    e instanceof TaskFailure
      ? e.reason === 'timeout'
        ? 'Reading this file took too long (over the time budget): its Markdown has a pathological pattern, such as thousands of unmatched "*", "_" or "[" characters. Simplify the text.'
        : e.reason === 'memory'
          ? 'Reading this file needed too much memory: its Markdown has a pathological pattern (e.g. tens of thousands of link definitions or nested quotes). Simplify the text.'
          : `Reading this file failed: ${e.message}.`
      : `Reading this file failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}.`;
  const rule = e instanceof TaskFailure && e.reason !== 'crash' ? 'md-timeout' : 'internal-error';
  return {
    digest: emptyDigest({ file: spec.file, collection: spec.collection, folder: spec.folder, lang: spec.lang }),
    diagnostics: [diag(rule, spec.file, { line: 1, column: 1 }, message)],
  };
}

/** Which diagnostics to report: all, or those touching the given files and folders. */
function selectionFilter(root: string, paths: string[]): (d: { file: string; related?: Array<{ file: string }> }) => boolean {
  if (paths.length === 0) return () => true;
  const prefixes = paths.map((p) => {
    const abs = resolve(p);
    if (!existsSync(abs)) throw new UsageError(`The path ${p} does not exist.`);
    if (!isInside(root, abs)) throw new UsageError(`The path ${p} is outside the project ${root}.`);
    const rel = toProjectPath(root, abs);
    return statSync(abs).isDirectory() ? (rel === '' ? '' : `${rel}/`) : rel;
  });
  const match = (file: string): boolean => prefixes.some((p) => p === '' || file === p || (p.endsWith('/') && file.startsWith(p)));
  return (d) => match(d.file) || (d.related ?? []).some((r) => match(r.file));
}
