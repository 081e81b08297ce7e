/**
 * Finds the language-neutral leaves of front-matter data: every value whose schema is not
 * marked `x-translated`. Those values (ids, numbers, dates, codes, targets) must be identical
 * in the Turkmen and Russian files; the schema is the one place that says which is which.
 */
import type { JsonSchema, SchemaRegistry } from './registry.js';

export interface NeutralLeaf {
  path: Array<string | number>;
  /** JSON text of the value, for comparison and messages. */
  value: string;
}

interface Ctx {
  registry: SchemaRegistry;
  file: string;
}

function resolveRef(ref: string, ctx: Ctx): { schema: JsonSchema; file: string } | undefined {
  const [filePart, pointer = ''] = ref.split('#');
  const file = filePart ? filePart.replace(/^.*\//, '') : ctx.file;
  let node: unknown = ctx.registry.documents.get(file);
  for (const seg of pointer.split('/').filter(Boolean)) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node && typeof node === 'object' ? { schema: node as JsonSchema, file } : undefined;
}

/** The schema node and all nodes it pulls in through $ref and allOf, with their files. */
function expand(schema: JsonSchema, ctx: Ctx, depth = 0): Array<{ schema: JsonSchema; file: string }> {
  const out = [{ schema, file: ctx.file }];
  if (depth > 20) return out;
  if (typeof schema.$ref === 'string') {
    const target = resolveRef(schema.$ref, ctx);
    if (target) out.push(...expand(target.schema, { ...ctx, file: target.file }, depth + 1));
  }
  if (Array.isArray(schema.allOf)) {
    for (const sub of schema.allOf as JsonSchema[]) out.push(...expand(sub, ctx, depth + 1));
  }
  return out;
}

function isTranslated(parts: Array<{ schema: JsonSchema }>): boolean {
  return parts.some((p) => p.schema['x-translated'] === true);
}

function childSchema(parts: Array<{ schema: JsonSchema; file: string }>, key: string | number): { schema: JsonSchema; file: string } | undefined {
  for (const p of parts) {
    if (typeof key === 'number') {
      if (p.schema.items && typeof p.schema.items === 'object') return { schema: p.schema.items as JsonSchema, file: p.file };
    } else {
      const props = p.schema.properties as Record<string, JsonSchema> | undefined;
      if (props && props[key]) return { schema: props[key] as JsonSchema, file: p.file };
    }
  }
  return undefined;
}

export function neutralLeaves(registry: SchemaRegistry, schemaFile: string, data: unknown): NeutralLeaf[] {
  return classifyLeaves(registry, schemaFile, data).neutral;
}

/** Splits the leaves of the data into language-neutral values and translated texts. */
export function classifyLeaves(registry: SchemaRegistry, schemaFile: string, data: unknown): { neutral: NeutralLeaf[]; translated: NeutralLeaf[] } {
  const root = registry.documents.get(schemaFile);
  const out: NeutralLeaf[] = [];
  const translated: NeutralLeaf[] = [];
  if (!root) return { neutral: out, translated };
  const visit = (value: unknown, schema: JsonSchema | undefined, file: string, path: Array<string | number>): void => {
    const parts = schema ? expand(schema, { registry, file }) : [];
    if (schema && isTranslated(parts)) {
      if (typeof value === 'string') translated.push({ path, value });
      return;
    }
    if (Array.isArray(value)) {
      out.push({ path, value: `[${value.length} items]` });
      value.forEach((item, i) => {
        const c = childSchema(parts, i);
        visit(item, c?.schema, c?.file ?? file, [...path, i]);
      });
      return;
    }
    if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value as object).sort()) {
        // `lang` is the one field that must differ; `title` and the like are translated.
        if (path.length === 0 && key === 'lang') continue;
        const c = childSchema(parts, key);
        visit((value as Record<string, unknown>)[key], c?.schema, c?.file ?? file, [...path, key]);
      }
      return;
    }
    out.push({ path, value: JSON.stringify(value) });
  };
  visit(data, root, schemaFile, []);
  return { neutral: out, translated };
}
