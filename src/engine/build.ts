/**
 * The build: validate (refuse on any error, leaving out/ as it was) → resolve and render every
 * (document, language, format) the selected packs need, on the workers that parsed them →
 * covering letters → stage each pack with its manifest and validation report → zip → publish.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { diag, type Diagnostic } from '../core/diagnostics.js';
import { UsageError } from '../core/errors.js';
import type { Lang, Status } from '../core/types.js';
import { fileEntry, manifestJson, type Manifest, type ManifestFile } from '../pack/manifest.js';
import { createStaging, publish, removeStale, writeAllDurable, type StagedFile } from '../pack/staging.js';
import { zipEntries, type ZipEntry } from '../core/zip.js';
import type { Format } from '../render/registry.js';
import type { EnclosedDocument } from '../resolve/letter.js';
import type { FileDigest, FileSummary } from '../validate/digest.js';
import type { PackDefinition } from '../validate/pack.js';
import type { WorkerPool } from './pool.js';
import type { IndexEntries, LetterRequest, ModelRenderRequest, RenderedFile, RenderRequest, RenderResult } from './render-task.js';
import { PDF_WORKER, splitByFormat } from './start.js';
import { runValidation, type ValidationResult } from './validation.js';
import type { PrepareRequest, WarmUpRequest } from './worker.js';

export interface BuildOptions {
  projectRoot: string;
  outDir?: string;
  packs?: string[];
  langs?: Lang[];
  formats?: Format[];
  jobs?: number;
  /** SOURCE_DATE_EPOCH, seconds since 1970, if set. */
  sourceDateEpoch?: string;
  toolVersion: string;
  /** The validation report as it goes into each pack (the CLI's JSON reporter). */
  report: (v: ValidationResult) => string;
  onProgress?: (line: string) => void;
  /** Workers already started (engine/start.ts), used instead of starting new ones. */
  pool?: WorkerPool;
}

export interface BuiltPack {
  id: string;
  dir: string;
  zip: string;
  files: number;
}

export interface BuildResult {
  validation: ValidationResult;
  /** Problems found while rendering (a glyph the font lacks, a renderer failure). */
  renderDiagnostics: Diagnostic[];
  packs: BuiltPack[];
  timings: { validateMs: number; renderMs: number; totalMs: number; perFileMs: Record<Format, number[]> };
}

/** Rendering a long document on a busy machine can take seconds; parsing must not, so budgets differ. */
const RENDER_TIMEOUT_MS = 120_000;

const ALL_PACK: Omit<PackDefinition, 'documents' | 'file'> = {
  id: 'all',
  title: { tk: 'Ähli resminamalar', ru: 'Все документы' },
  languages: ['tk', 'ru'],
  formats: ['docx', 'pdf'],
};

