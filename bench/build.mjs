// Build figures for `npm run bench`: per-file cost against our stack's floor, two cores against
// one, the user's route (pandoc + LibreOffice) side by side, a cold one-document build, and the
// bundled corpus.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import * as fontkit from 'fontkit';
import matter from 'gray-matter';
import PDFDocument from 'pdfkit';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

function specFiles(root) {
  const out = [];
  for (const c of readdirSync(join(root, 'specs'))) {
    if (c === 'packs' || c === 'assets') continue;
    for (const d of readdirSync(join(root, 'specs', c))) for (const l of ['tk', 'ru']) out.push(join(root, 'specs', c, d, `${l}.md`));
  }
  return out;
}

/**
 * The blocks of a document for the floor: headings, paragraphs and table rows of the Markdown
 * body, then every text of the front matter (the data the document's generated tables print),
 * so the floor lays out the same words as the real document does.
 */
function blocks(tree, data) {
  const out = [];
  const text = (m) => (m.value ?? '') + (m.children ?? []).map(text).join('');
  const walk = (n) => {
    if (n.type === 'heading') return void out.push({ kind: 'heading', text: text(n) });
    if (n.type === 'paragraph') return void out.push({ kind: 'paragraph', text: text(n) });
    if (n.type === 'table') return void out.push({ kind: 'table', rows: n.children.map((r) => r.children.map(text)) });
    for (const c of n.children ?? []) walk(c);
  };
  walk(tree);
  const strings = [];
  const collect = (v) => {
    if (typeof v === 'string') strings.push(v);
    else if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') Object.values(v).forEach(collect);
  };
  collect(data);
  out.push({ kind: 'table', rows: strings.map((s) => [s]) });
  return out;
}

const FACE_FILES = ['400Regular/PTSerif_400Regular.ttf', '700Bold/PTSerif_700Bold.ttf', '400Regular_Italic/PTSerif_400Regular_Italic.ttf', '700Bold_Italic/PTSerif_700Bold_Italic.ttf'].map((f) =>
  readFileSync(require.resolve(`@expo-google-fonts/pt-serif/${f}`)),
);

/**
 * performance.md's floor for one file: read + gray-matter + remark-parse + remark-gfm; a plain
 * DOCX (headings, paragraphs, tables; Packer.toBuffer); a plain PDF with the fonts handled as
 * performance.md says (four faces, fontkit.create per document, registered by name), 12 pt,
 * headings bold, left-aligned (pdfkit's justify loses spaces: trap 1), table cells as text.
 */
export async function floorFile(file, processor) {
  const { content, data } = matter(readFileSync(file, 'utf8'), {});
  const doc = blocks(processor.parse(content), data);
  const children = doc.map((b) =>
    b.kind === 'table'
      ? new Table({ rows: b.rows.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) })) })
      : new Paragraph({ children: [new TextRun({ text: b.text, bold: b.kind === 'heading' })], ...(b.kind === 'heading' ? { heading: HeadingLevel.HEADING_2 } : {}) }),
  );
  await Packer.toBuffer(new Document({ sections: [{ children }] }));
  await new Promise((resolve) => {
    const pdf = new PDFDocument({ size: 'A4', margin: 70, info: { CreationDate: new Date(0) } });
    ['regular', 'bold', 'italic', 'boldItalic'].forEach((name, i) => pdf.registerFont(name, fontkit.create(FACE_FILES[i])));
    pdf.on('data', () => undefined);
    pdf.on('end', resolve);
    for (const b of doc) {
      if (b.kind === 'table') for (const r of b.rows) pdf.font('regular').fontSize(11).text(r.join('   '), { align: 'left' });
      else pdf.font(b.kind === 'heading' ? 'bold' : 'regular').fontSize(b.kind === 'heading' ? 13 : 12).text(b.text, { align: 'left', paragraphGap: 4 });
    }
    pdf.end();
  });
}

