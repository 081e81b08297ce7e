/**
 * The hyphenation patterns are read from a JSON copy made at install time (scripts/compile-data.mjs)
 * rather than from the `hyphen` package's JavaScript modules: the copy must hyphenate every word
 * exactly as the package does.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../../src/core/paths.js';

const require = createRequire(import.meta.url);
type Hyphenate = (text: string, options?: { hyphenChar?: string; minWordLength?: number }) => string;

/** Every word of the bundled documents in one language. */
function corpusWords(lang: 'tk' | 'ru'): string[] {
  const words = new Set<string>();
  const specs = join(packageRoot(), 'specs');
  for (const collection of ['services', 'sops', 'acts']) {
    for (const doc of readdirSync(join(specs, collection))) {
      const file = join(specs, collection, doc, `${lang}.md`);
      if (!existsSync(file)) continue;
      for (const word of readFileSync(file, 'utf8').match(/\p{L}+/gu) ?? []) words.add(word);
    }
  }
  return [...words];
}

describe.each(['tk', 'ru'] as const)('the %s hyphenation patterns', (lang) => {
  const compiled = join(packageRoot(), 'dist', 'render', 'pdf', `hyphen-${lang}.json`);

  it('are compiled to JSON when the tool is installed', () => {
    expect(existsSync(compiled)).toBe(true);
  });

  it('hyphenate every word of the bundled documents as the package does', () => {
    const copy = JSON.parse(readFileSync(compiled, 'utf8')) as { version: string; patterns: unknown };
    expect(copy.version).toBe((require('hyphen/package.json') as { version: string }).version);
    const fromJson = (require('hyphen/hyphen.js') as (p: unknown) => Hyphenate)(copy.patterns);
    const fromPackage = (require(`hyphen/${lang}`) as { hyphenateSync: Hyphenate }).hyphenateSync;
    const words = corpusWords(lang);
    expect(words.length).toBeGreaterThan(1000);
    const options = { hyphenChar: '|', minWordLength: 5 };
    const differing = words.filter((w) => fromJson(w, options) !== fromPackage(w, options));
    expect(differing).toEqual([]);
    // The comparison means something only if words are actually hyphenated.
    expect(words.filter((w) => fromJson(w, options).includes('|')).length).toBeGreaterThan(words.length / 3);
  });
});