export async function runBuild(options: BuildOptions): Promise<BuildResult> {
  const t0 = performance.now();
  const root = resolve(options.projectRoot);
  const outDir = resolve(root, options.outDir ?? 'out');
  removeStale(outDir);
  const formats = options.formats ?? (['docx', 'pdf'] as Format[]);
  const split = splitByFormat(root, formats, options.jobs);
  const validation = await runValidation({
    projectRoot: root,
    keepPool: true,
    analyseOnFirst: split,
    ...(options.pool ? { pool: options.pool } : {}),
    // Loading renderers, and rendering the warm-up document, get a render's time budget: a worker
    // stopped for overrunning the parse budget while it loads modules could hang Node (pool.ts).
    afterAnalysis: {
      timeoutMs: RENDER_TIMEOUT_MS,
      messages: (worker): Array<PrepareRequest | WarmUpRequest> =>
        !split
          ? [{ type: 'prepare', formats, resolves: true }]
          : worker === PDF_WORKER
            ? // One task per warm-up render, so that a refused build drops those not yet begun.
              [{ type: 'prepare', formats: ['pdf'] }, ...LANGS.map((lang): WarmUpRequest => ({ type: 'warmUp', format: 'pdf', lang }))]
            : // The models go first, the other formats' renderers load after them.
              [{ type: 'prepare', formats: [], resolves: true }],
    },
    ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
  });
  const tValidated = performance.now();
  const result: BuildResult = { validation, renderDiagnostics: [], packs: [], timings: { validateMs: tValidated - t0, renderMs: 0, totalMs: 0, perFileMs: { docx: [], pdf: [] } } };
  const pool = validation.pool as WorkerPool;
  try {
    if (validation.summary.errors > 0) return result;
    const packs = selectPacks(validation, options);
    const digests = validation.summaries as FileDigest[];
    const buildDate = buildDateOf(options.sourceDateEpoch, digests, packs);
    // Not awaited here: each worker takes its messages in order, so a worker reads the index
    // before the renders queued after it, and one that steals a render has read its own index
    // first; a worker finished with its analyses starts rendering without waiting for the others.
    const byFormat = split && pool.size > PDF_WORKER;
    // Split by format, only worker 0 resolves (the PDF worker renders models and needs no index).
    const indexed = broadcastIndex(pool, digests, byFormat ? [0] : undefined);

    // Every (document, language) once, with the union of the formats its packs want.
    const needed = new Map<string, { langs: Set<Lang>; formats: Set<Format> }>();
    for (const p of packs) {
      for (const id of p.documents) {
        const e = needed.get(id) ?? { langs: new Set<Lang>(), formats: new Set<Format>() };
        for (const l of narrow(p.languages, options.langs)) e.langs.add(l);
        for (const f of narrow(p.formats, options.formats)) e.formats.add(f);
        needed.set(id, e);
      }
    }
    const byDoc = new Map<string, FileDigest[]>();
    for (const d of digests) byDoc.set(d.folder, [...(byDoc.get(d.folder) ?? []), d]);
    const specsDir = join(root, 'specs');
    const absolute = new Map(validation.discovery.specs.map((s) => [s.file, s.absolute]));
    const outputs = new Map<string, RenderedFile>();
    let done = 0;
    // One task per language file, on the worker that parsed it (split by format: its model there,
    // its PDF on the PDF worker); a document's line of progress is printed when its last file is done.
    const tasks = [...needed].flatMap(([id, want]) => {
      const files = (byDoc.get(id) ?? []).filter((d) => want.langs.has(d.fileLang));
      const formats = [...want.formats].sort();
      const started = performance.now();
      let left = files.length;
      return files.map(async (d) => {
        const req: RenderRequest = {
          type: 'render',
          files: [{ location: { file: d.file, collection: d.collection, folder: d.folder, lang: d.fileLang }, absolute: absolute.get(d.file) as string }],
          formats,
          buildDate,
          specsDir,
        };
        if (byFormat) await renderByFormat(pool, req, outputs, result);
        else collect(await pool.run<RenderResult>(req, validation.placement.get(d.file), RENDER_TIMEOUT_MS, { stealable: true }), outputs, result);
        if (--left > 0) return;
        done++;
        options.onProgress?.(
          `[${String(done).padStart(String(needed.size).length)}/${needed.size}] ${d.collection}/${id}  ${files.map((f) => f.fileLang).join(' ')}  ${formats.join(' ')}  ${Math.round(performance.now() - started)} ms`,
        );
      });
    });
    await Promise.all([indexed, ...tasks]);

    // Covering letters need every document's title and file names, so they come last.
    const letters = packs.flatMap((p) =>
      p.letter
        ? narrow(p.languages, options.langs).map(async (lang) => {
            const req: LetterRequest = { type: 'letter', pack: p, lang, documents: enclosed(p, lang, digests, narrow(p.formats, options.formats)), formats: narrow(p.formats, options.formats), buildDate };
            const r = await pool.run<RenderResult>(req, byFormat ? 0 : undefined, RENDER_TIMEOUT_MS);
            collect(r, outputs, result, p.id);
          })
        : [],
    );
    await Promise.all(letters);
    result.timings.renderMs = performance.now() - tValidated;
    if (result.renderDiagnostics.length > 0) return result;

    const staging = createStaging(outDir);
    const staged: BuiltPack[] = [];
    const writes: StagedFile[] = [];
    for (const p of packs) staged.push(stagePack(p, staging, outputs, digests, options, buildDate, validation, writes));
    await writeAllDurable(writes);
    for (const p of staged) {
      publish(join(staging, p.id), p.dir);
      publish(join(staging, `${p.id}.zip`), p.zip);
    }
    rmSync(staging, { recursive: true, force: true });
    result.packs = staged;
    return result;
  } finally {
    result.timings.totalMs = performance.now() - t0;
    pool?.release();
  }
}

