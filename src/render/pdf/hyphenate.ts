/**
 * Hyphenation points for Turkmen and Russian from the TeX patterns in the `hyphen` package
 * (hyphen/tk from hyph-tk.tex, hyphen/ru from hyph-ru.tex). Justified lines of 14 pt text in a
 * 165 mm column gape badly without them, especially with long Turkmen agglutinative words.
 *
 * The line breaker asks only when a word does not fit, so the patterns run on a few hundred
 * words per document; results are cached per word (pure data, safe to share between documents).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from '../../core/paths.js';
import type { Lang } from '../../core/types.js';

interface HyphenModule {
  hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
}

/** Offsets (UTF-16, into the word) after which the word may be broken with a hyphen. */
export type Hyphenator = (word: string) => readonly number[];

/** Letters that must stay on each side of a break (TeX's \lefthyphenmin / \righthyphenmin). */
const LEFT_MIN = 2;
const RIGHT_MIN = 3;
const CACHE_LIMIT = 50_000;

const modules = new Map<Lang, HyphenModule>();
const caches = new Map<Lang, Map<string, readonly number[]>>();

type CreateHyphenator = (patterns: unknown) => HyphenModule['hyphenateSync'];

/**
 * The package's hyphenator over its own patterns, read from the JSON copy made at install time
 * (scripts/compile-data.mjs): the package's patterns are JavaScript array literals, several times
 * slower to load in a fresh worker. Without the copy (dist/ not compiled), or with a copy of
 * another version of the package, the package's module.
 */
function hyphenModule(lang: Lang): HyphenModule {
  let module = modules.get(lang);
  if (!module) {
    // hyphen's modules are CommonJS (hyphen/<lang> a directory module), which ESM import cannot resolve.
    const require = createRequire(import.meta.url);
    const file = join(packageRoot(), 'dist', 'render', 'pdf', `hyphen-${lang}.json`);
    const compiled = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string; patterns: unknown }) : undefined;
    // A copy made from another version of the package than the one installed is not used.
    module =
      compiled && compiled.version === (require('hyphen/package.json') as { version: string }).version
        ? { hyphenateSync: (require('hyphen/hyphen.js') as CreateHyphenator)(compiled.patterns) }
        : (require(`hyphen/${lang}`) as HyphenModule);
    modules.set(lang, module);
  }
  return module;
}

export function hyphenatorFor(lang: Lang): Hyphenator {
  let cache = caches.get(lang);
  if (!cache) {
    cache = new Map();
    caches.set(lang, cache);
  }
  const store = cache;
  return (word) => {
    let points = store.get(word);
    if (!points) {
      points = computePoints(hyphenModule(lang), word);
      if (store.size >= CACHE_LIMIT) store.clear();
      store.set(word, points);
    }
    return points;
  };
}

function computePoints(module: HyphenModule, word: string): readonly number[] {
  const marked = module.hyphenateSync(word, { hyphenChar: '\u00ad', minWordLength: LEFT_MIN + RIGHT_MIN });
  const points = new Set<number>();
  let offset = 0;
  for (const char of marked) {
    if (char === '\u00ad') points.add(offset);
    else offset += char.length;
  }
  // A hard hyphen is a break point too ("sosial-ykdysady"); the hyphen itself stays on the first line.
  for (let i = word.indexOf('-'); i > 0; i = word.indexOf('-', i + 1)) points.add(i + 1);
  return [...points].filter((point) => lettersIn(word.slice(0, point)) >= LEFT_MIN && lettersIn(word.slice(point)) >= RIGHT_MIN).sort((a, b) => a - b);
}

function lettersIn(text: string): number {
  let count = 0;
  for (const char of text) if (/\p{L}/u.test(char)) count++;
  return count;
}
