/**
 * Schemas compiled at install time and schemas compiled at run time (after a schema edit) must
 * judge the same data alike; and every property has a description for editors' hover help.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { spec } from '../helpers/fixtures.js';

const SCHEMAS = join(import.meta.dirname, '../../schemas');

function frontMatterOf(text: string): unknown {
  return YAML.parse(text.slice(4, text.indexOf('\n---\n', 4)));
}

describe('the schema registry', () => {
  it('gives the same errors from the compiled validators as from run-time compilation', async () => {
    const bad = frontMatterOf(spec('tk').replace('status: draft', 'status: drafty').replace('fte: 2', 'fte: -1').replace('targetGroups:', 'targetGroup:'));
    const runtime = await import('../../src/schema/registry.js?runtime' as string);
    const fromRuntime = (runtime as typeof import('../../src/schema/registry.js')).loadSchemas().validateKind('service-specification', bad);
    const compiled = await import('../../dist/schema/validators.js' as string);
    const fn = (compiled as { serviceSpecification: (d: unknown) => boolean; }).serviceSpecification as ((d: unknown) => boolean) & { errors: Array<{ instancePath: string; keyword: string }> };
    fn(bad);
    const key = (e: { instancePath: string; keyword: string }): string => `${e.instancePath} ${e.keyword}`;
    expect(fromRuntime.map(key).sort()).toEqual(fn.errors.map(key).sort());
    expect(fromRuntime.length).toBeGreaterThanOrEqual(3);
  });

  it('describes every property, so an editor can show help on hover', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (n.properties && typeof n.properties === 'object') {
        for (const [k, v] of Object.entries(n.properties as Record<string, Record<string, unknown>>)) {
          if (typeof v.description !== 'string' || v.description.length < 8) missing.push(`${path}.properties.${k}`);
          walk(v, `${path}.${k}`);
        }
      }
      for (const key of ['items', '$defs', 'allOf', 'then']) {
        const child = n[key];
        if (Array.isArray(child)) child.forEach((c, i) => walk(c, `${path}.${key}[${i}]`));
        else if (key === '$defs' && child && typeof child === 'object') for (const [k, v] of Object.entries(child)) walk(v, `${path}.$defs.${k}`);
        else walk(child, `${path}.${key}`);
      }
    };
    for (const name of readdirSync(SCHEMAS).filter((n) => n.endsWith('.schema.json'))) walk(JSON.parse(readFileSync(join(SCHEMAS, name), 'utf8')), name);
    expect(missing).toEqual([]);
  });
});
