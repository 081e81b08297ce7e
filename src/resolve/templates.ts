/**
 * Handlebars for the boilerplate around a document (cover, approval block, running header,
 * covering letter). Templates are trusted files in templates/; the values spliced into them
 * come from specs and are not. So values never pass through a Markdown parser: every value
 * enters the template as an opaque token, the template's Markdown is parsed, and only then are
 * the tokens replaced by the values as plain text. A title with "#", "*", "[x](y)" or "{{x}}"
 * comes out as those characters (../shared/hardening.md §4.3).
 *
 * Strict mode (a missing field is an error, not blank text in a ministry document), no prototype
 * access, no helpers but the vetted ones below.
 *
 * The templates are precompiled when the tool is installed (scripts/compile-data.mjs), so a build
 * loads only Handlebars' runtime (a third of the compiler's load time) and compiles nothing; a
 * template edited since is compiled here, from its current text, with the same options.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type Handlebars from 'handlebars';
import { packageRoot } from '../core/paths.js';
import type { Lang } from '../core/types.js';
import { templatesDir } from './labels.js';
import { formatDate, tkOrdinal } from './typography.js';

const OPEN = '\uE000';
const CLOSE = '\uE001';
const TOKEN = /\uE000(\d+)\uE001/g;

/** Values by token number, for one rendering. */
export class ValueTable {
  private readonly values: string[] = [];

  token(value: string): string {
    this.values.push(value);
    return `${OPEN}${this.values.length - 1}${CLOSE}`;
  }

  /** The text with every token replaced by its value. */
  restore(text: string): string {
    return text.replace(TOKEN, (_m, i: string) => this.values[Number(i)] ?? '');
  }

  /** The value behind an argument a helper received (a token, or a literal from the template). */
  value(arg: unknown): string {
    return typeof arg === 'string' ? this.restore(arg) : arg === null || arg === undefined ? '' : String(arg);
  }
}

/** Deep copy of the data with every string and number turned into a token (null, booleans and structure stay). */
function tokenize(data: unknown, table: ValueTable): unknown {
  if (typeof data === 'string') return data === '' ? '' : table.token(data);
  if (typeof data === 'number') return table.token(String(data));
  if (Array.isArray(data)) return data.map((d) => tokenize(d, table));
  if (data !== null && typeof data === 'object') {
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const [k, v] of Object.entries(data)) out[k] = tokenize(v, table);
    return out;
  }
  return data;
}

const HELPERS = ['dateLocative', 'datePossessive', 'dateQuoted', 'dateShort', 'upper', 'ordinal'] as const;

function helpers(table: ValueTable, lang: Lang): Record<(typeof HELPERS)[number], Handlebars.HelperDelegate> {
  const date = (form: 'locative' | 'possessive' | 'quoted' | 'short') => (iso: unknown) => table.token(formatDate(table.value(iso), lang, form));
  return {
    dateLocative: date('locative'),
    datePossessive: date('possessive'),
    dateQuoted: date('quoted'),
    dateShort: date('short'),
    // Upper case by the language's own rules: never the Turkish locale (no dotted İ in Turkmen).
    upper: (s: unknown) => table.token(table.value(s).toLocaleUpperCase(lang === 'ru' ? 'ru' : 'tk')),
    ordinal: (s: unknown) => table.token(lang === 'tk' ? tkOrdinal(table.value(s)) : table.value(s)),
  };
}

/** The compile options, here and at install time alike. */
export const COMPILE_OPTIONS: CompileOptions = {
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries(HELPERS.map((h) => [h, true])),
  noEscape: true,
  preventIndent: true,
};

type CompileOptions = Parameters<typeof Handlebars.compile>[1];

/** What compile-data.mjs writes: each template's precompiled form and the hash of the text it came from. */
export interface PrecompiledTemplates {
  templates: Record<string, { sha256: string; spec: Parameters<typeof Handlebars.template>[0] }>;
}

/** The hash that ties a precompiled template to the text it was compiled from. */
export function templateHash(source: string): string {
  return createHash('sha256').update(source).digest('hex');
}

const require = createRequire(import.meta.url);

let precompiledTable: PrecompiledTemplates['templates'] | undefined;

function precompiled(): PrecompiledTemplates['templates'] {
  if (!precompiledTable) {
    try {
      precompiledTable = (require(join(packageRoot(), 'dist', 'resolve', 'templates.compiled.cjs')) as PrecompiledTemplates).templates;
    } catch {
      // Not compiled yet: every template is compiled from its text.
      precompiledTable = {};
    }
  }
  return precompiledTable;
}

/**
 * The template function for `key` ("tk/front-cover.md.hbs") with text `source`: the precompiled
 * one when it was compiled from exactly this text, else compiled now.
 */
export function compileTemplate(key: string, source: string): { fn: Handlebars.TemplateDelegate; precompiled: boolean } {
  const ready = precompiled()[key];
  if (ready && ready.sha256 === templateHash(source)) {
    const runtime = require('handlebars/runtime') as typeof Handlebars;
    return { fn: runtime.create().template(ready.spec), precompiled: true };
  }
  const full = require('handlebars') as typeof Handlebars;
  return { fn: full.create().compile(source, COMPILE_OPTIONS), precompiled: false };
}

const compiled = new Map<string, Handlebars.TemplateDelegate>();

function template(lang: Lang, name: string): Handlebars.TemplateDelegate {
  const key = `${lang}/${name}`;
  let t = compiled.get(key);
  if (!t) {
    t = compileTemplate(key, readFileSync(join(templatesDir(), lang, name), 'utf8')).fn;
    compiled.set(key, t);
  }
  return t;
}

export interface TemplateOutput {
  /** The template's text with value tokens still in it (parse it first, then restore). */
  text: string;
  values: ValueTable;
}

/** Renders templates/<lang>/<name> with `data`. Throws with the template name on a missing field. */
export function renderTemplate(lang: Lang, name: string, data: Record<string, unknown>): TemplateOutput {
  const values = new ValueTable();
  const tokens = tokenize(data, values);
  try {
    const text = template(lang, name)(tokens, {
      helpers: helpers(values, lang),
      allowProtoPropertiesByDefault: false,
      allowProtoMethodsByDefault: false,
    });
    return { text, values };
  } catch (e) {
    throw new Error(`templates/${lang}/${name}: ${(e as Error).message}`);
  }
}

/** Renders a plain-text template (e.g. the running header): tokens are simply replaced. */
export function renderTextTemplate(lang: Lang, name: string, data: Record<string, unknown>): string {
  const { text, values } = renderTemplate(lang, name, data);
  return values.restore(text).trim();
}
