/**
 * Ajv errors → diagnostics a drafter can act on: the field named as a path, what is wrong,
 * what is allowed, at the position of the offending key or value.
 */
import type { ErrorObject } from 'ajv';
import { diag, type Diagnostic, type Position } from '../core/diagnostics.js';
import type { Locator } from '../parse/locate.js';

const MAX_ERRORS_PER_FILE = 100;

export function pointerToPath(pointer: string): Array<string | number> {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export function formatPath(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out || '(front matter)';
}

export interface SchemaContext {
  file: string;
  data: unknown;
  locate: Locator;
  /** Where to point for fields missing at the top level: the closing `---` line. */
  endOfFrontMatter: Position;
}

export function schemaDiagnostics(errors: ErrorObject[], ctx: SchemaContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const e of prune(errors)) {
    const d = toDiagnostic(e, ctx);
    if (!d) continue;
    const key = `${d.line}:${d.column}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  if (out.length > MAX_ERRORS_PER_FILE) {
    const rest = out.length - MAX_ERRORS_PER_FILE;
    out.length = MAX_ERRORS_PER_FILE;
    out.push(diag('fm-schema', ctx.file, { line: 1, column: 1 }, `… and ${rest} more front-matter problems in this file.`));
  }
  return out;
}

/** Drops errors that only repeat a more precise one (if/then wrappers, union-type noise). */
function prune(errors: ErrorObject[]): ErrorObject[] {
  return errors.filter((e) => e.keyword !== 'if' && e.keyword !== '$ref');
}

function valueAt(data: unknown, path: ReadonlyArray<string | number>): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

function describe(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping of fields';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  return String(value);
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of fields',
  null: 'null',
};

function toDiagnostic(e: ErrorObject, ctx: SchemaContext): Diagnostic | undefined {
  const path = pointerToPath(e.instancePath);
  const field = formatPath(path);
  const value = valueAt(ctx.data, path);
  const p = e.params as Record<string, unknown>;
  const at = ctx.locate.value(path);
  switch (e.keyword) {
    case 'required': {
      const missing = String(p.missingProperty);
      const where = path.length === 0 ? ctx.endOfFrontMatter : ctx.locate.key(path);
      const full = formatPath([...path, missing]);
      return diag('fm-required', ctx.file, where, `The field "${full}" is missing${path.length ? ` in "${field}"` : ''}. Add it${hint(e)}.`);
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const key = String(p.additionalProperty ?? p.unevaluatedProperty);
      const known = knownKeys(e);
      const guess = closest(key, known);
      return diag(
        'fm-unknown-field',
        ctx.file,
        ctx.locate.key([...path, key]),
        `The field "${formatPath([...path, key])}" is not known here.${guess ? ` Did you mean "${guess}"?` : ''}${known.length ? ` Known fields: ${known.join(', ')}.` : ''}`,
      );
    }
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
      if (path.length === 1 && path[0] === 'kind') return undefined;
      const guess = typeof value === 'string' ? closest(value, (p.allowedValues as unknown[]).map(String)) : undefined;
      return diag('fm-schema', ctx.file, at, `"${field}" is ${describe(value)}, which is not allowed.${guess ? ` Did you mean "${guess}"?` : ''} Allowed: ${allowed}.`);
    }
    case 'const':
      return diag('fm-schema', ctx.file, at, `"${field}" must be ${JSON.stringify(p.allowedValue)}, not ${describe(value)}.`);
    case 'type': {
      const want = String(p.type)
        .split(',')
        .map((t) => TYPE_WORDS[t] ?? t)
        .join(' or ');
      let extra = '';
      if (String(p.type).includes('string') && typeof value === 'number') extra = ` YAML read it as a number: put it in quotes, e.g. "${value}"${String(value) !== String(value) ? '' : ''}.`;
      if (String(p.type).includes('string') && value instanceof Date) extra = ' Put the date in quotes.';
      return diag('fm-schema', ctx.file, at, `"${field}" must be ${want}, but it is ${describe(value)}.${extra}`);
    }
    case 'format':
      if (p.format === 'date') return diag('fm-schema', ctx.file, at, `"${field}" must be a real calendar date written "YYYY-MM-DD" in quotes, e.g. "2026-11-23"; found ${describe(value)}.`);
      return diag('fm-schema', ctx.file, at, `"${field}" is not a valid ${String(p.format)}: ${describe(value)}.`);
    case 'pattern':
      return diag('fm-schema', ctx.file, at, `"${field}" has the wrong form: ${describe(value)}. ${schemaDescription(e) || `It must match ${String(p.pattern)}.`}`);
    case 'minItems':
      return diag('fm-schema', ctx.file, at, `"${field}" must list at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}.`);
    case 'maxItems':
      return diag('fm-schema', ctx.file, at, `"${field}" may list at most ${String(p.limit)} items.`);
    case 'minLength':
      return diag('fm-schema', ctx.file, at, `"${field}" must not be empty.`);
    case 'maxLength':
      return diag('fm-schema', ctx.file, at, `"${field}" is too long: at most ${String(p.limit)} characters.`);
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const words: Record<string, string> = { minimum: 'at least', exclusiveMinimum: 'more than', maximum: 'at most', exclusiveMaximum: 'less than' };
      return diag('fm-schema', ctx.file, at, `"${field}" must be ${words[e.keyword]} ${String(p.limit)}; it is ${describe(value)}.`);
    }
    default:
      return diag('fm-schema', ctx.file, at, `"${field}" ${e.message ?? 'is not valid'}.`);
  }
}

function schemaDescription(e: ErrorObject): string {
  const s = e.parentSchema as { description?: string } | undefined;
  return s?.description ?? '';
}

function hint(e: ErrorObject): string {
  const parent = e.parentSchema as { properties?: Record<string, { description?: string; $ref?: string }> } | undefined;
  const missing = String((e.params as Record<string, unknown>).missingProperty);
  const d = parent?.properties?.[missing]?.description;
  return d ? ` (${d.replace(/\.$/, '')})` : '';
}

function knownKeys(e: ErrorObject): string[] {
  const s = e.parentSchema as { properties?: Record<string, unknown> } | undefined;
  const keys = new Set(Object.keys(s?.properties ?? {}));
  // With `$ref` + unevaluatedProperties the base fields live in the referenced schema.
  if (e.keyword === 'unevaluatedProperties') for (const k of BASE_FIELDS) keys.add(k);
  return [...keys].sort();
}

const BASE_FIELDS = ['id', 'kind', 'lang', 'title', 'shortTitle', 'version', 'status', 'dates', 'owner', 'approval', 'legalBasis', 'related', 'basis', 'keywords', 'changeLog'];

/** The known word nearest to a typo, if it is close enough to be a likely intent. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestScore) {
      bestScore = d;
      best = c;
    }
  }
  return best !== undefined && bestScore <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j] as number;
      prev[j] = Math.min((prev[j] as number) + 1, (prev[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = tmp;
    }
  }
  return prev[b.length] as number;
}
