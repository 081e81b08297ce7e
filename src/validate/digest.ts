/**
 * What one analysed file contributes to the checks that span files (duplicate ids, missing
 * languages, parity, cross-references) and to cross-document references in the build.
 * Small and plain, so workers can send it and the cache can store it as JSON.
 */
import type { Position } from '../core/diagnostics.js';
import type { Diagnostic } from '../core/diagnostics.js';
import type { DocKind, Lang, Status } from '../core/types.js';
import type { ClauseEntry, NumberedAnchor } from '../parse/numbering.js';

export interface NeutralFact {
  /** Dotted path, e.g. "indicators[2].target.value". */
  path: string;
  value: string;
  pos: Position;
}

export interface SectionEntry {
  id?: string;
  annex: boolean;
  title: string;
  pos: Position;
}

/** A figure (an image alone in its paragraph), by the section it is in, for parity. */
export interface FigureEntry {
  /** The section's place among the document's sections (0-based). */
  section: number;
  pos: Position;
}

export interface XrefEntry {
  /** The target document id, when the reference points into another document. */
  doc?: string;
  /** The anchor id, when it points at a section or clause. */
  anchor?: string;
  /** The link text as written (a template with {n}, {ord}, {title}, or empty). */
  text: string;
  pos: Position;
  /** The clause or passage the reference is written in (for parity). */
  block: string;
}

export interface NumberBlock {
  /** Structural key shared by both languages, e.g. "goals/2.3" or "staffing/p2". */
  key: string;
  /** Integers appearing in the passage, sorted (dates in words count as day, month, year). */
  numbers: number[];
  pos: Position;
}

export interface FileDigest {
  /** Project-relative path. */
  file: string;
  collection: string;
  folder: string;
  fileLang: Lang;
  /** Front-matter facts, when the front matter could be read. */
  id?: string;
  kind?: DocKind;
  lang?: Lang;
  status?: Status;
  version?: string;
  title?: string;
  shortTitle?: string;
  /** dates.updated: the newest of these dates a build's fixed timestamp (without SOURCE_DATE_EPOCH). */
  updated?: string;
  /** Whether the front matter passed its schema (parity of facts is only compared then). */
  schemaValid: boolean;
  /** Position of a field, for messages about the document as a whole (the id line). */
  idPos: Position;
  statusPos: Position;
  neutral: NeutralFact[];
  sections: SectionEntry[];
  anchors: NumberedAnchor[];
  clauses: ClauseEntry[];
  xrefs: XrefEntry[];
  numbers: NumberBlock[];
  figures: FigureEntry[];
  /**
   * Every image the file refers to, as [path, stamp of the file it names ("" when there is none)]:
   * a cached result is reused only while these stamps hold (engine/validation.ts).
   */
  images: Array<[string, string]>;
  /** Whether the body could be parsed at all (a timeout or depth failure leaves it empty). */
  bodyParsed: boolean;
}

export interface FileAnalysis {
  digest: FileDigest;
  /** Problems found in this file alone. */
  diagnostics: Diagnostic[];
}

/** A reference target as other documents see it: its id (and its number, when a build needs it). */
export type AnchorRef = Pick<NumberedAnchor, 'id'> & Partial<Pick<NumberedAnchor, 'type' | 'numbers' | 'scope'>>;

/** What the checks across documents need of a file: the digest without its bulky parity data. */
export type FileSummary = Omit<FileDigest, 'neutral' | 'numbers' | 'clauses' | 'sections' | 'anchors'> & { anchors: AnchorRef[] };

export function summarize(d: FileDigest): FileSummary {
  const { neutral: _n, numbers: _x, clauses: _c, sections: _s, anchors, ...rest } = d;
  return { ...rest, anchors: anchors.map(({ id, type, numbers, scope }) => (scope ? { id, type, numbers, scope } : { id, type, numbers })) };
}

/** The digest of a file nothing could be read from (yet): no facts, no structure. */
export function emptyDigest(location: { file: string; collection: string; folder: string; lang: Lang }): FileDigest {
  return {
    file: location.file,
    collection: location.collection,
    folder: location.folder,
    fileLang: location.lang,
    schemaValid: false,
    idPos: { line: 1, column: 1 },
    statusPos: { line: 1, column: 1 },
    neutral: [],
    sections: [],
    anchors: [],
    clauses: [],
    xrefs: [],
    numbers: [],
    figures: [],
    images: [],
    bodyParsed: false,
  };
}
