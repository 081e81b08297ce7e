/**
 * The pipeline's layering, checked on the import lines: load → parse → validate → resolve →
 * render → pack, with the engine composing them and the entry points on top. Renderers see only
 * the document model, so DOCX and PDF cannot drift apart by reading Markdown themselves.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : n.endsWith('.ts') ? [p] : [];
  });
}

/** Which top-level folders of src/ each folder may import from (besides itself). */
const ALLOWED: Record<string, string[]> = {
  core: [],
  model: ['core'],
  load: ['core'],
  parse: ['core'],
  schema: ['core', 'parse'],
  validate: ['core', 'load', 'parse', 'schema'],
  resolve: ['core', 'model', 'parse', 'schema', 'validate'],
  render: ['core', 'model'],
  pack: ['core'],
  report: ['core'],
  engine: ['core', 'load', 'parse', 'schema', 'validate', 'resolve', 'model', 'render', 'pack'],
  cli: ['core'],
};

function layerOf(file: string): string {
  const rel = relative(SRC, file).split('/');
  return rel.length === 1 ? 'entry' : (rel[0] as string);
}

describe('architecture', () => {
  const all = files(SRC);
  const imports = all.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*from '(\.[^']+)'|^\s*(?:const|await)[^;]*import\('(\.[^']+)'\)/gm)].map((m) => ({
      file,
      target: join(file, '..', (m[1] ?? m[2]) as string),
    })),
  );

  it('finds the modules and their imports', () => {
    expect(all.length).toBeGreaterThan(40);
    expect(imports.length).toBeGreaterThan(100);
  });

  it('keeps every import pointing down the pipeline', () => {
    const wrong = imports
      .filter(({ file, target }) => {
        const from = layerOf(file);
        const to = layerOf(target);
        if (from === 'entry' || from === to) return false;
        return !(ALLOWED[from] ?? []).includes(to);
      })
      .map(({ file, target }) => `${relative(SRC, file)} → ${relative(SRC, target)}`);
    expect(wrong).toEqual([]);
  });

  it('keeps renderers independent of each other and of Markdown', () => {
    const crossing = imports.filter(({ file, target }) => {
      const a = relative(SRC, file).split('/');
      const b = relative(SRC, target).split('/');
      return a[0] === 'render' && b[0] === 'render' && a.length > 2 && b.length > 2 && a[1] !== b[1];
    });
    expect(crossing.map((c) => relative(SRC, c.file))).toEqual([]);
    for (const f of all.filter((f) => relative(SRC, f).startsWith('render/'))) {
      expect(readFileSync(f, 'utf8'), relative(SRC, f)).not.toMatch(/from '(mdast|unified|remark-[a-z-]+|micromark[a-z-]*)'/);
    }
  });

  it('touches process only in the entry points', () => {
    const users = all.filter((f) => layerOf(f) !== 'entry' && /\bprocess\.(env|argv|exit|stdout|stderr|cwd)\b/.test(readFileSync(f, 'utf8')));
    expect(users.map((f) => relative(SRC, f))).toEqual([]);
  });
});
