/**
 * A worker's rendering of finished models: the formats asked for, each failure kept as data.
 * Apart from resolving (render-task.ts) so that a worker that only renders models (the PDF worker
 * of a small build) loads the renderers and nothing of the parsers.
 */
import type { Lang } from '../core/types.js';
import type { DocModel } from '../model/types.js';
import { renderer, type Format } from '../render/registry.js';
import { warmUp } from '../render/warmup.js';

/** Render a model resolved by another worker. */
export interface ModelRenderRequest {
  type: 'renderModel';
  source: string;
  model: DocModel;
  formats: Format[];
}

export interface RenderedFile {
  /** The source file (or "<pack>-letter") it was made from. */
  source: string;
  lang: Lang;
  format: Format;
  bytes: Uint8Array;
  ms: number;
}

export interface RenderFailure {
  source: string;
  message: string;
  /** Set when the failure is a character the PDF font cannot draw. */
  glyph?: string;
}

export interface RenderResult {
  outputs: RenderedFile[];
  failures: RenderFailure[];
  /** The resolved models, when the request asked for them. */
  models?: Array<{ source: string; model: DocModel }>;
}

/** Loads the renderers of these formats ahead of the first document. */
export async function prepare(formats: Format[]): Promise<boolean> {
  await Promise.all(formats.map((f) => renderer(f)));
  return true;
}

/** Renders the warm-up document in one language and format, and throws the result away. */
export async function warmUpOne(format: Format, lang: Lang): Promise<boolean> {
  try {
    await warmUp(format, lang);
    return true;
  } catch {
    // A warm-up that fails costs only its time: the real documents render as they would cold.
    return false;
  }
}

export async function renderModel(model: DocModel, source: string, formats: Format[], out: RenderResult): Promise<void> {
  for (const format of formats) {
    const t0 = performance.now();
    try {
      const bytes = await (await renderer(format)).render(model);
      out.outputs.push({ source, lang: model.lang, format, bytes, ms: performance.now() - t0 });
    } catch (e) {
      const err = e as Error & { char?: string };
      out.failures.push({ source, message: `${format.toUpperCase()}: ${err.message}`, ...(err.name === 'MissingGlyphError' ? { glyph: err.char ?? '' } : {}) });
    }
  }
}

export async function handleModel(req: ModelRenderRequest): Promise<RenderResult> {
  const out: RenderResult = { outputs: [], failures: [] };
  await renderModel(req.model, req.source, req.formats, out);
  return out;
}