const LANGS: readonly Lang[] = ['tk', 'ru'];

/**
 * One file of a build split by format: its model from the worker that parsed it, then the PDF on
 * the PDF worker and the other formats back on the first, side by side.
 */
async function renderByFormat(pool: WorkerPool, req: RenderRequest, outputs: Map<string, RenderedFile>, result: BuildResult): Promise<void> {
  const resolved = await pool.run<RenderResult>({ ...req, formats: [], returnModels: true }, 0, RENDER_TIMEOUT_MS, { stealable: false });
  collect(resolved, outputs, result);
  const others = req.formats.filter((f) => f !== 'pdf');
  const renders = (resolved.models ?? []).flatMap(({ source, model }) => {
    const parts: Array<[Format[], number]> = [];
    if (req.formats.includes('pdf')) parts.push([['pdf'], PDF_WORKER]);
    if (others.length > 0) parts.push([others, 0]);
    return parts.map(([formats, worker]) => pool.run<RenderResult>({ type: 'renderModel', source, model, formats } satisfies ModelRenderRequest, worker, RENDER_TIMEOUT_MS, { stealable: false }));
  });
  for (const r of await Promise.all(renders)) collect(r, outputs, result);
}

function narrow<T>(available: readonly T[], wanted: readonly T[] | undefined): T[] {
  return wanted ? available.filter((x) => wanted.includes(x)) : [...available];
}

function selectPacks(validation: ValidationResult, options: BuildOptions): PackDefinition[] {
  const defined = validation.packs;
  const all: PackDefinition[] = defined.length
    ? defined
    : [{ ...ALL_PACK, file: '', documents: [...new Set(validation.summaries.map((s) => s.folder))].sort() } as PackDefinition];
  if (!options.packs?.length) return all;
  const byId = new Map(all.map((p) => [p.id, p]));
  return options.packs.map((name) => {
    const p = byId.get(name);
    if (!p) throw new UsageError(`There is no pack "${name}"; packs: ${[...byId.keys()].join(', ')}.`);
    return p;
  });
}

