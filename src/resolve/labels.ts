/**
 * Localised fixed words (templates/<lang>/labels.yaml) and the small grammar around them:
 * placeholders, Russian plural forms, durations and frequencies in each language's own words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { packageRoot } from '../core/paths.js';
import type { Lang } from '../core/types.js';

/** A labels file is a tree of strings (and, for plural forms, string triples). */
export type LabelTree = { [key: string]: string | string[] | LabelTree };

export interface Labels {
  lang: Lang;
  tree: LabelTree;
  /** The label at a dotted path; a missing label is a configuration error, never an empty string. */
  get(path: string): string;
  has(path: string): boolean;
  /** The label at `path` with {placeholders} filled. */
  fill(path: string, vars: Record<string, string | number>): string;
}

const cache = new Map<Lang, Labels>();

export function templatesDir(): string {
  return join(packageRoot(), 'templates');
}

export function loadLabels(lang: Lang): Labels {
  const hit = cache.get(lang);
  if (hit) return hit;
  const tree = YAML.parse(readFileSync(join(templatesDir(), lang, 'labels.yaml'), 'utf8'), { schema: 'core' }) as LabelTree;
  const lookup = (path: string): unknown => {
    let v: unknown = tree;
    for (const seg of path.split('.')) {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
      v = (v as LabelTree)[seg];
    }
    return v;
  };
  const labels: Labels = {
    lang,
    tree,
    has: (path) => typeof lookup(path) === 'string',
    get(path) {
      const v = lookup(path);
      if (typeof v !== 'string') throw new Error(`templates/${lang}/labels.yaml has no label "${path}"`);
      return v;
    },
    fill(path, vars) {
      return fillTemplate(labels.get(path), vars);
    },
  };
  cache.set(lang, labels);
  return labels;
}

/** Replaces {name} placeholders; an unknown placeholder is left visible so a reviewer notices it. */
export function fillTemplate(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{([a-zA-Z]+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** Russian plural form index: 1 день, 2 дня, 5 дней, 21 день, 11 дней. */
export function russianPlural(n: number): 0 | 1 | 2 {
  const abs = Math.abs(n);
  if (!Number.isInteger(abs)) return 1;
  const d10 = abs % 10;
  const d100 = abs % 100;
  if (d10 === 1 && d100 !== 11) return 0;
  if (d10 >= 2 && d10 <= 4 && (d100 < 12 || d100 > 14)) return 1;
  return 2;
}

/** The plural word for `n` (Russian); Turkmen nouns do not change after a number. */
function pluralWords(labels: Labels, n: number): Record<string, string> {
  const plural = labels.tree.plural;
  if (!plural || typeof plural !== 'object' || Array.isArray(plural)) return {};
  const out: Record<string, string> = {};
  for (const [key, forms] of Object.entries(plural)) if (Array.isArray(forms)) out[key] = forms[russianPlural(n)] ?? forms[2] ?? '';
  return out;
}

/** Formats a number the way the language writes it in official text (decimal comma). */
export function formatNumber(n: number): string {
  const [int = '0', frac] = String(n).split('.');
  const grouped = int.length > 4 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00A0') : int;
  return frac ? `${grouped},${frac}` : grouped;
}

export function formatDuration(labels: Labels, d: { value: number; unit: string }): string {
  return labels.fill(`duration.${d.unit}`, { n: formatNumber(d.value), ...pluralWords(labels, d.value) });
}

export function formatFrequency(labels: Labels, f: { times: number; per: string; minutes?: number }): string {
  const per = labels.get(`per.${f.per}`);
  let out = labels.fill('times', { n: f.times, per, ...pluralWords(labels, f.times) });
  if (f.minutes !== undefined) out += `, ${labels.fill('minutes', { n: f.minutes, ...pluralWords(labels, f.minutes) })}`;
  return out;
}
