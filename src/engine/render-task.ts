/**
 * The build's work in a worker: resolve each language file of a document into the model, and
 * render it to every requested format; likewise the covering letters. Files parsed during
 * validation are reused; a file the worker has not seen is analysed again first.
 */
import { readFileSync } from 'node:fs';
import type { Lang } from '../core/types.js';
import type { DocModel } from '../model/types.js';
import type { Format } from '../render/registry.js';
import { buildLetter, type EnclosedDocument } from '../resolve/letter.js';
import { buildModel } from '../resolve/model.js';
import type { GlobalIndex } from '../resolve/xref.js';
import type { AnchorRef } from '../validate/digest.js';
import type { ParsedSpec, SpecLocation } from '../validate/file.js';
import type { PackDefinition } from '../validate/pack.js';
import { analyser } from './analyser.js';
import { renderModel, type RenderResult } from './render-model.js';

export type { ModelRenderRequest, RenderedFile, RenderFailure, RenderResult } from './render-model.js';

export type IndexEntries = Array<[string, { kind: string; titles: Partial<Record<Lang, string>>; anchors: AnchorRef[] }]>;

export interface IndexRequest {
  type: 'index';
  entries: IndexEntries;
}

export interface RenderRequest {
  type: 'render';
  files: Array<{ location: SpecLocation; absolute: string }>;
  formats: Format[];
  buildDate: string;
  specsDir: string;
  /** Return each file's model too, for another worker to render in other formats (a small build). */
  returnModels?: boolean;
}

export interface LetterRequest {
  type: 'letter';
  pack: PackDefinition;
  lang: Lang;
  documents: EnclosedDocument[];
  formats: Format[];
  buildDate: string;
}

let index: GlobalIndex = new Map();

export function setIndex(req: IndexRequest): boolean {
  index = new Map(req.entries.map(([id, e]) => [id, { kind: e.kind, titles: e.titles, anchors: new Map(e.anchors.map((a) => [a.id, a])) }]));
  return true;
}

export async function handleRender(req: RenderRequest, store: Map<string, ParsedSpec>): Promise<RenderResult> {
  const out: RenderResult = { outputs: [], failures: [] };
  for (const f of req.files) {
    let parsed = store.get(f.location.file);
    if (!parsed) {
      // Another worker parsed this file (this one took the task over to balance the load): parse
      // it again, and render nothing if it no longer passes validation (it changed meanwhile).
      const { analyzeFile } = await analyser();
      const r = analyzeFile(readFileSync(f.absolute), f.location, { specsDir: req.specsDir });
      if (!r.parsed || r.analysis.diagnostics.some((d) => d.severity === 'error')) {
        out.failures.push({ source: f.location.file, message: 'the file changed during the build and no longer passes validation; build again' });
        continue;
      }
      parsed = r.parsed;
    }
    let model: DocModel;
    try {
      model = buildModel(parsed, { index, buildDate: req.buildDate, specsDir: req.specsDir });
    } catch (e) {
      out.failures.push({ source: f.location.file, message: `resolving failed: ${(e as Error).message}` });
      continue;
    }
    if (req.returnModels) (out.models ??= []).push({ source: f.location.file, model });
    await renderModel(model, f.location.file, req.formats, out);
    // A rendered file is not needed again in this build; free its tree.
    store.delete(f.location.file);
  }
  return out;
}

export async function handleLetter(req: LetterRequest): Promise<RenderResult> {
  const out: RenderResult = { outputs: [], failures: [] };
  let model: DocModel;
  try {
    model = buildLetter(req.pack, req.lang, req.documents, req.buildDate);
  } catch (e) {
    out.failures.push({ source: `${req.pack.id}-letter`, message: `the covering letter failed: ${(e as Error).message}` });
    return out;
  }
  await renderModel(model, `${req.pack.id}-letter`, req.formats, out);
  return out;
}