/** SOURCE_DATE_EPOCH when set; otherwise the newest "updated" date of the documents, so rebuilding the same sources gives the same bytes. */
function buildDateOf(epoch: string | undefined, digests: FileDigest[], packs: PackDefinition[]): string {
  if (epoch !== undefined && epoch !== '') {
    const n = Number(epoch);
    if (!Number.isInteger(n) || n < 315532800) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds after 1980, not "${epoch}".`);
    return new Date(n * 1000).toISOString().slice(0, 10);
  }
  const ids = new Set(packs.flatMap((p) => p.documents));
  const dates = digests.filter((d) => ids.has(d.folder) && d.updated).map((d) => d.updated as string);
  for (const p of packs) if (p.letter) dates.push(p.letter.date);
  return dates.sort().pop() ?? '2026-01-01';
}

async function broadcastIndex(pool: WorkerPool, digests: FileDigest[], workers?: number[]): Promise<void> {
  const entries = new Map<string, IndexEntries[number][1]>();
  for (const d of digests) {
    const e = entries.get(d.folder) ?? { kind: d.kind ?? 'service-specification', titles: {}, anchors: [] };
    if (d.title) e.titles[d.fileLang] = d.title;
    // Numbers are language-neutral (parity is checked); the Turkmen file's are authoritative.
    if (d.fileLang === 'tk' || e.anchors.length === 0) e.anchors = d.anchors.map(({ id, type, numbers, scope }) => (scope ? { id, type, numbers, scope } : { id, type, numbers }));
    entries.set(d.folder, e);
  }
  const message = { type: 'index', entries: [...entries] };
  await Promise.all((workers ?? Array.from({ length: pool.size }, (_, i) => i)).map((i) => pool.run(message, i, RENDER_TIMEOUT_MS)));
}

function key(source: string, lang: Lang, format: Format): string {
  return `${source}\0${lang}\0${format}`;
}

function collect(r: RenderResult, outputs: Map<string, RenderedFile>, result: BuildResult, letterOf?: string): void {
  for (const o of r.outputs) {
    outputs.set(key(letterOf ? `${letterOf}-letter` : o.source, o.lang, o.format), o);
    if (!letterOf) result.timings.perFileMs[o.format].push(o.ms);
  }
  for (const f of r.failures) {
    result.renderDiagnostics.push(
      diag(f.glyph !== undefined ? 'render-glyph' : 'internal-error', f.source.endsWith('-letter') ? `specs/packs/${f.source.replace(/-letter$/, '')}.yaml` : f.source, { line: 1, column: 1 }, f.message),
    );
  }
}

function fileName(id: string, format: Format): string {
  return `${id}.${format}`;
}

function enclosed(p: PackDefinition, lang: Lang, digests: FileDigest[], formats: Format[]): EnclosedDocument[] {
  return p.documents.map((id) => {
    const d = digests.find((x) => x.folder === id && x.fileLang === lang) ?? digests.find((x) => x.folder === id);
    return { id, title: d?.title ?? id, version: d?.version ?? '', status: d?.status ?? 'draft', files: formats.map((f) => fileName(id, f)) };
  });
}

/** Lays out one pack in the staging folder: the files to write go to `writes`. */
function stagePack(
  p: PackDefinition,
  staging: string,
  outputs: Map<string, RenderedFile>,
  digests: FileDigest[],
  options: BuildOptions,
  buildDate: string,
  validation: ValidationResult,
  writes: StagedFile[],
): BuiltPack {
  // The manifest names the exact source of every file, so a file can be traced to its commit.
  const root = resolve(options.projectRoot);
  const sources = new Map<string, { path: string; sha256: string }>();
  for (const f of [...digests.map((d) => d.file), p.file].filter(Boolean)) {
    try {
      sources.set(f, { path: f, sha256: createHash('sha256').update(readFileSync(join(root, f))).digest('hex') });
    } catch {
      // A source that vanished since validation is not recorded.
    }
  }
  const dir = join(staging, p.id);
  const files: ManifestFile[] = [];
  const zip: ZipEntry[] = [];
  const put = (rel: string, bytes: Uint8Array, meta: Omit<ManifestFile, 'path' | 'sha256' | 'bytes' | 'format'>): void => {
    writes.push({ path: join(dir, rel), data: bytes });
    files.push(fileEntry(rel, bytes, meta));
    zip.push({ path: `${p.id}/${rel}`, bytes });
  };
  const langs = narrow(p.languages, options.langs);
  const formats = narrow(p.formats, options.formats);
  for (const lang of langs) {
    for (const id of p.documents) {
      const d = digests.find((x) => x.folder === id && x.fileLang === lang);
      if (!d) continue;
      for (const format of formats) {
        const o = outputs.get(key(d.file, lang, format));
        if (o) put(`${lang}/${fileName(id, format)}`, o.bytes, { document: id, version: d.version ?? null, lang, status: (d.status ?? null) as Status | null, source: sources.get(d.file) ?? null });
      }
    }
    for (const format of formats) {
      const o = outputs.get(key(`${p.id}-letter`, lang, format));
      if (o) put(`${lang}/covering-letter.${format}`, o.bytes, { document: null, version: null, lang, status: null, source: sources.get(p.file) ?? null });
    }
  }
  put('validation.json', Buffer.from(options.report(validation)), { document: null, version: null, lang: null, status: null, source: null });
  const manifest: Manifest = { version: 1, pack: p.id, title: p.title, buildDate, tool: { name: 'tertip', version: options.toolVersion }, files };
  const manifestBytes = Buffer.from(manifestJson(manifest));
  writes.push({ path: join(dir, 'manifest.json'), data: manifestBytes });
  zip.push({ path: `${p.id}/manifest.json`, bytes: manifestBytes });
  const outDir = resolve(options.projectRoot, options.outDir ?? 'out');
  const mtime = new Date(`${buildDate}T00:00:00Z`);
  writes.push({ path: join(staging, `${p.id}.zip`), data: zipEntries(zip, mtime) });
  return { id: p.id, dir: join(outDir, p.id), zip: join(outDir, `${p.id}.zip`), files: files.length + 1 };
}

export type { FileSummary };
