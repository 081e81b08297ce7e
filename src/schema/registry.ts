/**
 * The JSON Schemas of schemas/, compiled once per process with one strict Ajv instance.
 * Schemas are trusted like code; data is not, so every string and array in them is bounded
 * (../shared/hardening.md §3) and no option that mutates or coerces data is enabled.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { packageRoot } from '../core/paths.js';
import type { DocKind } from '../core/types.js';

// Ajv is loaded only when schemas are compiled at run time (the install compiles them ahead,
// and a CLI run's main thread needs neither): it is CommonJS, so a plain require works.
const require = createRequire(import.meta.url);

export type JsonSchema = { [key: string]: unknown };

export interface SchemaRegistry {
  /** Raw schema documents by file name (e.g. "common.schema.json"). */
  readonly documents: ReadonlyMap<string, JsonSchema>;
  validateKind(kind: DocKind, data: unknown): ErrorObject[];
  validateBase(data: unknown): ErrorObject[];
  validatePack(data: unknown): ErrorObject[];
  /** A hash input: the text of every schema, so caches notice schema edits. */
  readonly fingerprint: string;
}

export const SCHEMA_FILES: Record<DocKind | 'pack', string> = {
  'service-specification': 'service-specification.schema.json',
  sop: 'sop.schema.json',
  'normative-act': 'normative-act.schema.json',
  pack: 'pack.schema.json',
};

let cached: SchemaRegistry | undefined;

/**
 * The one Ajv configuration, used at run time and by scripts/compile-data.mjs for the standalone
 * validators. Nothing that coerces or mutates data; every error, bounded by the schemas' limits.
 */
export function createAjv(code?: { source: true; esm: true; optimize: true }): Ajv2020 {
  const { Ajv2020: AjvClass } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const formats = require('ajv-formats') as { default: (ajv: Ajv2020) => Ajv2020 };
  const ajv = new AjvClass({
    strict: true,
    strictRequired: false,
    allErrors: true,
    allowUnionTypes: true,
    coerceTypes: false,
    useDefaults: false,
    removeAdditional: false,
    $data: false,
    messages: true,
    // parentSchema in errors lets messages quote the field descriptions.
    verbose: true,
    ...(code ? { code } : {}),
  });
  formats.default(ajv);
  // An annotation only: marks values that are translated, so parity checks skip them.
  ajv.addKeyword({ keyword: 'x-translated', schemaType: 'boolean' });
  return ajv;
}

export function schemaDir(): string {
  return join(packageRoot(), 'schemas');
}

interface SchemaTexts {
  texts: Map<string, string>;
  fingerprint: string;
}

let texts: SchemaTexts | undefined;

function readSchemaTexts(): SchemaTexts {
  if (texts) return texts;
  const dir = schemaDir();
  const map = new Map<string, string>();
  let fingerprint = '';
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.schema.json')) continue;
    const text = readFileSync(join(dir, name), 'utf8');
    fingerprint += `${name}\n${text}\n`;
    map.set(name, text);
  }
  texts = { texts: map, fingerprint };
  return texts;
}

/** The schemas' text, for cache keys: reading it costs far less than building the validators. */
export function schemaFingerprint(): string {
  return readSchemaTexts().fingerprint;
}

type Standalone = Record<'serviceSpecification' | 'sop' | 'normativeAct' | 'pack' | 'base', ValidateFunction> & { fingerprint: string };
let standalone: Standalone | undefined;

/**
 * Loads the validators compiled at install time (scripts/compile-schemas.mjs) when they match
 * the schemas on disk; otherwise the registry compiles at run time (a schema edited since).
 */
export async function prepareSchemas(): Promise<void> {
  if (standalone || cached) return;
  try {
    const mod = (await import(pathToFileURL(join(packageRoot(), 'dist', 'schema', 'validators.js')).href)) as Standalone;
    if (mod.fingerprint === createHash('sha256').update(readSchemaTexts().fingerprint).digest('hex')) standalone = mod;
  } catch {
    standalone = undefined;
  }
}

export function loadSchemas(): SchemaRegistry {
  if (cached) return cached;
  const { texts: sources, fingerprint } = readSchemaTexts();
  const documents = new Map<string, JsonSchema>();
  for (const [name, text] of sources) documents.set(name, JSON.parse(text) as JsonSchema);
  if (standalone) {
    const pre = standalone;
    const run = (fn: ValidateFunction, data: unknown): ErrorObject[] => (fn(data) ? [] : [...(fn.errors ?? [])]);
    const byKind: Record<DocKind, ValidateFunction> = { 'service-specification': pre.serviceSpecification, sop: pre.sop, 'normative-act': pre.normativeAct };
    cached = {
      documents,
      fingerprint,
      validateKind: (kind, data) => run(byKind[kind], data),
      validateBase: (data) => run(pre.base, data),
      validatePack: (data) => run(pre.pack, data),
    };
    return cached;
  }
  const ajv = createAjv();
  for (const [name, schema] of documents) ajv.addSchema(schema, name);

  const byFile = (file: string): ValidateFunction => {
    const schema = documents.get(file);
    if (!schema) throw new Error(`schema ${file} is missing from ${schemaDir()}`);
    const fn = ajv.getSchema(String(schema.$id));
    if (!fn) throw new Error(`schema ${file} did not compile`);
    return fn;
  };
  const validators = new Map<string, ValidateFunction>();
  const get = (file: string): ValidateFunction => {
    let fn = validators.get(file);
    if (!fn) {
      fn = byFile(file);
      validators.set(file, fn);
    }
    return fn;
  };
  const run = (fn: ValidateFunction, data: unknown): ErrorObject[] => (fn(data) ? [] : [...(fn.errors ?? [])]);

  cached = {
    documents,
    fingerprint,
    validateKind: (kind, data) => run(get(SCHEMA_FILES[kind]), data),
    validateBase: (data) => {
      let fn = validators.get('#base');
      if (!fn) {
        fn = ajv.compile({ $ref: 'https://tertip.local/schemas/common.schema.json#/$defs/base' });
        validators.set('#base', fn);
      }
      return run(fn, data);
    },
    validatePack: (data) => run(get(SCHEMA_FILES.pack), data),
  };
  return cached;
}
