/**
 * The pack as the ministry receives it (folder, manifest.json, validation.json, the zip), that
 * the same sources give the same bytes, and that a build with errors writes nothing.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/pack/manifest.js';
import { TRIO, TRIO_PACK, makeTrioProject, removeProjects, sha256, snapshot, strays, tertip, type RunResult } from './project.js';

let root = '';
let build: RunResult;
const packDir = (): string => join(root, 'out', TRIO_PACK);

beforeAll(() => {
  root = makeTrioProject();
  // Three documents on two workers: split by format (one parses, the other renders the PDFs
  // after a warm-up document), whatever the machine's cores; see the determinism test.
  build = tertip(root, ['build', '--jobs', '2']);
}, 120_000);
afterAll(removeProjects);

/** Files under `dir`, relative with "/", sorted. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const abs = join(d, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else out.push(relative(dir, abs).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

function manifest(): Manifest {
  return JSON.parse(readFileSync(join(packDir(), 'manifest.json'), 'utf8'));
}

/** Front-matter field of a copied spec (plain "key: value" lines at the top level). */
function frontField(collection: string, id: string, lang: string, key: string): string {
  const text = readFileSync(join(root, 'specs', collection, id, `${lang}.md`), 'utf8');
  const m = new RegExp(`^${key}:\\s*"?([^"\\n]*)"?\\s*$`, 'm').exec(text);
  if (!m) throw new Error(`no ${key} in ${collection}/${id}/${lang}.md`);
  return m[1] as string;
}

interface Reported {
  file: string;
  line: number;
  column: number;
  severity: string;
  rule: string;
}

/** Diagnostics of the text report: a line with the file, then "  L:C  severity  message  rule". */
function parseTextReport(text: string): Reported[] {
  const out: Reported[] = [];
  let file = '';
  for (const line of text.split('\n')) {
    const d = /^\s+(\d+):(\d+)\s+(error|warning)\s+.*\s([a-z][a-z0-9-]+)\s*$/.exec(line);
    if (d) out.push({ file, line: Number(d[1]), column: Number(d[2]), severity: d[3] as string, rule: d[4] as string });
    else if (/^\S/.test(line) && !/^[✔✖⚠]/.test(line)) file = line.trim();
  }
  return out;
}

describe('the pack', () => {
  it('is built', () => {
    expect(build.stderr, build.stdout).toBe('');
    expect(build.code, build.stdout).toBe(0);
    expect(build.stdout).toContain(`built ${TRIO_PACK}:`);
  });

  it('manifest.json lists every file of the pack folder (but itself) with its sha256, size and document', () => {
    const m = manifest();
    expect(m.pack).toBe(TRIO_PACK);
    expect(m.buildDate).toBe('2026-09-21');
    const onDisk = listFiles(packDir()).filter((p) => p !== 'manifest.json');
    expect(m.files.map((f) => f.path).sort()).toEqual(onDisk);
    const expected = [
      ...['tk', 'ru'].flatMap((lang) => [...TRIO.flatMap((d) => [`${lang}/${d.id}.docx`, `${lang}/${d.id}.pdf`]), `${lang}/covering-letter.docx`, `${lang}/covering-letter.pdf`]),
      'validation.json',
    ].sort();
    expect(onDisk).toEqual(expected);
    for (const f of m.files) {
      const bytes = readFileSync(join(packDir(), f.path));
      expect({ path: f.path, sha256: f.sha256, bytes: f.bytes, format: f.format }).toEqual({ path: f.path, sha256: sha256(bytes), bytes: bytes.length, format: f.path.split('.').pop() });
      const doc = TRIO.find((d) => f.path.endsWith(`/${d.id}.${f.format}`));
      if (doc) {
        const lang = f.path.slice(0, 2);
        expect(f, f.path).toMatchObject({
          document: doc.id,
          lang,
          version: frontField(doc.collection, doc.id, lang, 'version'),
          status: frontField(doc.collection, doc.id, lang, 'status'),
        });
        // Each file names the exact source it was built from, so it can be traced to a commit.
        const source = `specs/${doc.collection}/${doc.id}/${lang}.md`;
        expect(f.source, f.path).toEqual({ path: source, sha256: sha256(readFileSync(join(root, source))) });
      } else {
        expect(f.document, f.path).toBeNull();
        if (f.path.includes('covering-letter')) expect(f.source, f.path).toEqual({ path: `specs/packs/${TRIO_PACK}.yaml`, sha256: sha256(readFileSync(join(root, 'specs', 'packs', `${TRIO_PACK}.yaml`))) });
        else expect(f.source, f.path).toBeNull();
      }
    }
  });

  it('the zip holds exactly the files of the pack folder, named by their pack paths, with the same bytes', () => {
    const entries = unzipSync(new Uint8Array(readFileSync(join(root, 'out', `${TRIO_PACK}.zip`))));
    const names = Object.keys(entries).sort();
    expect(names).toEqual(listFiles(packDir()).map((p) => `${TRIO_PACK}/${p}`));
    for (const name of names) {
      expect(name).not.toMatch(/(^|\/)\.\.(\/|$)|^\/|\\/);
      const onDisk = readFileSync(join(packDir(), name.slice(TRIO_PACK.length + 1)));
      expect(sha256(entries[name] as Uint8Array), name).toBe(sha256(onDisk));
    }
  });

  it('validation.json is the JSON report of a clean validation', () => {
    const report = JSON.parse(readFileSync(join(packDir(), 'validation.json'), 'utf8'));
    expect(report.summary).toMatchObject({ errors: 0, documents: TRIO.length });
    expect(Array.isArray(report.diagnostics)).toBe(true);
  });

  it('the output folder holds the pack, its zip and nothing half-written', () => {
    expect(readdirSync(join(root, 'out')).sort()).toEqual([TRIO_PACK, `${TRIO_PACK}.zip`]);
  });
});

