/**
 * Worker thread entry: analyses spec files (and, in a build, renders documents) on request.
 * It keeps what it parsed for the build's render phase, keyed by file, so a document is parsed
 * once per build.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { Lang } from '../core/types.js';
import type { Format } from '../render/registry.js';
import type { ParsedSpec, SpecLocation } from '../validate/file.js';
import { analyser } from './analyser.js';
import type { ModelRenderRequest } from './render-model.js';
import type { IndexRequest, LetterRequest, RenderRequest } from './render-task.js';

export interface AnalyzeRequest {
  type: 'analyze';
  location: SpecLocation;
  absolute: string;
  specsDir: string;
  /** Keep the parsed file for a later render request. */
  keep: boolean;
}

/** Load the build's modules and the renderers of these formats ahead of the first render. */
export interface PrepareRequest {
  type: 'prepare';
  formats: Format[];
  /** Load the resolve stage too (this worker will turn parsed files into models). */
  resolves?: boolean;
}

/** Render the warm-up document (render/warmup.ts) in one language: this worker waits for models meanwhile. */
export interface WarmUpRequest {
  type: 'warmUp';
  format: Format;
  lang: Lang;
}

/** What a worker is started with. */
export interface WorkerOptions {
  /** Load the parsers and validators at start-up, before the first file arrives (default true). */
  parses?: boolean;
}

export type WorkerRequest = AnalyzeRequest | RenderRequest | ModelRenderRequest | IndexRequest | LetterRequest | PrepareRequest | WarmUpRequest;

const parsed = new Map<string, ParsedSpec>();

// A worker that will parse loads the parsers while the main thread is still finding and hashing
// the files; one that only renders models (the PDF worker of a small build) never loads them.
// It says when it has started, so that the pool never stops it halfway through loading (pool.ts).
const starting = (workerData as WorkerOptions | undefined)?.parses !== false ? analyser() : Promise.resolve();
const started = (): void => parentPort?.postMessage({ started: true });
starting.then(started, started);

export async function analyzeRequest(req: AnalyzeRequest, store: Map<string, ParsedSpec>): Promise<unknown> {
  const { analyzeFile } = await analyser();
  const bytes = readFileSync(req.absolute);
  const result = analyzeFile(bytes, req.location, { specsDir: req.specsDir });
  if (req.keep && result.parsed) store.set(req.location.file, result.parsed);
  return result.analysis;
}

parentPort?.on('message', (req: WorkerRequest) => {
  void (async () => {
    try {
      const value = await handle(req);
      parentPort?.postMessage({ ok: true, value }, transferables(value));
    } catch (e) {
      parentPort?.postMessage({ ok: false, error: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) });
    }
  })();
});

async function handle(req: WorkerRequest): Promise<unknown> {
  switch (req.type) {
    case 'analyze':
      return analyzeRequest(req, parsed);
    // The build's modules (resolve, templates, renderers) load only when a build asks for them.
    case 'prepare':
      if (req.resolves) await import('./render-task.js');
      return (await import('./render-model.js')).prepare(req.formats);
    case 'warmUp':
      return (await import('./render-model.js')).warmUpOne(req.format, req.lang);
    case 'renderModel':
      return (await import('./render-model.js')).handleModel(req);
    case 'index':
      return (await import('./render-task.js')).setIndex(req);
    case 'render':
      return (await import('./render-task.js')).handleRender(req, parsed);
    case 'letter':
      return (await import('./render-task.js')).handleLetter(req);
  }
}

function transferables(value: unknown): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  const outputs = (value as { outputs?: Array<{ bytes?: Uint8Array }> } | undefined)?.outputs;
  if (Array.isArray(outputs)) for (const o of outputs) if (o.bytes && o.bytes.buffer instanceof ArrayBuffer) out.push(o.bytes.buffer);
  return out;
}
