#!/usr/bin/env node
// Checks built packs the way their users' software reads them (../shared/hardening.md §6.2, §7.2;
// ../shared/performance.md "Checks that caught real defects"):
//
//   node scripts/interop-check.mjs [OUT] [--specs DIR]      (defaults: out, specs)
//
// For every pack in OUT (a folder with manifest.json):
//   - manifest.json: every file listed exists with its sha256 and size;
//   - every DOCX: each XML part well-formed (xmllint); LibreOffice converts it to PDF (one soffice
//     batch per pack; the converted file must EXIST: soffice exits 0 even when it cannot load a
//     file); the converted PDF's text holds the source words (a covering letter: its own words);
//   - every PDF: qpdf --check passes; pdffonts lists only embedded, subset fonts with a ToUnicode
//     map; pdftotext -enc UTF-8 holds the words of the source file (specs/<collection>/<id>/<lang>.md,
//     found from manifest.json's document id; a covering letter: the words of its DOCX).
// "Holds the words": every word occurs letter for letter in pdftotext's layout reading (what
// poppler-based viewers search and copy), and the words are in order in the layout or the -raw
// (content order) reading, since the layout analysis reads table columns and loose lines in an
// order of its own. The source words are those of test/helpers/source-text.ts (a vitest test
// keeps the two equal): the body's text nodes parsed with the project's own parser (dist/),
// without attribute blocks and cross-reference link texts, split into runs of letters, digits
// and marks.
//
// One line per check, then a summary. Exit 1 when a check failed, 0 otherwise; a check whose
// tool is missing is skipped with a loud notice (exit 0), 2 on a usage error.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { hasTimesMetrics } from './docx-fonts.mjs';
import { alignSubsequence, missingWords, outlineWords, textWords } from './source-words.mjs';

export { alignSubsequence, missingWords, textWords };

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** LibreOffice's user profile for this run (a fresh one: no dialogs, no interference with a desktop session). */
const LO_PROFILE = join(tmpdir(), `lo-${process.pid}`);

// ---------------------------------------------------------------------------------------------
// Words (scripts/source-words.mjs, shared with the tests)
// ---------------------------------------------------------------------------------------------


let analyzeFile;

/** The reader-visible words of a spec file: { file, lang, title, body, footnotes: [{label, words}], all }. */
export async function sourceWords(absolute) {
  analyzeFile ??= (await import(pathToFileURL(join(ROOT, 'dist', 'validate', 'file.js')).href)).analyzeFile;
  const lang = basename(absolute, '.md');
  const folderDir = dirname(absolute);
  const collectionDir = dirname(folderDir);
  const specsDir = dirname(collectionDir);
  const file = [basename(specsDir), basename(collectionDir), basename(folderDir), `${lang}.md`].join('/');
  const location = { file, collection: basename(collectionDir), folder: basename(folderDir), lang };
  const result = analyzeFile(readFileSync(absolute), location, { specsDir });
  if (!result.parsed) {
    const d = result.analysis.diagnostics[0];
    throw new Error(`${file} cannot be parsed${d ? ` (${d.rule} at ${d.line}:${d.column})` : ''}`);
  }
  const { outline, data } = result.parsed;
  const { body, footnotes } = outlineWords(outline);
  return { file, lang, title: typeof data.title === 'string' ? data.title : '', body, footnotes, all: [...body, ...footnotes.flatMap((f) => f.words)] };
}


/** Footnote marks are raised numbers drawn right after a word; extractors glue them on ("söz1"). */
export function splitNoteMarks(words, notes) {
  if (notes === 0) return words;
  return words.flatMap((w) => {
    const m = /^(.*\p{L})(\d+)$/u.exec(w);
    const n = m ? Number(m[2]) : 0;
    return m && n >= 1 && n <= notes ? [m[1], m[2]] : [w];
  });
}

// ---------------------------------------------------------------------------------------------
// DOCX text without an XML library: paragraphs' w:t text (tabs and breaks as spaces)
// ---------------------------------------------------------------------------------------------

