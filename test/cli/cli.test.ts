/**
 * The command as users run it: a child process, real worker threads, exit codes, hostile files.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { spec, validDocument } from '../helpers/fixtures.js';
import { png } from '../helpers/png.js';
import { makeProject } from '../helpers/project.js';

const BIN = join(import.meta.dirname, '../../bin/tertip.js');

function tertip(cwd: string, args: string[], env: Record<string, string> = {}): { code: number; stdout: string; stderr: string; ms: number } {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env }, timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr.replace(/tertip: warning: src\/ is newer[^\n]*\n/, ''), ms: Date.now() - t0 };
}

/** One document whose Russian file has an unknown status: an error, exit 1. */
function projectWithError(): string {
  return makeProject({ ...validDocument(), 'specs/services/demo/ru.md': spec('ru').replace('status: draft', 'status: x') });
}

describe('exit codes', () => {
  it('0 for valid documents, with a text report', () => {
    const r = tertip(makeProject(validDocument()), ['validate', '--no-cache']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no problems (1 document, 2 files checked)');
  });

  it('0 with warnings only', () => {
    const root = makeProject({ 'specs/services/demo/tk.md': spec('tk') });
    const r = tertip(root, ['validate', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ errors: 0, warnings: 1 });
  });

  it('1 when a document has errors', () => {
    const root = projectWithError();
    expect(tertip(root, ['validate']).code).toBe(1);
  });

  it('2 for an unknown option, a missing path, an unknown format or command, and no specs/ folder', () => {
    const root = makeProject(validDocument());
    for (const args of [['validate', '--frmat', 'json'], ['validate', 'specs/nope.md'], ['validate', '--format', 'xml'], ['frobnicate'], ['validate', '--jobs', 'x']]) {
      const r = tertip(root, args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^tertip: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const empty = makeProject({});
    writeFileSync(join(empty, 'x'), '');
    expect(tertip(join(empty, '..'), ['validate']).code).toBe(2);
  });

  it('keeps its exit code and prints no stack when the reader of its output goes away (| head)', async () => {
    const root = projectWithError();
    const child = spawn(process.execPath, [BIN, 'validate', '--no-cache'], { cwd: root, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(1);
  });

  it.skipIf(!existsSync('/dev/full'))('exits 2 with a sentence when the report cannot be written (a full disk)', () => {
    const root = makeProject(validDocument());
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" validate --no-cache > /dev/full`], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^tertip: the report could not be written to standard output: ENOSPC/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('the bundled command', () => {
  const UNBUNDLED = join(import.meta.dirname, '../../dist/cli.js');
  // A file, not `node -e`: workers inherit the parent's exec arguments, and --input-type breaks them.
  function unbundled(cwd: string, args: string[]): { code: number; stdout: string } {
    const script = join(cwd, 'run-unbundled.mjs');
    writeFileSync(script, `const { run } = await import(${JSON.stringify(pathToFileURL(UNBUNDLED).href)});\nawait run();\n`);
    const r = spawnSync(process.execPath, [script, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1700000000' }, timeout: 120_000 });
    return { code: r.status ?? -1, stdout: r.stdout };
  }

  it('is what bin/tertip.js runs, and reports and builds byte for byte as the unbundled modules do', () => {
    expect(existsSync(join(import.meta.dirname, '../../dist/bundle/cli.js'))).toBe(true);
    expect(existsSync(join(import.meta.dirname, '../../dist/bundle/engine/worker.js'))).toBe(true);
    // docx's object-spread helper is replaced in the bundle (scripts/bundle.mjs); the packs below must not change.
    const chunks = join(import.meta.dirname, '../../dist/bundle/chunks');
    const docxChunk = readdirSync(chunks).find((n) => n.startsWith('docx-'));
    expect(readFileSync(join(chunks, docxChunk ?? 'missing'), 'utf8')).toContain('Object.assign(e, arguments[r])');
    const root = projectWithError();
    const bundledReport = tertip(root, ['validate', '--no-cache', '--format', 'json']);
    const plainReport = unbundled(root, ['validate', '--no-cache', '--format', 'json']);
    expect(bundledReport.code).toBe(1);
    expect(plainReport.code).toBe(1);
    expect(bundledReport.stdout).toBe(plainReport.stdout);

    const good = makeProject(validDocument());
    expect(tertip(good, ['build', '--out', 'a'], { SOURCE_DATE_EPOCH: '1700000000' }).code).toBe(0);
    expect(unbundled(good, ['build', '--out', 'b']).code).toBe(0);
    const zips = ['a', 'b'].map((d) => readFileSync(join(good, d, 'all.zip')));
    expect(zips[0]!.length).toBeGreaterThan(1000);
    expect(zips[0]!.equals(zips[1]!)).toBe(true);
  }, 240_000);
});

describe('options', () => {
  it('--output writes the report to a file and PATH narrows what is reported', () => {
    const root = makeProject({ ...validDocument(), ...validDocument('other'), 'specs/services/other/ru.md': spec('ru', 'other').replace('status: draft', 'status: x') });
    const r = tertip(root, ['validate', 'specs/services/demo', '--format', 'json', '--output', 'out/report.json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(join(root, 'out/report.json'), 'utf8'));
    expect(report.summary).toMatchObject({ documents: 1, files: 2, errors: 0 });
    const all = tertip(root, ['validate', '--format', 'json']);
    expect(all.code).toBe(1);
    expect(JSON.parse(all.stdout).diagnostics[0].file).toBe('specs/services/other/ru.md');
  });

  it('colour only on request (FORCE_COLOR) and never with NO_COLOR', () => {
    const root = makeProject({ 'specs/services/demo/tk.md': spec('tk') });
    expect(tertip(root, ['validate']).stdout).not.toMatch(/\u001b\[/);
    expect(tertip(root, ['validate'], { FORCE_COLOR: '1' }).stdout).toMatch(/\u001b\[/);
    expect(tertip(root, ['validate'], { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toMatch(/\u001b\[/);
  });

  it('the cache gives the same report on a second run and notices an edit', () => {
    const root = makeProject(validDocument());
    const first = tertip(root, ['validate', '--format', 'json']);
    const second = tertip(root, ['validate', '--format', 'json']);
    expect(second.stdout).toBe(first.stdout);
    writeFileSync(join(root, 'specs/services/demo/ru.md'), spec('ru').replace('25 %', '26 %'));
    const third = JSON.parse(tertip(root, ['validate', '--format', 'json']).stdout);
    expect(third.diagnostics.map((d: { rule: string }) => d.rule)).toEqual(['parity-numbers']);
  });
});

describe('the cache and images', () => {
  it('a cached result is not reused once an image the document shows is replaced', () => {
    const figure = (lang: 'tk' | 'ru'): string => spec(lang).replace(/(\n## [^\n]*\{#pathway\}\n)/, '$1\n![Shema](assets/p.png)\n');
    const root = makeProject({ 'specs/services/demo/tk.md': figure('tk'), 'specs/services/demo/ru.md': figure('ru'), 'specs/assets/p.png': png(10, 10) });
    expect(tertip(root, ['validate']).code).toBe(0);
    writeFileSync(join(root, 'specs/assets/p.png'), 'not an image any more');
    const after = JSON.parse(tertip(root, ['validate', '--format', 'json']).stdout);
    expect(after.diagnostics.map((d: { rule: string }) => d.rule)).toEqual(['md-image', 'md-image']);
  });
});

describe('hostile input', () => {
  it('every hostile file gets a diagnostic or a normal result, promptly, without a stack trace', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const root = makeProject({
      ...validDocument(),
      'specs/services/js/tk.md': "---js\n{ title: require('child_process').execSync('touch PWNED').toString() }\n---\n",
      'specs/services/bomb/tk.md': `---\n${bomb.join('\n')}\n---\n`,
      'specs/services/big/tk.md': `${spec('tk', 'big')}\n${'Uly tekst. '.repeat(1_000_000)}`,
      'specs/services/latin1/tk.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xcf, 0xf0, 0x0a]),
      'specs/services/nul/tk.md': spec('tk', 'nul').replace('Ikinji', 'Ik\u0000inji'),
      'specs/services/bom/tk.md': `\uFEFF${spec('tk', 'bom')}`,
      'specs/services/crlf/tk.md': spec('tk', 'crlf').replace(/\n/g, '\r\n'),
      'specs/services/tabs/tk.md': spec('tk', 'tabs').replace('  created:', '\tcreated:'),
      'specs/services/empty/tk.md': '',
      'specs/services/fmonly/tk.md': spec('tk', 'fmonly').split('\n\n## ')[0] as string,
      'specs/services/demo/notes.pdf': '%PDF-1.4',
    });
    symlinkSync('/etc', join(root, 'specs/services/escape'));
    const r = tertip(root, ['validate', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(20_000);
    const rules = new Map<string, string[]>();
    for (const d of JSON.parse(r.stdout).diagnostics as Array<{ file: string; rule: string }>) rules.set(d.file, [...(rules.get(d.file) ?? []), d.rule]);
    const has = (file: string, rule: string): void => expect(rules.get(file), file).toContain(rule);
    has('specs/services/js/tk.md', 'fm-language');
    has('specs/services/bomb/tk.md', 'fm-yaml-feature');
    has('specs/services/big/tk.md', 'file-too-large');
    has('specs/services/latin1/tk.md', 'file-encoding');
    has('specs/services/nul/tk.md', 'file-control-char');
    has('specs/services/tabs/tk.md', 'fm-syntax');
    has('specs/services/empty/tk.md', 'file-empty');
    has('specs/services/fmonly/tk.md', 'body-empty');
    has('specs/services/demo/notes.pdf', 'file-unexpected');
    has('specs/services/escape', 'file-symlink');
    // BOM and CRLF files are fine apart from their missing Russian versions.
    expect(rules.get('specs/services/bom/tk.md')).toEqual(['doc-missing-lang']);
    expect(rules.get('specs/services/crlf/tk.md')).toEqual(['doc-missing-lang']);
    expect(() => readFileSync(join(root, 'PWNED'))).toThrow();
  });

  it('a pathological Markdown body is stopped at the time budget and reported', () => {
    const root = makeProject({ ...validDocument(), 'specs/services/slow/tk.md': `${spec('tk', 'slow')}\n${'*a_ '.repeat(30_000)}\n` });
    const r = tertip(root, ['validate', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const d = (JSON.parse(r.stdout).diagnostics as Array<{ file: string; rule: string }>).filter((x) => x.file === 'specs/services/slow/tk.md');
    expect(d.map((x) => x.rule)).toContain('md-timeout');
    expect(r.ms).toBeLessThan(30_000);
  });
});

describe('workers started before the command knows what it will do', () => {
  // The command starts its workers before it reads its options (cli.ts earlyWorkers); a run that
  // ends early must still end promptly, never waiting on a worker that is loading its modules.
  it('a usage error in a project exits at once with code 2, every time', () => {
    const root = makeProject(validDocument());
    for (let i = 0; i < 3; i++) {
      const r = tertip(root, ['build', '--lang', 'xx']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--lang takes tk or ru');
      expect(r.ms).toBeLessThan(10_000);
    }
  });

  it('a validation with every file cached exits at once', () => {
    const root = makeProject(validDocument());
    expect(tertip(root, ['validate']).code).toBe(0);
    for (let i = 0; i < 3; i++) {
      const r = tertip(root, ['validate']);
      expect(r.code).toBe(0);
      expect(r.ms).toBeLessThan(10_000);
    }
  });

  it('a refused build of a small project (split by format, warm-up under way) exits with code 1 and writes nothing', () => {
    const root = projectWithError();
    const r = tertip(root, ['build']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('status');
    expect(existsSync(join(root, 'out'))).toBe(false);
    expect(r.ms).toBeLessThan(10_000);
  });
});
