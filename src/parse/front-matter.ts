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
import YAML, { type Document, LineCounter } from 'yaml';
import { diag, type Diagnostic, type Position } from '../core/diagnostics.js';

export const MAX_FRONT_MATTER_BYTES = 256 * 1024;
const MAX_FLOW_DEPTH = 64;
const MAX_INDENT = 160;

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

export interface StrictYaml {
  data?: unknown;
  doc?: Document.Parsed;
  lines?: LineCounter;
  diagnostics: Diagnostic[];
}

/**
 * Parses YAML 1.2 (core schema) strictly: duplicate keys, tabs, anchors, aliases, tags, merge
 * keys and control characters are errors with positions; nothing is evaluated.
 */
export function parseStrictYaml(source: string, file: string): StrictYaml {
  const diagnostics: Diagnostic[] = [];
  const limit = checkNesting(source);
  if (limit) {
    diagnostics.push(diag('fm-syntax', file, limit.pos, limit.message));
    return { diagnostics };
  }
  const lines = new LineCounter();
  const parsed = YAML.parseDocument(source, {
    lineCounter: lines,
    schema: 'core',
    version: '1.2',
    strict: true,
    uniqueKeys: true,
    stringKeys: true,
    merge: false,
    prettyErrors: false,
  });
  const at = (offset: number): Position => {
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (parsed.directives?.yaml?.explicit) diagnostics.push(diag('fm-yaml-feature', file, { line: 1, column: 1 }, 'YAML directives (%YAML, %TAG) are not allowed.'));
  for (const e of [...parsed.errors, ...parsed.warnings]) {
    diagnostics.push(diag('fm-syntax', file, at(e.pos[0]), yamlMessage(e.code, e.message)));
  }
  if (parsed.errors.length > 0) return { diagnostics, doc: parsed, lines };

  let refused = false;
  YAML.visit(parsed, {
    Alias(_k, node) {
      refused = true;
      diagnostics.push(diag('fm-yaml-feature', file, at(node.range?.[0] ?? 0), `The alias "*${node.source}" is not allowed: write the value out in full.`));
    },
    Node(_k, node) {
      if (node.anchor) {
        refused = true;
        diagnostics.push(diag('fm-yaml-feature', file, at(Math.max(0, (node.range?.[0] ?? 1) - node.anchor.length - 2)), `The anchor "&${node.anchor}" is not allowed: write values out in full.`));
      }
      if (node.tag) {
        refused = true;
        // The node's range starts after its tag; point at the "!" the drafter typed.
        diagnostics.push(diag('fm-yaml-feature', file, at(tagStart(source, node.range?.[0] ?? 0)), `The tag "${node.tag.replace('tag:yaml.org,2002:', '!!')}" is not allowed: write plain values.`));
      }
      if (YAML.isScalar(node) && typeof node.value === 'string' && hasForbiddenCharacter(node.value)) {
        refused = true;
        diagnostics.push(diag('file-control-char', file, at(node.range?.[0] ?? 0), 'This value contains an invisible control character (written with an escape such as "\\0"); remove it.'));
      }
    },
    Pair(_k, pair) {
      if (YAML.isScalar(pair.key) && pair.key.value === '<<') {
        refused = true;
        diagnostics.push(diag('fm-yaml-feature', file, at(pair.key.range?.[0] ?? 0), 'Merge keys ("<<") are not allowed: write the fields out in full.'));
      }
    },
  });
  if (refused) return { diagnostics, doc: parsed, lines };
  try {
    return { data: parsed.toJS({ maxAliasCount: 0 }), doc: parsed, lines, diagnostics };
  } catch (e) {
    diagnostics.push(diag('fm-syntax', file, { line: 1, column: 1 }, `The YAML could not be read: ${(e as Error).message}`));
    return { diagnostics, doc: parsed, lines };
  }
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The offset of the tag token ("!!str", "!x") that precedes a node starting at `start`. */
function tagStart(source: string, start: number): number {
  let i = start - 1;
  while (i > 0 && source[i] === ' ') i--;
  while (i > 0 && !/[\s[{,]/.test(source[i - 1] as string)) i--;
  return source[i] === '!' ? i : start;
}

function hasForbiddenCharacter(s: string): boolean {
  return CONTROL.test(s);
}

/** Rejects inputs whose nesting would make the YAML parser recurse without bound. */
function checkNesting(src: string): { pos: Position; message: string } | undefined {
  let depth = 0;
  let line = 1;
  let col = 0;
  let quote: string | null = null;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i] as string;
    col++;
    if (c === '\n') {
      line++;
      col = 0;
      lineStart = true;
      indent = 0;
      if (quote === "'" || quote === '"') continue;
      continue;
    }
    if (lineStart) {
      if (c === ' ') {
        indent++;
        if (indent > MAX_INDENT) return { pos: { line, column: col }, message: `The front matter is indented more than ${MAX_INDENT} spaces deep; flatten it.` };
        continue;
      }
      lineStart = false;
    }
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#') {
      const nl = src.indexOf('\n', i);
      if (nl < 0) break;
      col += nl - i - 1;
      i = nl - 1;
    } else if (c === '[' || c === '{') {
      depth++;
      if (depth > MAX_FLOW_DEPTH) return { pos: { line, column: col }, message: `Lists or mappings are nested more than ${MAX_FLOW_DEPTH} levels deep here; flatten the front matter.` };
    } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return undefined;
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0] ?? message;
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'This field appears twice in the same mapping; keep one.';
    case 'TAB_AS_INDENT':
      return 'A tab is used for indentation; YAML needs spaces.';
    case 'TAG_RESOLVE_FAILED':
      return 'This value has a tag that is not allowed: write plain values.';
    case 'MULTIPLE_DOCS':
      return 'The front matter contains a second YAML document; remove the extra "---" or "..." line.';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return `${first.replace(/ at line \d+, column \d+.*$/, '')}. Check the indentation and quote values that contain ": " or start with a special character.`;
    default:
      return first.replace(/ at line \d+, column \d+.*$/, '');
  }
}

function countLines(text: string, end: number): number {
  let n = 1;
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}
