/**
 * Front matter: split, then parse as strict YAML 1.2 with positions.
 *
 * gray-matter does the split (design card), but only after we have checked the delimiters
 * ourselves and with every code-running engine replaced by a refusal: gray-matter picks an
 * engine from the text after the opening `---` and its JavaScript engine calls eval
 * (../shared/hardening.md §1). The YAML itself is parsed by `yaml` with anchors, aliases,
 * tags and merge keys refused, so no value is computed and none can blow up when walked.
 */
import matter from 'gray-matter';
import type { Document, LineCounter } from 'yaml';
import { diag, type Diagnostic } from '../core/diagnostics.js';
import { truncate } from '../core/text.js';
import { parseStrictYaml, type StrictYaml } from './yaml.js';

export { parseStrictYaml, type StrictYaml };

export const MAX_FRONT_MATTER_BYTES = 256 * 1024;

export interface FrontMatter {
  /** The parsed data; undefined when the YAML could not be parsed. */
  data?: unknown;
  /** The YAML document with node ranges, for mapping data paths back to positions. */
  doc?: Document.Parsed;
  lines?: LineCounter;
  /** 0-based offset of the first character of the body (after the closing `---` line). */
  bodyOffset: number;
  /** 1-based line on which the body starts. */
  bodyLine: number;
  diagnostics: Diagnostic[];
}

const refuse = (): never => {
  throw new Error('front-matter engines other than YAML are refused');
};

export function parseFrontMatter(text: string, file: string): FrontMatter {
  const diagnostics: Diagnostic[] = [];
  const none = (): FrontMatter => ({ bodyOffset: 0, bodyLine: 1, diagnostics });
  const firstLineEnd = text.indexOf('\n');
  const firstLine = firstLineEnd < 0 ? text : text.slice(0, firstLineEnd);

  if (!firstLine.startsWith('---')) {
    diagnostics.push(diag('fm-missing', file, { line: 1, column: 1 }, 'The file must start with front matter: a line "---", the YAML fields (id, kind, lang, title, ...), and a closing line "---".'));
    return none();
  }
  const tag = firstLine.slice(3).trim();
  if (tag !== '') {
    diagnostics.push(
      diag('fm-language', file, { line: 1, column: 4 }, `The front matter is marked as "${truncate(tag, 30)}"; only plain YAML is accepted and nothing in a specification is ever run. Make the first line exactly "---".`),
    );
    return none();
  }
  if (firstLineEnd < 0) {
    diagnostics.push(diag('fm-unclosed', file, { line: 1, column: 1 }, 'The front matter opened here is never closed: add a line "---" after the last field.'));
    return none();
  }
  const close = /^---[ \t]*$/m;
  close.lastIndex = 0;
  const rest = text.slice(firstLineEnd + 1);
  const match = close.exec(rest);
  if (!match) {
    diagnostics.push(diag('fm-unclosed', file, { line: 1, column: 1 }, 'The front matter opened here is never closed: add a line "---" after the last field.'));
    return none();
  }
  const closeStart = firstLineEnd + 1 + match.index;
  const closeEnd = closeStart + match[0].length;
  const bodyOffset = text.charCodeAt(closeEnd) === 10 ? closeEnd + 1 : closeEnd;
  const bodyLine = countLines(text, bodyOffset);
  const yamlSource = text.slice(0, closeStart);

  if (yamlSource.length > MAX_FRONT_MATTER_BYTES) {
    diagnostics.push(diag('fm-too-large', file, { line: 1, column: 1 }, `The front matter is ${Math.round(yamlSource.length / 1024)} KiB; at most 256 KiB is allowed. Move long texts into the body.`));
    return { bodyOffset, bodyLine, diagnostics };
  }
  let doc: Document.Parsed | undefined;
  let yamlResult: StrictYaml | undefined;
  const parseYaml = (): Record<string, unknown> => {
    // Parse the file's own prefix (it starts with the `---` document marker), so every node
    // range is an offset into the file and positions need no shifting.
    yamlResult = parseStrictYaml(yamlSource, file);
    doc = yamlResult.doc;
    return {};
  };
  try {
    // An options object also disables gray-matter's cache, which hides errors on a second read.
    matter(text, {
      engines: {
        yaml: { parse: parseYaml, stringify: refuse },
        javascript: { parse: refuse, stringify: refuse },
        js: { parse: refuse, stringify: refuse },
        json: { parse: refuse, stringify: refuse },
        coffee: { parse: refuse, stringify: refuse },
        coffeescript: { parse: refuse, stringify: refuse },
      },
    } as unknown as Parameters<typeof matter>[1]);
  } catch {
    diagnostics.push(diag('fm-language', file, { line: 1, column: 4 }, 'The front matter could not be read as YAML.'));
    return { bodyOffset, bodyLine, diagnostics };
  }
  // gray-matter treats an empty front matter as "no data" without calling the engine.
  if (!yamlResult) parseYaml();
  const y = yamlResult as unknown as StrictYaml;
  void doc;
  diagnostics.push(...y.diagnostics);
  const result: FrontMatter = { bodyOffset, bodyLine, diagnostics };
  if (y.doc) result.doc = y.doc;
  if (y.lines) result.lines = y.lines;
  if (y.data !== undefined) result.data = y.data;
  return result;
}


function countLines(text: string, end: number): number {
  let n = 1;
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}
