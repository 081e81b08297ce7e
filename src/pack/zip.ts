/** The pack archive: entries sorted, fixed timestamps, names from ids only, UTF-8 names. */
import { zipSync, type Zippable } from 'fflate';

export interface ZipEntry {
  /** Path inside the archive, with forward slashes. */
  path: string;
  bytes: Uint8Array;
}

export function zipEntries(entries: ZipEntry[], mtime: Date): Uint8Array {
  const files: Zippable = {};
  for (const e of [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    if (e.path.startsWith('/') || e.path.split('/').some((s) => s === '..' || s === '') || e.path.includes('\\')) {
      throw new Error(`refusing to put "${e.path}" into a zip`);
    }
    // DOCX and PDF are compressed already: storing them is faster and loses nothing.
    const level = /\.(docx|pdf)$/.test(e.path) ? 0 : 6;
    files[e.path] = [e.bytes, { level, mtime }];
  }
  return zipSync(files, { mtime });
}