export async function benchBuild({ work, say, cli, median, fmt, writeCorpus }) {
  const corpus = join(work, 'corpus');
  const one = join(work, 'one');
  writeCorpus(one, 1);
  const files = specFiles(corpus);
  const processor = unified().use(remarkParse).use(remarkGfm);

  say(`\nBuild, synthetic corpus (${files.length / 2} documents × 2 languages, DOCX + PDF each; median of 3 rounds):`);
  for (const f of files.slice(0, 4)) await floorFile(f, processor); // warm the JIT and the imports
  const floor = [];
  const one1 = [];
  const two = [];
  const rss = [];
  let lastOut = '';
  for (let round = 0; round < 3; round++) {
    const t0 = performance.now();
    for (const f of files) await floorFile(f, processor);
    floor.push((performance.now() - t0) / files.length);
    const base = cli(one, ['build', '--jobs', '1']).ms;
    const r1 = cli(corpus, ['build', '--jobs', '1']);
    one1.push((r1.ms - base) / (files.length - 2));
    const r2 = cli(corpus, ['build', '--jobs', '2']);
    two.push(r2.ms);
    rss.push(r1.maxRssMb, r2.maxRssMb);
    lastOut = r2.stdout ?? '';
  }
  const f = median(floor);
  const o = median(one1);
  say(`  floor: performance.md's (parse + plain docx + plain pdfkit)  ${fmt(f)} ms per file (performance.md measured 63–84)`);
  say(`  tertip build --jobs 1 (marginal, validation included)        ${fmt(o)} ms per file   ratio ${fmt(o / f, 2)} × floor (target ≤ 1.3)`);
  say(`  tertip build --jobs 2, whole build                           ${fmt(median(two) / 1000, 2)} s   (${fmt(median(two) / files.length)} ms per file)`);
  say(`  two workers vs one                                           ${fmt((o * files.length) / median(two), 2)} × faster`);
  say(`  peak memory (RSS) of a build                                 ${fmt(Math.max(...rss), 0)} MB`);
  if (lastOut) say(`  ${lastOut.trim().split('\n').pop()}`);

  // The user's route, side by side: pandoc per file (two at a time) + one LibreOffice batch.
  if (has('pandoc') && has('soffice')) {
    const route = join(work, 'route');
    rmSync(route, { recursive: true, force: true });
    mkdirSync(route, { recursive: true });
    const t0 = performance.now();
    const list = join(route, 'files.txt');
    writeFileSync(list, files.map((file, i) => `${file}\t${join(route, `${i}.docx`)}`).join('\n'));
    spawnSync('sh', ['-c', `tr '\\t' '\\n' < ${list} | xargs -n 2 -P 2 sh -c 'pandoc -f markdown -o "$1" "$0"'`], { stdio: 'ignore' });
    const tDocx = performance.now();
    spawnSync('sh', ['-c', `cd ${route} && soffice --headless --norestore -env:UserInstallation=file://${route}/lo --convert-to pdf --outdir ${route} *.docx`], { stdio: 'ignore' });
    const tPdf = performance.now();
    const pdfs = readdirSync(route).filter((n) => n.endsWith('.pdf')).length;
    const total = tPdf - t0;
    say(`\nThe user's route on the same corpus (measured in this run):`);
    say(`  pandoc → DOCX, two processes at a time                       ${fmt((tDocx - t0) / files.length)} ms per file`);
    say(`  one LibreOffice batch DOCX → PDF (${pdfs} PDFs)                  ${fmt((tPdf - tDocx) / files.length)} ms per file`);
    say(`  whole route                                                  ${fmt(total / 1000, 2)} s   (${fmt(total / files.length)} ms per file)`);
    say(`  tertip build --jobs 2 is                                     ${fmt(total / median(two), 2)} × faster (target ≥ 3)`);
  } else say('\nThe user\'s route: skipped (pandoc and LibreOffice are not both installed).');

  // A cold build of one bilingual document: a new process, nothing cached; beside it, alternately,
  // the floor's stack doing the same two files cold (performance.md measured that at ~0.95 s).
  const cold = [];
  const floorCold = [];
  const oneFiles = specFiles(one);
  for (let i = 0; i < 5; i++) {
    rmSync(join(one, 'out'), { recursive: true, force: true });
    rmSync(join(one, '.tertip-cache'), { recursive: true, force: true });
    cold.push(cli(one, ['build']).ms);
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [join(ROOT, 'bench/floor-cold.mjs'), ...oneFiles], { stdio: 'ignore' });
    if (r.status !== 0) throw new Error('bench/floor-cold.mjs failed');
    floorCold.push(performance.now() - t0);
  }
  say(`\nCold build of one bilingual document (new process, DOCX + PDF, median of 5):`);
  say(`  tertip build                                                 ${fmt(median(cold), 0)} ms (target < 1000 ms)`);
  say(`  the floor's stack, same two files, cold                      ${fmt(median(floorCold), 0)} ms   ratio ${fmt(median(cold) / median(floorCold), 2)} × floor`);

  // The bundled corpus, as `npm run build` builds it.
  const bundled = join(work, 'bundled');
  cpSync(join(ROOT, 'specs'), join(bundled, 'specs'), { recursive: true });
  const runs = [];
  let out = '';
  for (let i = 0; i < 3; i++) {
    rmSync(join(bundled, 'out'), { recursive: true, force: true });
    const r = cli(bundled, ['build']);
    runs.push(r);
    out = r.stdout ?? '';
  }
  const bundledFiles = specFiles(bundled).length;
  say(`\nBundled corpus (${bundledFiles / 2} documents × 2 languages, every pack; median of 3):`);
  say(`  whole build                                                  ${fmt(median(runs.map((r) => r.ms)) / 1000, 2)} s, ${fmt(Math.max(...runs.map((r) => r.maxRssMb)), 0)} MB peak`);
  say(`  ${out.trim().split('\n').pop()}`);
}
