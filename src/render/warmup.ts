/**
 * Warming a renderer up. A renderer's first document in a fresh worker runs cold code (interpreted,
 * without type feedback) at several times the cost of the next one: a PDF took 426 ms, and 72 ms
 * after two others. A small build gives one worker the PDFs while the other parses the sources
 * (engine/build.ts); that worker renders the warm-up document made at install time
 * (scripts/warmup/ resolved by scripts/compile-data.mjs into dist/render/warmup.json) in the time
 * it would otherwise wait. What it leaves behind besides warm code is what any earlier document
 * leaves: the shapes and hyphenation points of its words, pure data that never changes an output.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../core/paths.js';
import type { Lang } from '../core/types.js';
import type { DocModel } from '../model/types.js';
import { renderer, type Format } from './registry.js';

export function warmUpFile(): string {
  return join(packageRoot(), 'dist', 'render', 'warmup.json');
}

let models: Record<Lang, DocModel> | null | undefined;

/** Renders the warm-up document in one language and format, and throws the result away. */
export async function warmUp(format: Format, lang: Lang): Promise<void> {
  if (models === undefined) {
    const file = warmUpFile();
    // Without the compiled document (dist/ not compiled) the renders are simply cold.
    models = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<Lang, DocModel>) : null;
  }
  if (models) await (await renderer(format)).render(models[lang]);
}
