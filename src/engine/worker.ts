/**
 * Worker thread entry: analyses spec files (and, in a build, renders documents) on request.
 * It keeps what it parsed for the build's render phase, keyed by file, so a document is parsed
 * once per build.
 */
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { prepareSchemas } from '../schema/registry.js';
import { analyzeFile, type ParsedSpec, type SpecLocation } from '../validate/file.js';
import type { Format } from '../render/registry.js';
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
}

export type WorkerRequest = AnalyzeRequest | RenderRequest | IndexRequest | LetterRequest | PrepareRequest;

const parsed = new Map<string, ParsedSpec>();
// Compiled validators are loaded once, before the first request is served.
const ready = prepareSchemas();

export function analyzeRequest(req: AnalyzeRequest, store: Map<string, ParsedSpec>): unknown {
  const bytes = readFileSync(req.absolute);
  const result = analyzeFile(bytes, req.location, { specsDir: req.specsDir });
  if (req.keep && result.parsed) store.set(req.location.file, result.parsed);
  return result.analysis;
}

parentPort?.on('message', (req: WorkerRequest) => {
  void (async () => {
    try {
      await ready;
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
      return (await import('./render-task.js')).prepare(req.formats);
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