function decodeXml(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e.toLowerCase()];
  });
}

export function docxPartText(xml) {
  const paragraphs = [];
  for (const p of xml.match(/<w:p[\s>][^]*?<\/w:p>|<w:p\/>/g) ?? []) {
    let text = '';
    for (const m of p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)\b[^>]*\/>/g)) text += m[1] !== undefined ? decodeXml(m[1]) : ' ';
    paragraphs.push(text);
  }
  return paragraphs.join('\n');
}

async function unzip(bytes) {
  const { unzipSync, strFromU8 } = await import('fflate');
  const files = unzipSync(bytes);
  return { names: Object.keys(files), text: (name) => (files[name] ? strFromU8(files[name]) : undefined), files };
}

// ---------------------------------------------------------------------------------------------
// Tools and reporting
// ---------------------------------------------------------------------------------------------

function which(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      if (statSync(p).isFile()) return p;
    } catch {
      // not here
    }
  }
  return undefined;
}

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 600_000, ...options });
  return { code: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error };
}

const counts = { pass: 0, fail: 0, skip: 0 };
const skippedTools = new Map();

function report(status, check, subject, detail = '') {
  counts[status.toLowerCase()]++;
  console.log(`${status.padEnd(4)}  ${check.padEnd(26)} ${subject}${detail ? `  — ${detail}` : ''}`);
}

function skip(tool, check, subject, why) {
  skippedTools.set(tool, why);
  report('SKIP', check, subject, `${tool} is not installed`);
}

function shortList(items, n = 8) {
  return items.length <= n ? items.join(', ') : `${items.slice(0, n).join(', ')} … (${items.length} in all)`;
}

/**
 * pdftotext's two readings of a PDF: its default layout analysis (which reorders table columns
 * and loosely set lines, and joins words hyphenated at a line end) and -raw (content-stream order).
 */
function pdfReadings(pdftotext, file) {
  const read = (mode) => {
    const r = run(pdftotext, [...mode, '-enc', 'UTF-8', file, '-']);
    if (r.code !== 0) throw new Error(`pdftotext ${mode.join(' ')} failed on ${file}: ${r.stderr.trim()}`);
    return textWords(r.stdout);
  };
  return { layout: read([]), raw: read(['-raw']) };
}

/** The expected words of a covering letter: its DOCX paragraphs (table cells included) as blocks. */
function letterWords(docxText) {
  const blocks = docxText.split('\n').map(textWords).filter((b) => b.length > 0);
  return { body: blocks.flat(), blocks, footnotes: [] };
}

/**
 * pdftotext's layout reading joins a word hyphenated at a line end with the next line ("письмо-" +
 * "направление" → "письмонаправление"); a token that is two expected words joined is split again.
 */
function resplitJoined(words, vocabulary) {
  return words.flatMap((w) => {
    if (vocabulary.has(w)) return [w];
    for (let i = 1; i < w.length; i++) if (vocabulary.has(w.slice(0, i)) && vocabulary.has(w.slice(i))) return [w.slice(0, i), w.slice(i)];
    return [w];
  });
}

/**
 * The expected words against pdftotext's readings. Two requirements:
 *  - letters: every expected word occurs (as often) in the layout reading, which poppler-based
 *    viewers use for search and copy; a word losing or gaining a letter or a space fails here;
 *  - order: the body's words, and each footnote's, are in order in the layout or the raw reading
 *    (the layout analysis legitimately reads table columns and loose lines in another order).
 * With `expected.blocks` (paragraphs and table cells of a covering letter), the order is that
 * of the words within each block: a table row split over two pages is read in another order.
 * Returns { ok, detail }.
 */
