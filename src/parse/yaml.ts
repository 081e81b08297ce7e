/**
 * Strict YAML 1.2 (core schema) with positions, for front matter and pack files: duplicate keys,
 * tabs, anchors, aliases, tags, merge keys and control characters are errors; nothing is
 * evaluated, and nesting is bounded before the parser sees it (../shared/hardening.md §2).
 */
import YAML, { type Document, LineCounter } from 'yaml';
import { diag, type Diagnostic, type Position } from '../core/diagnostics.js';

const MAX_FLOW_DEPTH = 64;
const MAX_INDENT = 160;

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
