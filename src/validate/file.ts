/**
 * Everything that can be checked in one file alone: decode → front matter → schema → body.
 * Returns the diagnostics, the digest the cross-file checks need, and the parsed parts the
 * resolve stage builds the document model from.
 */
import type { Root } from 'mdast';
import { diag, type Diagnostic, type Position } from '../core/diagnostics.js';
import { isLang, isStatus, type DocKind, type Status } from '../core/types.js';
import type { SpecLocation } from '../load/discover.js';
import { decodeSpecBytes } from '../load/read.js';
import { parseFrontMatter } from '../parse/front-matter.js';
import { createLocator } from '../parse/locate.js';
import { maxDepth, parseBody } from '../parse/markdown.js';
import { buildOutline, type Outline } from '../parse/outline.js';
import { numberOutline, type NumberingResult } from '../parse/numbering.js';
import { classifyLeaves } from '../schema/neutral.js';
import { SCHEMA_FILES, loadSchemas } from '../schema/registry.js';
import { loadStructure } from '../schema/structure.js';
import { checkBody } from './body.js';
import { emptyDigest, type FileAnalysis, type FileDigest, type NeutralFact, type NumberBlock } from './digest.js';
import { describeChar, missingGlyphs } from './glyphs.js';
import { extractNumbers } from './numbers.js';
import { checkFrontMatter } from './front-matter.js';
import type { ImagePolicy } from './images.js';
import { formatPath } from './schema.js';

export const MAX_MARKDOWN_DEPTH = 32;

export type { SpecLocation };

/** The parsed parts of a valid-enough file, kept for the resolve stage. */
export interface ParsedSpec {
  location: SpecLocation;
  data: Record<string, unknown>;
  kind: DocKind;
  tree: Root;
  outline: Outline;
  numbering: NumberingResult;
}

export interface FileResult {
  analysis: FileAnalysis;
  parsed?: ParsedSpec;
}

