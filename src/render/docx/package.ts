/**
 * Byte-identical packages (hardening.md §6.3). docx takes ids for hyperlink relationships from
 * nanoid (Math.random), stamps core.xml with the clock and zips with the current time. Here:
 * - the document is built and compiled with Math.random swapped for a seeded generator, in one
 *   synchronous stretch, so no other code can run (or draw numbers) while it is swapped;
 * - core.xml is written from the model's properties, dated `properties.date`;
 * - the parts are zipped in a fixed order ([Content_Types].xml first, then sorted) with a fixed
 *   modification time (core/zip.ts).
 */
import { Packer, type Document } from 'docx';
import { InternalError } from '../../core/errors.js';
import { zipSync } from '../../core/zip.js';
import type { DocModel } from '../../model/types.js';
import { assertXmlSafe } from './xml-safety.js';

export type PackageParts = Map<string, string | Uint8Array>;

const CONTENT_TYPES = '[Content_Types].xml';
const CORE_PATH = 'docProps/core.xml';
/** Any constant will do: equal models draw equal ids. */
const SEED = 0x7e271b;

/** mulberry32: small, fast and good enough for ids that only have to be distinct. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `fn` with a seeded Math.random. `fn` must be synchronous (see the module comment). */
export function withSeededRandom<T>(fn: () => T): T {
  const original = Math.random;
  Math.random = seededRandom(SEED);
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}

interface DocxCompiler {
  compile(file: Document): Map<string, string | Uint8Array>;
}

/**
 * docx's own compiler, which Packer uses before zipping. It is not in docx's typings, but
 * calling it keeps the whole build synchronous (Packer's API is a Promise) and spares a
 * deflate and inflate of every part before we zip them our way.
 */
function docxCompiler(): DocxCompiler {
  const compiler = (Packer as unknown as { compiler?: { compile?: unknown } }).compiler;
  if (typeof compiler?.compile !== 'function') {
    throw new InternalError('DOCX: the installed docx has no Packer.compiler.compile (docx internals changed; see render/docx/package.ts)');
  }
  return compiler as DocxCompiler;
}

export function compileParts(document: Document): PackageParts {
  return new Map(docxCompiler().compile(document));
}

// ---------------------------------------------------------------------------------------------
// Core properties
// ---------------------------------------------------------------------------------------------

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The build date as W3CDTF (UTC, whole seconds), from the model only, never the clock. */
export function buildDate(model: DocModel): Date {
  const date = new Date(model.properties.date);
  if (Number.isNaN(date.getTime())) throw new InternalError(`DOCX: properties.date "${model.properties.date}" is not an ISO 8601 date`);
  return date;
}

function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function coreXml(model: DocModel): string {
  const p = model.properties;
  const date = w3cdtf(buildDate(model));
  const element = (name: string, value: string): string => (value === '' ? '' : `<${name}>${escapeXml(value)}</${name}>`);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    element('dc:title', p.title) +
    element('dc:subject', p.subject) +
    element('dc:creator', p.author) +
    element('cp:keywords', p.keywords.join('; ')) +
    element('dc:identifier', model.id) +
    element('dc:language', p.language) +
    element('cp:category', model.kind) +
    element('cp:contentStatus', p.status) +
    element('cp:version', p.version) +
    element('cp:lastModifiedBy', p.author) +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

// ---------------------------------------------------------------------------------------------
// Zip
// ---------------------------------------------------------------------------------------------

/** [Content_Types].xml first (some readers sniff it), then by name. */
export function entryOrder(names: Iterable<string>): string[] {
  return [...names].sort((a, b) => (a === CONTENT_TYPES ? -1 : b === CONTENT_TYPES ? 1 : a < b ? -1 : a > b ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------
// Repairs
// ---------------------------------------------------------------------------------------------

const NOTE_REF_RUN = /<w:r><w:rPr><w:rStyle w:val="(?:Footnote|Endnote)Reference"\/><\/w:rPr><w:(?:footnote|endnote)Ref\/><\/w:r>/g;
const SEPARATOR_NOTE = /(<w:(footnote|endnote) w:type="(?:separator|continuationSeparator)"[^>]*>)([\s\S]*?)(<\/w:\2>)/g;

/**
 * docx 9.15 puts a note-reference mark in the separator notes too (Word's own hold only the
 * separator line), which readers may show as a stray number above the footnotes. Removed here.
 */
export function repairSeparatorNotes(xml: string): string {
  return xml.replace(SEPARATOR_NOTE, (_all, open: string, _kind: string, body: string, close: string) => open + body.replace(NOTE_REF_RUN, '') + close);
}

const NOTE_PARTS = ['word/footnotes.xml', 'word/endnotes.xml'];

/** Replaces core.xml, repairs the notes, checks every XML part once more, and zips deterministically. */
export function packParts(parts: PackageParts, model: DocModel): Uint8Array {
  parts.set(CORE_PATH, coreXml(model));
  for (const path of NOTE_PARTS) {
    const xml = parts.get(path);
    if (typeof xml === 'string') parts.set(path, repairSeparatorNotes(xml));
  }
  const entries = entryOrder(parts.keys()).map((name) => {
    const data = parts.get(name) ?? '';
    if (typeof data === 'string') assertXmlSafe(data, name);
    return { path: name, bytes: typeof data === 'string' ? Buffer.from(data, 'utf8') : data };
  });
  return zipSync(entries, buildDate(model));
}