export function wordCheck(readings, expected) {
  const notes = expected.footnotes ?? [];
  const all = [...expected.body, ...notes.flatMap((f) => f.words)];
  const vocabulary = new Set(all);
  const layout = resplitJoined(splitNoteMarks(readings.layout, notes.length), vocabulary);
  const missing = missingWords(layout, all);
  const orders = Object.entries(readings).map(([mode, words]) => {
    const w = splitNoteMarks(words, notes.length);
    if (expected.blocks) {
      const bad = expected.blocks.find((b) => alignSubsequence(w, b).reached < b.length);
      const a = bad ? { ...alignSubsequence(w, bad), reached: expected.blocks.indexOf(bad) } : { reached: expected.blocks.length };
      return { mode, ok: !bad, a, badNotes: [], unit: 'blocks', total: expected.blocks.length };
    }
    const a = alignSubsequence(w, expected.body);
    const badNotes = notes.filter((f) => alignSubsequence(w, f.words).reached < f.words.length).map((f) => `[^${f.label}]`);
    return { mode, ok: a.reached === expected.body.length && badNotes.length === 0, a, badNotes, unit: 'words', total: expected.body.length };
  });
  const inOrder = orders.filter((o) => o.ok).map((o) => o.mode);
  const problems = [];
  if (missing.length > 0) problems.push(`not found letter for letter in the layout reading: ${shortList(missing.map((m) => m.word))}`);
  if (inOrder.length === 0) {
    for (const o of orders) {
      let why = `${o.mode} reading: ${o.a.reached} of ${o.total} ${o.unit} in order`;
      if (o.a.firstMissing) why += `, first out of order or missing ${o.a.firstMissing} (the text has: "${o.a.outputNear}")`;
      if (o.badNotes.length) why += `, footnotes not found: ${o.badNotes.join(', ')}`;
      problems.push(why);
    }
  }
  if (problems.length > 0) return { ok: false, detail: problems.join(' | ') };
  return { ok: true, detail: `${all.length} words present; in order in the ${inOrder.join(' and ')} reading${inOrder.length > 1 ? 's' : ''}` };
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

function usage(message) {
  console.error(`interop-check: ${message}\nusage: node scripts/interop-check.mjs [OUT] [--specs DIR]`);
  process.exit(2);
}

async function main(argv) {
  let outArg;
  let specsArg;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--specs') specsArg = argv[++i] ?? usage('--specs needs a folder');
    else if (a === '-h' || a === '--help') usage('help');
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else if (outArg === undefined) outArg = a;
    else usage(`unexpected argument ${a}`);
  }
  const outDir = resolve(outArg ?? 'out');
  const specsDir = resolve(specsArg ?? 'specs');
  if (!existsSync(outDir)) usage(`${outDir} does not exist; run "npm run build" first`);
  if (!existsSync(join(ROOT, 'dist', 'validate', 'file.js'))) usage('dist/ is missing; run "npm run compile" first');

  const tools = {
    soffice: which('soffice') ?? which('libreoffice'),
    pdftotext: which('pdftotext'),
    pdffonts: which('pdffonts'),
    qpdf: which('qpdf'),
    xmllint: which('xmllint'),
    timesMetrics: hasTimesMetrics(),
  };
  const packs = readdirSync(outDir)
    .filter((n) => !n.startsWith('.') && existsSync(join(outDir, n, 'manifest.json')))
    .sort();
  if (packs.length === 0) usage(`no packs (folders with manifest.json) in ${outDir}`);
  console.log(`interop-check: ${packs.length} pack(s) in ${outDir}; sources in ${specsDir}`);
  console.log(`tools: ${Object.entries(tools).map(([k, v]) => `${k} ${v ? 'yes' : 'MISSING'}`).join(', ')}`);

  const sources = new Map();
  const sourceOf = async (id, lang) => {
    const key = `${id}/${lang}`;
    if (!sources.has(key)) {
      let file;
      for (const c of existsSync(specsDir) ? readdirSync(specsDir).sort() : []) {
        const candidate = join(specsDir, c, id, `${lang}.md`);
        if (existsSync(candidate)) file = candidate;
      }
      sources.set(key, file ? await sourceWords(file) : null);
    }
    return sources.get(key);
  };

  const work = mkdtempSync(join(tmpdir(), 'tertip-interop-'));
  try {
    for (const pack of packs) await checkPack(pack, join(outDir, pack), tools, sourceOf, work);
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(LO_PROFILE, { recursive: true, force: true });
  }

  const total = counts.pass + counts.fail + counts.skip;
  console.log(`\ninterop-check: ${total} checks: ${counts.pass} passed, ${counts.fail} failed, ${counts.skip} skipped`);
  if (skippedTools.size > 0) {
    console.log('!'.repeat(78));
    for (const [tool] of skippedTools) console.log(`!!! SKIPPED: ${tool} is not installed, so its checks did NOT run.`);
    console.log('!!! Install them with: apt-get install libreoffice-writer-nogui poppler-utils qpdf libxml2-utils');
    console.log('!'.repeat(78));
  }
  return counts.fail > 0 ? 1 : 0;
}

