/** manifest.json: every file of a pack with its hash and size and the document it comes from. */
import { createHash } from 'node:crypto';
import type { Lang, Status } from '../core/types.js';

export interface ManifestFile {
  path: string;
  sha256: string;
  bytes: number;
  format: string;
  /** The document id; null for files that belong to the pack (report, letters). */
  document: string | null;
  version: string | null;
  lang: Lang | null;
  status: Status | null;
  /** The source file a document file was built from, and its sha256 (null for pack files). */
  source: { path: string; sha256: string } | null;
}

export interface Manifest {
  version: 1;
  pack: string;
  title: Record<Lang, string>;
  buildDate: string;
  tool: { name: 'tertip'; version: string };
  files: ManifestFile[];
}

export function fileEntry(path: string, bytes: Uint8Array, meta: Omit<ManifestFile, 'path' | 'sha256' | 'bytes' | 'format'>): ManifestFile {
  return {
    path,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
    format: path.slice(path.lastIndexOf('.') + 1),
    ...meta,
  };
}

export function manifestJson(m: Manifest): string {
  return `${JSON.stringify({ ...m, files: [...m.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) }, null, 2)}\n`;
}