describe('determinism', () => {
  it('a second build (new process, one worker thread, so not split by format) gives byte-identical files, zip and manifest', () => {
    const before = snapshot(join(root, 'out'));
    const again = tertip(root, ['build', '--jobs', '1']);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    const after = snapshot(join(root, 'out'));
    expect(after[`${TRIO_PACK}.zip`]).toBe(before[`${TRIO_PACK}.zip`]);
    expect(after[`${TRIO_PACK}/manifest.json`]).toBe(before[`${TRIO_PACK}/manifest.json`]);
    expect(after).toEqual(before);
    expect(strays(join(root, 'out'))).toEqual([]);
  }, 120_000);
});

describe('a build with errors writes nothing', () => {
  it('an unknown status: exit 1, the report on stdout, out/ byte for byte as before', () => {
    const file = join(root, 'specs/services/personal-assistance/ru.md');
    const original = readFileSync(file, 'utf8');
    const before = snapshot(join(root, 'out'));
    try {
      writeFileSync(file, original.replace(/^status: \S+$/m, 'status: almost-done'));
      const r = tertip(root, ['build']);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      const reported = parseTextReport(r.stdout);
      expect(reported.filter((d) => d.severity === 'error').map((d) => d.file)).toContain('specs/services/personal-assistance/ru.md');
      const statusLine = original.split('\n').findIndex((l) => /^status: /.test(l)) + 1;
      expect(reported.find((d) => d.file.endsWith('personal-assistance/ru.md') && d.severity === 'error')?.line).toBe(statusLine);
      expect(r.stderr).toMatch(/nothing was built/);
      expect(snapshot(join(root, 'out'))).toEqual(before);
      expect(strays(join(root, 'out'))).toEqual([]);
    } finally {
      writeFileSync(file, original);
    }
  });

  /** Puts 你 (no CJK glyph in PT Serif) at the first match of `pattern`, just after group 1; returns the text and the 1-based line:column of 你. */
  function insertGlyph(text: string, pattern: RegExp): { text: string; line: number; column: number } {
    const m = pattern.exec(text);
    if (!m) throw new Error(`the fixture has no ${pattern}`);
    const at = m.index + (m[1] as string).length;
    const before = text.slice(0, at);
    return { text: `${before}你${text.slice(at)}`, line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
  }

  it.each([
    { place: 'a clause', file: 'specs/acts/ethics-code/tk.md', pattern: /^(1\. \S+ )/m },
    { place: 'a table cell', file: 'specs/acts/ethics-code/ru.md', pattern: /^(\| Уважение \| )/m },
    { place: 'a footnote', file: 'specs/acts/ethics-code/tk.md', pattern: /^(\[\^synag\]: )/m },
    { place: 'the covering letter of the pack', file: `specs/packs/${TRIO_PACK}.yaml`, pattern: /^( {4}ru: Направляем )/m },
  ])('a character the PDF font cannot draw in $place: exit 1, rule render-glyph (at its place), nothing written', ({ file, pattern }) => {
    const abs = join(root, file);
    const original = readFileSync(abs, 'utf8');
    const before = snapshot(join(root, 'out'));
    try {
      const edit = insertGlyph(original, pattern);
      writeFileSync(abs, edit.text);
      const r = tertip(root, ['build']);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      const glyphs = parseTextReport(r.stdout).filter((d) => d.rule === 'render-glyph');
      expect(glyphs.length, r.stdout).toBeGreaterThan(0);
      expect(glyphs.every((d) => d.severity === 'error' && d.file === file), r.stdout).toBe(true);
      expect(r.stdout).toContain('你');
      // Whichever stage reports it: a position other than 1:1 (the render stage's "somewhere in this file") must be exact.
      for (const d of glyphs) if (d.line !== 1 || d.column !== 1) expect({ line: d.line, column: d.column }).toEqual({ line: edit.line, column: edit.column });
      expect(snapshot(join(root, 'out'))).toEqual(before);
      expect(strays(join(root, 'out'))).toEqual([]);
    } finally {
      writeFileSync(abs, original);
    }
  });
});
