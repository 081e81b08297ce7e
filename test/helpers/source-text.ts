/**
 * The words a reader must find in the outputs of a spec file, in reading order.
 *
 * The spec is parsed with the project's own parser (analyzeFile → outline), so attribute blocks
 * ({#id}, {.annex}) are already gone. From the body we take the drafter's text: headings,
 * paragraphs, list items, table cells and footnotes. Cross-reference links (any url that is not
 * https:/mailto:) are left out, because Tertip replaces them with generated words ("2.3-nji bende
 * seret"); images and footnote markers are left out too. Numbers, labels, generated tables and
 * running heads are extra words in the output, so the checks are "the source words are a
 * subsequence of the output words" and "every source word occurs (as often) in the output".
 *
 * A word is a maximal run of letters, digits and combining marks, after NFC normalisation, with
 * soft hyphens removed and U+00A0 treated as a space. So "2.3-nji" gives "2", "3", "nji", and
 * punctuation and quotation marks (which the typography may change) never matter.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { Lang } from '../../src/core/types.js';
import { analyzeFile } from '../../src/validate/file.js';
// @ts-expect-error: a plain-JS module shared with scripts/interop-check.mjs (no type declarations).
import { alignSubsequence as sharedAlign, missingWords as sharedMissing, outlineWords, textWords as sharedTextWords } from '../../scripts/source-words.mjs';

export interface SourceText {
  /** Project-relative path of the spec ("specs/services/x/tk.md"). */
  file: string;
  lang: Lang;
  /** The front matter's title. */
  title: string;
  /** Words of the body outside footnote definitions, in source order. */
  body: string[];
  /** Words of each footnote definition, in the order the definitions are written. */
  footnotes: Array<{ label: string; words: string[] }>;
  /** body, then every footnote's words. */
  all: string[];
}

/** Splits a text into words: letters, digits and marks; everything else separates. */
export const textWords = sharedTextWords as (text: string) => string[];

/**
 * Reads a spec file and returns its reader-visible words. `absolute` must lie in a
 * specs/<collection>/<folder>/<lang>.md layout; the project root is the folder above specs/.
 */
export function sourceText(absolute: string): SourceText {
  const lang = basename(absolute, '.md');
  if (lang !== 'tk' && lang !== 'ru') throw new Error(`${absolute}: not a tk.md or ru.md file`);
  const folderDir = dirname(absolute);
  const collectionDir = dirname(folderDir);
  const specsDir = dirname(collectionDir);
  if (basename(specsDir) !== 'specs') throw new Error(`${absolute}: not inside specs/<collection>/<id>/`);
  const root = dirname(specsDir);
  const file = relative(root, absolute).split(sep).join('/');
  const location = { file, collection: basename(collectionDir), folder: basename(folderDir), lang: lang as Lang };
  const result = analyzeFile(readFileSync(absolute), location, { specsDir });
  const parsed = result.parsed;
  if (!parsed) {
    const first = result.analysis.diagnostics[0];
    throw new Error(`${file}: cannot be parsed${first ? ` (${first.rule} at ${first.line}:${first.column}: ${first.message})` : ''}`);
  }
  const { body, footnotes } = outlineWords(parsed.outline) as { body: string[]; footnotes: Array<{ label: string; words: string[] }> };
  const title = typeof parsed.data.title === 'string' ? parsed.data.title : '';
  return { file, lang: lang as Lang, title, body, footnotes, all: [...body, ...footnotes.flatMap((f) => f.words)] };
}

/** The spec file of a document in a project: specs/<collection>/<id>/<lang>.md, searched by id. */
export function specFileOf(projectRoot: string, documentId: string, lang: Lang): string {
  const specs = join(projectRoot, 'specs');
  for (const collection of ['services', 'sops', 'acts']) {
    const candidate = join(specs, collection, documentId, `${lang}.md`);
    try {
      readFileSync(candidate);
      return candidate;
    } catch {
      // not in this collection
    }
  }
  throw new Error(`no spec file for ${documentId} (${lang}) under ${specs}`);
}


export interface Alignment {
  /** How many of the expected words were found in order (= expected.length when all were). */
  reached: number;
  /** The first expected word not found in order, with the five before it; undefined when all were. */
  firstMissing?: string;
  /** The output words around the place the match stopped (what the output has instead). */
  outputNear?: string;
}

/** Greedy subsequence match of `expected` in `actual` (shared with scripts/interop-check.mjs). */
export const alignSubsequence = sharedAlign as (actual: readonly string[], expected: readonly string[]) => Alignment;

/** Source words that occur fewer times in the output than in the source, with the shortfall. */
export const missingWords = sharedMissing as (actual: readonly string[], expected: readonly string[]) => Array<{ word: string; missing: number }>;