async function checkPack(pack, dir, tools, sourceOf, work) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const files = manifest.files ?? [];

  // manifest.json against the files
  const bad = [];
  for (const f of files) {
    const p = join(dir, f.path);
    if (!existsSync(p)) bad.push(`${f.path} missing`);
    else {
      const bytes = readFileSync(p);
      if (bytes.length !== f.bytes || createHash('sha256').update(bytes).digest('hex') !== f.sha256) bad.push(`${f.path} differs`);
    }
  }
  report(bad.length ? 'FAIL' : 'PASS', 'manifest hashes', `${pack}/manifest.json`, bad.length ? shortList(bad) : `${files.length} files`);

  const docx = files.filter((f) => f.path.endsWith('.docx'));
  const pdf = files.filter((f) => f.path.endsWith('.pdf'));

  // DOCX: every XML part well-formed
  const docxText = new Map();
  for (const f of docx) {
    const zip = await unzip(new Uint8Array(readFileSync(join(dir, f.path))));
    docxText.set(f.path, docxPartText(zip.text('word/document.xml') ?? ''));
    const subject = `${pack}/${f.path}`;
    if (!tools.xmllint) {
      skip('xmllint', 'DOCX XML well-formed', subject);
      continue;
    }
    const partsDir = mkdtempSync(join(work, 'parts-'));
    const parts = zip.names.filter((n) => /\.(xml|rels)$/.test(n));
    const paths = parts.map((n, i) => {
      const p = join(partsDir, `${i}.xml`);
      writeFileSync(p, zip.files[n]);
      return p;
    });
    const r = run(tools.xmllint, ['--noout', '--nonet', ...paths]);
    const errors = r.stderr.trim().split('\n').filter(Boolean).map((l) => l.replace(/^.*?\/(\d+)\.xml/, (_, i) => parts[Number(i)]));
    report(r.code === 0 ? 'PASS' : 'FAIL', 'DOCX XML well-formed', subject, r.code === 0 ? `${parts.length} parts` : shortList(errors, 3));
    rmSync(partsDir, { recursive: true, force: true });
  }

  // DOCX → PDF with LibreOffice, one batch per pack
  if (docx.length > 0) {
    if (!tools.soffice) {
      for (const f of docx) skip('LibreOffice (soffice)', 'LibreOffice opens DOCX', `${pack}/${f.path}`);
    } else {
      const inDir = mkdtempSync(join(work, 'lo-in-'));
      const outPdf = mkdtempSync(join(work, 'lo-out-'));
      const flat = (p) => p.replace(/\//g, '--');
      const inputs = docx.map((f) => {
        const p = join(inDir, flat(f.path));
        copyFileSync(join(dir, f.path), p);
        return p;
      });
      const profile = pathToFileURL(LO_PROFILE).href;
      const t0 = Date.now();
      const r = run(tools.soffice, ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', outPdf, ...inputs], { timeout: 1_200_000 });
      const seconds = ((Date.now() - t0) / 1000).toFixed(1);
      console.log(`      (soffice converted ${docx.length} DOCX of ${pack} in ${seconds} s, exit ${r.code ?? r.signal})`);
      for (const f of docx) {
        const subject = `${pack}/${f.path}`;
        const converted = join(outPdf, flat(f.path).replace(/\.docx$/, '.pdf'));
        if (!existsSync(converted) || statSync(converted).size === 0) {
          report('FAIL', 'LibreOffice opens DOCX', subject, `no PDF was written (soffice exit ${r.code ?? r.signal}${r.stderr.trim() ? `: ${r.stderr.trim().split('\n').pop()}` : ''})`);
          continue;
        }
        report('PASS', 'LibreOffice opens DOCX', subject);
        if (!tools.pdftotext) {
          skip('pdftotext', 'LibreOffice text = source', subject);
          continue;
        }
        if (!tools.timesMetrics) {
          skip('Times New Roman or a font with its metrics (fonts-liberation2)', 'LibreOffice text = source', subject);
          continue;
        }
        const readings = pdfReadings(tools.pdftotext, converted);
        const src = f.document ? await sourceOf(f.document, f.lang) : null;
        // A covering letter has no source file: its own DOCX text must survive LibreOffice.
        const expected = src ?? letterWords(docxText.get(f.path) ?? '');
        const verdict = wordCheck(readings, expected);
        report(verdict.ok ? 'PASS' : 'FAIL', src ? 'LibreOffice text = source' : 'LibreOffice text = DOCX', subject, verdict.detail);
      }
      rmSync(inDir, { recursive: true, force: true });
      rmSync(outPdf, { recursive: true, force: true });
    }
  }

  // Tertip's PDFs
  for (const f of pdf) {
    const abs = join(dir, f.path);
    const subject = `${pack}/${f.path}`;
    if (!tools.qpdf) skip('qpdf', 'qpdf --check', subject);
    else {
      const r = run(tools.qpdf, ['--check', abs]);
      const detail = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => /error|warning|damaged/i.test(l)).slice(0, 2).join(' | ');
      report(r.code === 0 ? 'PASS' : 'FAIL', 'qpdf --check', subject, r.code === 0 ? '' : `exit ${r.code}${detail ? `: ${detail}` : ''}`);
    }
    if (!tools.pdffonts) skip('pdffonts', 'fonts embedded+ToUnicode', subject);
    else {
      const r = run(tools.pdffonts, [abs]);
      const rows = r.stdout.split('\n').slice(2).filter((l) => l.trim());
      const problems = [];
      for (const row of rows) {
        // name type encoding emb sub uni object-ID: the flags are the 3 tokens before the last two.
        const t = row.trim().split(/\s+/);
        const [emb, sub, uni] = t.slice(-5, -2);
        const name = t[0];
        if (emb !== 'yes') problems.push(`${name} not embedded`);
        if (sub !== 'yes') problems.push(`${name} not subset`);
        if (uni !== 'yes') problems.push(`${name} has no ToUnicode`);
      }
      if (r.code !== 0) problems.push(`pdffonts exit ${r.code}`);
      if (rows.length === 0) problems.push('no fonts');
      report(problems.length ? 'FAIL' : 'PASS', 'fonts embedded+ToUnicode', subject, problems.length ? shortList(problems) : rows.map((l) => l.trim().split(/\s+/)[0]).join(', '));
    }
    if (!tools.pdftotext) {
      skip('pdftotext', 'pdftotext = source', subject);
      continue;
    }
    const src = f.document ? await sourceOf(f.document, f.lang) : null;
    if (f.document && !src) {
      report('FAIL', 'pdftotext = source', subject, `no source file for ${f.document} (${f.lang}) under the specs folder`);
      continue;
    }
    // A covering letter has no source file: the words of its DOCX twin must be in the PDF.
    const twin = docxText.get(f.path.replace(/\.pdf$/, '.docx'));
    if (!src && twin === undefined) continue;
    const expected = src ?? letterWords(twin);
    const readings = pdfReadings(tools.pdftotext, abs);
    const verdict = wordCheck(readings, expected);
    report(verdict.ok ? 'PASS' : 'FAIL', src ? 'pdftotext = source' : 'pdftotext = DOCX', subject, verdict.detail);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`interop-check: ${error?.stack ?? error}`);
      process.exit(2);
    },
  );
}
