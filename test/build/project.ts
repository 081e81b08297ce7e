/**
 * Temporary projects for the build tests, and the CLI run as users run it (a child process).
 *
 * makeTrioProject() copies three real documents of specs/ (a service, an SOP and an act, both
 * languages). References to documents left out of the copy are turned into plain text (the
 * link text without its placeholders) and dropped from the front matter, so the copy validates
 * on its own; the act gets a footnote, an https link and a table, which the bundled corpus does
 * not use yet, so the outputs are checked for them too.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import YAML from 'yaml';

export const REPO = join(import.meta.dirname, '../..');
export const BIN = join(REPO, 'bin/tertip.js');
/** 2026-09-21T08:53:20Z: every build of the suite uses it, so outputs are comparable. */
export const EPOCH = '1790000000';

export interface DocRef {
  id: string;
  collection: 'services' | 'sops' | 'acts';
}

export const TRIO: DocRef[] = [
  { id: 'personal-assistance', collection: 'services' },
  { id: 'case-management', collection: 'sops' },
  { id: 'ethics-code', collection: 'acts' },
];

export const TRIO_PACK = 'trio';

const made: string[] = [];

/** Removes every project this module made (call from afterAll). */
export function removeProjects(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

function tempRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'tertip-build-'));
  made.push(root);
  return root;
}

/** A pack with a covering letter, in the form of specs/packs/*.yaml. */
export function packYaml(id: string, documents: readonly string[]): string {
  return `# A pack of the build tests.
id: ${id}
title:
  tk: "Synag bukjasy: ähli harplar ä ç ň ö ş ü ý ž"
  ru: "Тестовый пакет: буквы ё й щ ъ э ю я"
documents: [${documents.join(', ')}]
languages: [tk, ru]
formats: [docx, pdf]
letter:
  from:
    tk: Türkmenistanyň Zähmet we ilaty durmuş taýdan goramak ministrliginiň Durmuş hyzmatlary müdirligi
    ru: Управление социальных услуг Министерства труда и социальной защиты населения Туркменистана
  addressee:
    tk: Işçi toparyň agzalaryna
    ru: Членам рабочей группы
  reference: "12/3-2099"
  date: "2026-11-20"
  subject:
    tk: Resminamalaryň taslamalary hakynda
    ru: О проектах документов
  body:
    tk: Resminamalaryň taslamalaryny türkmen we rus dillerinde seretmegiňize iberýäris.
    ru: Направляем на рассмотрение проекты документов на туркменском и русском языках.
  signatory:
    title:
      tk: Müdirligiň başlygy
      ru: Начальник управления
    name:
      tk: "A. Annaýew"
      ru: "А. Аннаев"
`;
}

/** Additions to the act (inserted before its second chapter): a footnote, an https link, a table. */
const ACT_ADDITION: Record<'tk' | 'ru', string> = {
  tk: `1. Kodeks bilen bilelikde halkara ýörelgeleri hem ulanylýar[^synag]; olaryň beýany [Halkara durmuş işgärleri federasiýasynyň sahypasynda](https://www.ifsw.org/) *berilýär*.

| Ýörelge | Düşündiriş |
| --- | --- |
| Gizlinlik | Şahsy maglumatlar goralýar |
| Hormat | Çäge, ýüň we žurnal ýaly sözler hem dogry ýazylýar |

[^synag]: Bellik: bu ýerde ähli harplar barlanýar – äýnek, çaý, ňaňy, öý, şäher, üzüm, ýaz, žaket.
`,
  ru: `1. Наряду с Кодексом применяются и международные принципы[^synag]; их изложение *приводится* [на сайте Международной федерации социальных работников](https://www.ifsw.org/).

| Принцип | Пояснение |
| --- | --- |
| Конфиденциальность | Персональные данные защищаются |
| Уважение | Слова с буквами ё, й, щ, ъ, э, ю пишутся правильно |

[^synag]: Примечание: здесь проверяются все буквы – ёлка, йод, щука, подъезд, эхо, юла, яма.
`,
};

/**
 * Copies documents of the repository's specs/ into a new project and writes one pack of them.
 * References to documents not copied become plain text, so the copy validates on its own.
 */
