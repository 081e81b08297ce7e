/**
 * Characters the PDF's embedded font cannot draw. The build would fail on them anyway; finding
 * them here reports the exact place, and lets a drafter fix it before anything is rendered.
 * The coverage table is computed from the font at install time (scripts/compile-data.mjs).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../core/paths.js';

let ranges: Array<[number, number]> | null | undefined;

function load(): Array<[number, number]> | null {
  if (ranges !== undefined) return ranges;
  const file = join(packageRoot(), 'dist', 'render', 'pdf', 'coverage.json');
  ranges = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Array<[number, number]>) : null;
  return ranges;
}

function covered(cp: number, table: Array<[number, number]>): boolean {
  let lo = 0;
  let hi = table.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = table[mid] as [number, number];
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Offsets (UTF-16) and characters of `text` the font lacks; empty when the table is unavailable. */
export function missingGlyphs(text: string): Array<{ offset: number; char: string }> {
  const table = load();
  if (!table) return [];
  const out: Array<{ offset: number; char: string }> = [];
  let offset = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    // Tabs and line breaks are layout, not glyphs.
    if (cp > 0x20 && !covered(cp, table)) out.push({ offset, char: ch });
    offset += ch.length;
  }
  return out;
}

export function describeChar(ch: string): string {
  return `"${ch}" (U+${(ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')})`;
}