export function analyzeFile(bytes: Uint8Array, location: SpecLocation, images: ImagePolicy): FileResult {
  const { file } = location;
  const diagnostics: Diagnostic[] = [];
  const digest: FileDigest = emptyDigest(location);
  const done = (): FileResult => ({ analysis: { digest, diagnostics } });

  const read = decodeSpecBytes(bytes, file);
  diagnostics.push(...read.diagnostics);
  if (read.text === undefined) return done();
  const text = read.text;

  const fm = parseFrontMatter(text, file);
  diagnostics.push(...fm.diagnostics);
  if (fm.bodyOffset === 0 && fm.data === undefined) return done();

  const endOfFrontMatter: Position = { line: Math.max(1, fm.bodyLine - 1), column: 1 };
  const locate = createLocator(fm.doc, fm.lines, { line: 1, column: 1 });
  const registry = loadSchemas();
  let kind: DocKind | undefined;
  let data: Record<string, unknown> | undefined;
  const frontNumbers: NumberBlock[] = [];
  if (fm.data !== undefined) {
    const check = checkFrontMatter({ ...location, fileLang: location.lang, data: fm.data, locate, endOfFrontMatter, registry });
    diagnostics.push(...check.diagnostics);
    kind = check.kind;
    digest.schemaValid = check.schemaValid;
    if (fm.data && typeof fm.data === 'object' && !Array.isArray(fm.data)) {
      data = fm.data as Record<string, unknown>;
      fillFacts(digest, data, locate.value.bind(locate));
      if (kind && check.schemaValid) {
        const leaves = classifyLeaves(registry, SCHEMA_FILES[kind], data);
        digest.neutral = leaves.neutral.map((leaf): NeutralFact => ({ path: formatPath(leaf.path), value: leaf.value, pos: locate.value(leaf.path) }));
        // Numbers inside translated front-matter texts must agree too ("within 3 days" / "в течение 3 дней").
        for (const leaf of leaves.translated) {
          for (const g of missingGlyphs(leaf.value)) {
            diagnostics.push(diag('render-glyph', file, locate.char(leaf.path, g.offset), `"${formatPath(leaf.path)}" contains the character ${describeChar(g.char)}, which cannot be printed with the PDF font; replace it.`));
          }
          const numbers = extractNumbers(leaf.value);
          if (numbers.length > 0) frontNumbers.push({ key: `front-matter/${formatPath(leaf.path)}`, numbers, pos: locate.value(leaf.path) });
        }
      }
    }
  }

  const tree = parseBody(text, fm.bodyOffset);
  const depth = maxDepth(tree, MAX_MARKDOWN_DEPTH);
  if (depth.depth > MAX_MARKDOWN_DEPTH) {
    const p = depth.node?.position?.start;
    diagnostics.push(
      diag('md-too-deep', file, p ? { line: p.line, column: p.column } : endOfFrontMatter, `Lists or quotes are nested ${MAX_MARKDOWN_DEPTH}+ levels deep here; at most ${MAX_MARKDOWN_DEPTH} are allowed.`),
    );
    return done();
  }
  digest.bodyParsed = true;
  const structures = loadStructure();
  const structure = kind ? structures[kind] : undefined;
  const outline = buildOutline(tree);
  const act = data?.act as { numbering?: string } | undefined;
  const numbering = numberOutline(outline, {
    scheme: structure?.numbering ?? 'sectioned',
    maxDepth: structure?.maxClauseDepth ?? 3,
    perChapter: act?.numbering === 'per-chapter',
  });
  const bodyResult = checkBody({ file, lang: location.lang, tree, bodyLine: fm.bodyLine, outline, numbering, images, ...(structure ? { structure } : {}) });
  diagnostics.push(...bodyResult.diagnostics);
  digest.sections = bodyResult.sections;
  digest.xrefs = bodyResult.xrefs;
  digest.figures = bodyResult.figures;
  digest.images = bodyResult.images;
  digest.numbers = [...frontNumbers, ...bodyResult.numbers];
  digest.anchors = numbering.anchors;
  digest.clauses = numbering.clauses;
  addFrontMatterDocRefs(digest, data, locate.value.bind(locate));

  if (!kind || !data) return done();
  return { analysis: { digest, diagnostics }, parsed: { location, data, kind, tree, outline, numbering } };
}

function fillFacts(digest: FileDigest, data: Record<string, unknown>, at: (path: Array<string | number>) => Position): void {
  if (typeof data.id === 'string') digest.id = data.id;
  if (typeof data.kind === 'string' && ['service-specification', 'sop', 'normative-act'].includes(data.kind)) digest.kind = data.kind as DocKind;
  if (isLang(data.lang)) digest.lang = data.lang;
  if (isStatus(data.status)) digest.status = data.status as Status;
  if (typeof data.version === 'string') digest.version = data.version;
  if (typeof data.title === 'string') digest.title = data.title;
  if (typeof data.shortTitle === 'string') digest.shortTitle = data.shortTitle;
  const dates = data.dates as { updated?: unknown } | undefined;
  if (dates && typeof dates.updated === 'string') digest.updated = dates.updated;
  digest.idPos = at(['id']);
  digest.statusPos = at(['status']);
}

/** Document ids named in the front matter (legal basis, related documents) are references too. */
function addFrontMatterDocRefs(digest: FileDigest, data: Record<string, unknown> | undefined, at: (path: Array<string | number>) => Position): void {
  if (!data) return;
  for (const field of ['legalBasis', 'related'] as const) {
    const list = data[field];
    if (!Array.isArray(list)) continue;
    list.forEach((item, i) => {
      const doc = item && typeof item === 'object' ? (item as Record<string, unknown>).doc : undefined;
      if (typeof doc === 'string') digest.xrefs.push({ doc, text: '', pos: at([field, i, 'doc']), block: `front-matter/${field}` });
    });
  }
}
