/**
 * The analysis cache (.tertip-cache/): results of unchanged files are reused, keyed by the
 * file's path and content hash and by a salt of everything that shapes a result (the tool's
 * compiled code, the schemas). A small index holds what the cross-file checks need; full
 * digests are loaded only for documents whose parity must be recomputed.
 */
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import { sha256 } from '../load/read.js';
import { summarize, type FileDigest, type FileSummary } from '../validate/digest.js';

export const CACHE_DIR = '.tertip-cache';
const FORMAT = 2;


export interface FileEntry {
  key: string;
  summary: FileSummary;
  diagnostics: Diagnostic[];
}

/** [size, mtime in ms, inode]: when unchanged, the file is not read again (as git's index does). */
export type StatStamp = [number, number, number];

/**
 * The stored form of an entry: a summary cut to what the checks across files read (anchor ids,
 * references as tuples), so the index of a 2,000-file tree parses in tens of milliseconds.
 */
interface StoredEntry {
  key: string;
  stat?: StatStamp;
  s: Omit<FileSummary, 'anchors' | 'xrefs'>;
  a: string[];
  x: Array<[string, string, number, number, string, string]>;
  d: Diagnostic[];
}

interface IndexFile {
  format: number;
  salt: string;
  files: Record<string, StoredEntry>;
  pairs: Record<string, Diagnostic[]>;
}

function pack(e: FileEntry, stat?: StatStamp): StoredEntry {
  const { anchors, xrefs, ...rest } = e.summary;
  const out: StoredEntry = {
    key: e.key,
    s: rest,
    a: anchors.map((a) => a.id),
    x: xrefs.map((x) => [x.doc ?? '', x.anchor ?? '', x.pos.line, x.pos.column, x.block, x.text]),
    d: e.diagnostics,
  };
  if (stat) out.stat = stat;
  return out;
}

function unpack(e: StoredEntry): FileEntry {
  return {
    key: e.key,
    summary: {
      ...e.s,
      anchors: e.a.map((id) => ({ id })),
      xrefs: e.x.map(([doc, anchor, line, column, block, text]) => ({ ...(doc ? { doc } : {}), ...(anchor ? { anchor } : {}), pos: { line, column }, block, text })),
    },
    diagnostics: e.d,
  };
}

export class AnalysisCache {
  private index: IndexFile;
  private dirty = false;
  private readonly fresh = new Map<string, FileDigest>();
  private readonly used = new Set<string>();
  private readonly usedPairs = new Set<string>();

  private constructor(
    private readonly dir: string | undefined,
    private readonly salt: string,
    loaded?: IndexFile,
  ) {
    this.index = loaded && loaded.format === FORMAT && loaded.salt === salt ? loaded : { format: FORMAT, salt, files: {}, pairs: {} };
  }

  /** Opens the cache in `projectRoot`, or a memory-only one when `enabled` is false. */
  static open(projectRoot: string, salt: string, enabled: boolean): AnalysisCache {
    if (!enabled) return new AnalysisCache(undefined, salt);
    const dir = join(projectRoot, CACHE_DIR);
    let loaded: IndexFile | undefined;
    try {
      loaded = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as IndexFile;
    } catch {
      loaded = undefined;
    }
    return new AnalysisCache(dir, salt, loaded);
  }

  fileKey(path: string, contentHash: string): string {
    return sha256(`${this.salt}\0${path}\0${contentHash}`);
  }

  /** The key recorded for a file whose size, mtime and inode are unchanged; undefined otherwise. */
  keyByStat(path: string, stat: StatStamp): string | undefined {
    const e = this.index.files[path];
    return e?.stat && e.stat[0] === stat[0] && e.stat[1] === stat[1] && e.stat[2] === stat[2] ? e.key : undefined;
  }

  lookup(path: string, key: string): FileEntry | undefined {
    const e = this.index.files[path];
    if (e && e.key === key) {
      this.used.add(path);
      return unpack(e);
    }
    return undefined;
  }

  store(path: string, key: string, digest: FileDigest, diagnostics: Diagnostic[], stat?: StatStamp): void {
    this.index.files[path] = pack({ key, summary: summarize(digest), diagnostics }, stat);
    this.fresh.set(key, digest);
    this.used.add(path);
    this.dirty = true;
  }

  /** The full digest of a file analysed now or earlier. */
  digest(key: string): FileDigest | undefined {
    const f = this.fresh.get(key);
    if (f || !this.dir) return f;
    try {
      return JSON.parse(readFileSync(join(this.dir, 'digests', `${key}.json`), 'utf8')) as FileDigest;
    } catch {
      return undefined;
    }
  }

  pair(key: string): Diagnostic[] | undefined {
    const p = this.index.pairs[key];
    if (p) this.usedPairs.add(key);
    return p;
  }

  storePair(key: string, diagnostics: Diagnostic[]): void {
    this.index.pairs[key] = diagnostics;
    this.usedPairs.add(key);
    this.dirty = true;
  }

  /** Writes what changed; entries of files and pairs no longer present are dropped. A failure to write is not an error. */
  save(): void {
    if (!this.dir) return;
    const stale = Object.keys(this.index.files).filter((p) => !this.used.has(p));
    const stalePairs = Object.keys(this.index.pairs).filter((p) => !this.usedPairs.has(p));
    if (!this.dirty && stale.length === 0 && stalePairs.length === 0) return;
    for (const p of stale) delete this.index.files[p];
    for (const p of stalePairs) delete this.index.pairs[p];
    try {
      const digests = join(this.dir, 'digests');
      mkdirSync(digests, { recursive: true });
      for (const [key, digest] of this.fresh) writeAtomic(join(digests, `${key}.json`), JSON.stringify(digest));
      writeAtomic(join(this.dir, 'index.json'), JSON.stringify(this.index));
      this.prune(digests);
    } catch {
      // The cache only saves time; a read-only checkout must still validate.
    }
  }

  private prune(digests: string): void {
    const live = new Set(Object.values(this.index.files).map((e) => `${e.key}.json`));
    const names = readdirSync(digests);
    if (names.length <= live.size * 2 + 16) return;
    for (const n of names) if (!live.has(n)) rmSync(join(digests, n), { force: true });
  }
}

function writeAtomic(path: string, data: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/**
 * A fingerprint of the compiled tool: a rebuilt tool must not reuse results of the old one.
 * tsc rewrites its build-info file on every compile that changes an output, so its stamp suffices.
 */
export function codeFingerprint(distDir: string): string {
  const parts: string[] = [];
  for (const name of ['.tsbuildinfo', 'cli.js', join('schema', 'validators.js'), join('bundle', 'engine', 'worker.js')]) {
    try {
      const s = statSync(join(distDir, name));
      parts.push(`${name}:${s.size}:${s.mtimeMs}`);
    } catch {
      parts.push(`${name}:missing`);
    }
  }
  return sha256(parts.join('\n'));
}