export function makeTrioProject(options: { docs?: DocRef[]; packId?: string; augmentAct?: boolean } = {}): string {
  const docs = options.docs ?? TRIO;
  const root = tempRoot();
  const kept = new Set(docs.map((d) => d.id));
  for (const d of docs) {
    for (const lang of ['tk', 'ru'] as const) {
      const source = readFileSync(join(REPO, 'specs', d.collection, d.id, `${lang}.md`), 'utf8');
      let text = isolate(source, kept);
      if (d.id === 'ethics-code' && options.augmentAct !== false) text = augmentAct(text, lang);
      const target = join(root, 'specs', d.collection, d.id, `${lang}.md`);
      mkdirSync(join(target, '..'), { recursive: true });
      writeFileSync(target, text);
    }
  }
  mkdirSync(join(root, 'specs', 'packs'), { recursive: true });
  const packId = options.packId ?? TRIO_PACK;
  writeFileSync(join(root, 'specs', 'packs', `${packId}.yaml`), packYaml(packId, docs.map((d) => d.id)));
  return root;
}

/** A copy of the whole specs/ tree (documents and packs) as it is in the repository. */
export function makeCorpusProject(): string {
  const root = tempRoot();
  cpSync(join(REPO, 'specs'), join(root, 'specs'), { recursive: true });
  return root;
}

function splitFrontMatter(text: string): { front: string; body: string } {
  const m = /^---\r?\n([^]*?)\r?\n---\r?\n/.exec(text);
  if (!m) throw new Error('a spec without front matter');
  return { front: m[1] as string, body: text.slice(m[0].length) };
}

function isolate(text: string, kept: ReadonlySet<string>): string {
  const { front, body } = splitFrontMatter(text);
  const doc = YAML.parseDocument(front);
  const basis = doc.get('legalBasis');
  if (YAML.isSeq(basis)) {
    for (const item of basis.items) {
      const target = YAML.isMap(item) ? item.get('doc') : undefined;
      if (YAML.isMap(item) && target !== undefined && !kept.has(String(target))) item.delete('doc');
    }
  }
  const related = doc.get('related');
  if (YAML.isSeq(related)) {
    related.items = related.items.filter((item) => !YAML.isMap(item) || kept.has(String(item.get('doc'))));
    if (related.items.length === 0) doc.delete('related');
  }
  // Links to documents outside the copy: keep the drafter's words, drop the placeholders.
  const newBody = body.replace(/\[([^\]]*)\]\(([a-z][a-z0-9-]*)(#[a-z0-9-]+)?\)/g, (whole, label: string, target: string) =>
    kept.has(target) ? whole : label.replace(/\{(?:n|ord|title)\}/g, '').trim(),
  );
  return `---\n${doc.toString({ lineWidth: 0 })}---\n${newBody}`;
}

function augmentAct(text: string, lang: 'tk' | 'ru'): string {
  const at = text.search(/\n## [^\n]*\{#principles\}/);
  if (at < 0) throw new Error('ethics-code has no {#principles} chapter any more; update ACT_ADDITION');
  return `${text.slice(0, at)}\n${ACT_ADDITION[lang]}${text.slice(at)}`;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', SOURCE_DATE_EPOCH: EPOCH, ...extra };
}

/** `node bin/tertip.js ARGS` in `cwd`, waited for. */
export function tertip(cwd: string, args: string[], extraEnv: Record<string, string> = {}): RunResult {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: env(extraEnv), timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  return {
    code: r.status,
    signal: r.signal,
    stdout: r.stdout,
    stderr: r.stderr.replace(/tertip: warning: src\/ is newer[^\n]*\n/, ''),
    ms: Date.now() - t0,
  };
}

/** The same, asynchronously: other tests' builds can run meanwhile, and the caller may kill it. */
export function spawnTertip(cwd: string, args: string[], extraEnv: Record<string, string> = {}): { child: ChildProcess; done: Promise<RunResult> } {
  const t0 = Date.now();
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: env(extraEnv), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr?.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const done = new Promise<RunResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: Date.now() - t0 }));
  });
  return { child, done };
}

/** Every entry under `dir` (hidden ones too): files by sha256, folders and links marked. Paths use "/". */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const abs = join(d, name);
      const rel = relative(dir, abs).split(sep).join('/');
      const st = lstatSync(abs);
      if (st.isSymbolicLink()) out[rel] = 'symlink';
      else if (st.isDirectory()) {
        out[`${rel}/`] = 'dir';
        walk(abs);
      } else out[rel] = sha256(readFileSync(abs));
    }
  };
  walk(dir);
  return out;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Names in `dir` left by an interrupted build (.staging-*, .old-*). */
export function strays(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.startsWith('.staging-') || n.startsWith('.old-'));
}
