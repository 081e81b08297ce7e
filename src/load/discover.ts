/**
 * Lists what is under specs/, in a stable order, without following links:
 * specs/<services|sops|acts>/<id>/<tk|ru>.md, specs/packs/<name>.yaml and specs/assets/*.
 * Anything else is reported, never read.
 */
import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { diag, type Diagnostic } from '../core/diagnostics.js';
import { toProjectPath } from '../core/paths.js';
import { COLLECTIONS, isLang, type Lang } from '../core/types.js';

/** Where a language file of a document lives. */
export interface SpecLocation {
  /** Project-relative path. */
  file: string;
  collection: string;
  folder: string;
  lang: Lang;
}

export interface PackFile {
  file: string;
  absolute: string;
  name: string;
}

export interface Discovery {
  specs: Array<SpecLocation & { absolute: string }>;
  packs: PackFile[];
  diagnostics: Diagnostic[];
}

const MAX_ENTRIES = 50_000;
const MAX_DEPTH = 12;
const QUIET = new Set(['.gitkeep', 'README.md', '.DS_Store']);

export function discover(projectRoot: string): Discovery {
  const specsDir = join(projectRoot, 'specs');
  const out: Discovery = { specs: [], packs: [], diagnostics: [] };
  let entries = 0;

  const walk = (dir: string, parts: string[]): void => {
    if (parts.length > MAX_DEPTH) return;
    let list: Dirent[];
    try {
      list = readdirSync(dir, { withFileTypes: true });
    } catch {
      out.diagnostics.push(diag('file-read', toProjectPath(projectRoot, dir), { line: 1, column: 1 }, 'This folder could not be read.'));
      return;
    }
    list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of list) {
      if (++entries > MAX_ENTRIES) {
        out.diagnostics.push(diag('file-unexpected', 'specs', { line: 1, column: 1 }, `specs/ holds more than ${MAX_ENTRIES} entries; the rest were not read.`));
        return;
      }
      const absolute = join(dir, entry.name);
      const file = toProjectPath(projectRoot, absolute);
      const here = [...parts, entry.name];
      if (entry.isSymbolicLink()) {
        out.diagnostics.push(diag('file-symlink', file, { line: 1, column: 1 }, 'This is a symbolic link; links are not followed because they could point outside the project. Replace it with the real file or folder.'));
        continue;
      }
      if (entry.isDirectory()) {
        walk(absolute, here);
        continue;
      }
      if (!entry.isFile()) {
        out.diagnostics.push(diag('file-unexpected', file, { line: 1, column: 1 }, 'This is not a regular file; it is ignored.'));
        continue;
      }
      classify(file, absolute, here, out);
    }
  };
  walk(specsDir, []);
  return out;
}

/**
 * How many document folders specs/ holds, counting no further than `limit`: a cheap first look
 * (one directory listing per collection) for sizing the workers before discovery has run.
 */
export function countDocuments(projectRoot: string, limit: number): number {
  let count = 0;
  for (const collection of Object.keys(COLLECTIONS)) {
    try {
      for (const entry of readdirSync(join(projectRoot, 'specs', collection), { withFileTypes: true })) {
        if (entry.isDirectory() && ++count >= limit) return count;
      }
    } catch {
      // A missing collection holds no documents; discovery reports unreadable folders.
    }
  }
  return count;
}

function classify(file: string, absolute: string, parts: string[], out: Discovery): void {
  const name = parts[parts.length - 1] as string;
  if (QUIET.has(name)) return;
  const [top] = parts;
  if (top === 'assets') {
    if (/\.(png|jpe?g)$/i.test(name)) return;
    out.diagnostics.push(diag('file-unexpected', file, { line: 1, column: 1 }, 'specs/assets/ holds PNG and JPEG images only; this file is ignored.'));
    return;
  }
  if (top === 'packs') {
    if (parts.length === 2 && /\.ya?ml$/.test(name)) {
      out.packs.push({ file, absolute, name: name.replace(/\.ya?ml$/, '') });
      return;
    }
    out.diagnostics.push(diag('file-unexpected', file, { line: 1, column: 1 }, 'specs/packs/ holds pack definitions named <pack>.yaml; this file is ignored.'));
    return;
  }
  if (name.endsWith('.md')) {
    const lang = name.slice(0, -3);
    if (parts.length === 3 && top !== undefined && top in COLLECTIONS && isLang(lang)) {
      out.specs.push({ file, absolute, collection: top, folder: parts[1] as string, lang });
      return;
    }
    const where =
      parts.length === 3 && top !== undefined && top in COLLECTIONS
        ? `The file must be named tk.md or ru.md after its language, not ${name}.`
        : `Specifications live at specs/<services|sops|acts>/<id>/<tk|ru>.md; this file is not read.`;
    out.diagnostics.push(diag('file-location', file, { line: 1, column: 1 }, where));
    return;
  }
  out.diagnostics.push(diag('file-unexpected', file, { line: 1, column: 1 }, 'This file is not a specification (tk.md / ru.md), a pack (.yaml) or an image under assets/; it is ignored.'));
}
