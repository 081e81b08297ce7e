/** Maps a path in the front-matter data back to the YAML node it came from. */
import YAML, { type Document, type LineCounter, type Node, type Pair } from 'yaml';
import type { Position } from '../core/diagnostics.js';

export type DataPath = ReadonlyArray<string | number>;

export interface Locator {
  /** Position of the value at `path`, or of the nearest ancestor that exists. */
  value(path: DataPath): Position;
  /** Position of the key of the field at `path` (for "unknown field" and "duplicate" messages). */
  key(path: DataPath): Position;
  /** Position of the character at `offset` in the string value at `path`, when it can be known exactly. */
  char(path: DataPath, offset: number): Position;
}

export function createLocator(doc: Document.Parsed | undefined, lines: LineCounter | undefined, fallback: Position): Locator {
  const pos = (offset: number | undefined, end?: number): Position => {
    if (!lines || offset === undefined) return fallback;
    const s = lines.linePos(offset);
    const p: Position = { line: s.line, column: s.col };
    if (end !== undefined && end > offset) {
      const e = lines.linePos(end);
      p.endLine = e.line;
      p.endColumn = e.col;
    }
    return p;
  };

  function walk(path: DataPath): { node?: Node | null; pair?: Pair; depth: number } {
    let node: unknown = doc?.contents;
    let pair: Pair | undefined;
    let depth = 0;
    for (const seg of path) {
      if (YAML.isMap(node)) {
        const found = node.items.find((p) => YAML.isScalar(p.key) && String(p.key.value) === String(seg));
        if (!found) break;
        pair = found;
        node = found.value;
      } else if (YAML.isSeq(node)) {
        const item = node.items[Number(seg)];
        if (item === undefined) break;
        pair = undefined;
        node = item;
      } else break;
      depth++;
    }
    return { node: node as Node | null, ...(pair ? { pair } : {}), depth };
  }

  return {
    value(path) {
      const { node, pair, depth } = walk(path);
      if (depth === path.length && node && (node as Node).range) {
        const r = (node as Node).range as [number, number, number];
        return pos(r[0], r[1]);
      }
      if (pair && YAML.isScalar(pair.key)) return pos(pair.key.range?.[0]);
      if (node && (node as Node).range) return pos((node as Node).range?.[0]);
      return fallback;
    },
    char(path, offset) {
      const { node, depth } = walk(path);
      const start = this.value(path);
      if (depth !== path.length || !YAML.isScalar(node) || typeof node.value !== 'string' || !node.range) return start;
      const [a, b] = node.range;
      const text = node.value;
      if (text.includes('\n')) return start;
      // A plain scalar spans its value; a quoted one its value and two quotes (without escapes).
      const shift = b - a === text.length ? 0 : b - a === text.length + 2 ? 1 : -1;
      return shift < 0 ? start : pos(a + shift + offset);
    },
    key(path) {
      const { node, pair, depth } = walk(path);
      if (depth === path.length && pair && YAML.isScalar(pair.key)) {
        const r = pair.key.range as [number, number, number];
        return pos(r[0], r[1]);
      }
      if (node && (node as Node).range) return pos((node as Node).range?.[0]);
      return fallback;
    },
  };
}
