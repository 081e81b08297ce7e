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
const FORMAT = 1;


export interface FileEntry {
  key: string;
  summary: FileSummary;
  diagnostics: Diagnostic[];
}

interface IndexFile {
  format: number;
  salt: string;
  files: Record<string, FileEntry>;
  pairs: Record<string, Diagnostic[]>;
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

  lookup(path: string, key: string): FileEntry | undefined {
    const e = this.index.files[path];
    if (e && e.key === key) {
      this.used.add(path);
      return e;
    }
    return undefined;
  }

  store(path: string, key: string, digest: FileDigest, diagnostics: Diagnostic[]): void {
    this.index.files[path] = { key, summary: summarize(digest), diagnostics };
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

/** A fingerprint of the compiled tool: a rebuilt tool must not reuse results of the old one. */
export function codeFingerprint(distDir: string): string {
  const parts: string[] = [];
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(dir, n);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else if (n.endsWith('.js')) parts.push(`${p}:${s.size}:${s.mtimeMs}`);
    }
  };
  walk(distDir);
  return sha256(parts.join('\n'));
}
