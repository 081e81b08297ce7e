// npm run bench: validation (and build) figures on a deterministic synthetic corpus, with the
// floor of our own stack measured side by side in the same run. Medians; ratios are what count
// on a shared machine.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { writeCorpus } from './corpus.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = new Set(process.argv.slice(2));
const DOCS = 100;
const TREE_DOCS = 1000;
const ROUNDS = 5;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (n, d = 1) => n.toFixed(d);
const specFiles = (root) =>
  readdirSync(join(root, 'specs/services')).flatMap((d) => ['tk', 'ru'].map((l) => join(root, 'specs/services', d, `${l}.md`)));

/** read + gray-matter + remark-parse, with full GFM (performance.md's floor) or with only the
 * tables and footnotes Tertip's own parser enables (a stricter floor). */
function floorPass(files, gfm = true) {
  const processor = gfm
    ? unified().use(remarkParse).use(remarkGfm)
    : unified()
        .use(remarkParse)
        .use(function () {
          const data = this.data();
          (data.micromarkExtensions ??= []).push(gfmTable(), gfmFootnote());
          (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmFootnoteFromMarkdown());
        });
  const t0 = performance.now();
  for (const f of files) {
    const parsed = matter(readFileSync(f, 'utf8'), {});
    processor.parse(parsed.content);
  }
  return (performance.now() - t0) / files.length;
}

function cli(cwd, argv) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(ROOT, 'bench/child.mjs'), ...argv], { cwd, encoding: 'utf8' });
  const ms = performance.now() - t0;
  const m = /@@bench (\{.*\})\n?$/.exec(r.stderr);
  if (!m) throw new Error(`bench child failed: ${r.stderr}`);
  return { ms, ...JSON.parse(m[1]) };
}

const work = mkdtempSync(join(tmpdir(), 'tertip-bench-'));
const report = [];
const say = (line) => {
  report.push(line);
  console.log(line);
};

try {
  say(`Tertip benchmark — node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
  // --- validation throughput ----------------------------------------------------------------
  const corpus = join(work, 'corpus');
  writeCorpus(corpus, DOCS);
  const small = join(work, 'small');
  writeCorpus(small, 1);
  const files = specFiles(corpus);
  const words = files.reduce((n, f) => n + readFileSync(f, 'utf8').split(/\s+/).length, 0) / files.length;
  say(`\nSynthetic corpus: ${DOCS} documents × 2 languages = ${files.length} files, ~${Math.round(words)} words each`);

  floorPass(files); // warm the page cache and the JIT
  floorPass(files, false);
  const floor = [];
  const strict = [];
  const one = [];
  const two = [];
  const rss = [];
  for (let i = 0; i < ROUNDS; i++) {
    floor.push(floorPass(files));
    strict.push(floorPass(files, false));
    const base1 = cli(small, ['validate', '--no-cache', '--jobs', '1']).ms;
    const r1 = cli(corpus, ['validate', '--no-cache', '--jobs', '1']);
    one.push((r1.ms - base1) / (files.length - 2));
    const r2 = cli(corpus, ['validate', '--no-cache', '--jobs', '2']);
    two.push(r2.ms);
    rss.push(r1.maxRssMb, r2.maxRssMb);
    if (i === 0) say(`  (round 1: one worker ${fmt(r1.ms, 0)} ms, two workers ${fmt(r2.ms, 0)} ms for ${files.length} files)`);
  }
  const f = median(floor);
  const o = median(one);
  say('\nValidation, per file (median of ' + ROUNDS + ' rounds, measured side by side):');
  say(`  floor: read + gray-matter + remark-parse + remark-gfm      ${fmt(f)} ms   (performance.md's floor)`);
  say(`  stricter floor: the same with only tables and footnotes       ${fmt(median(strict))} ms`);
  say(`  tertip validate --jobs 1 (marginal cost per file)            ${fmt(o)} ms   ratio ${fmt(o / f, 2)} × floor (target ≤ 1.3), ${fmt(o / median(strict), 2)} × the stricter one`);
  const wall1 = median(one.map((x) => x * (files.length - 2)));
  say(`  tertip validate --jobs 2, whole run of ${files.length} files           ${fmt(median(two), 0)} ms   (${fmt(median(two) / files.length)} ms per file)`);
  say(`  two workers vs one (marginal):                               ${fmt(wall1 / median(two), 2)} × faster`);
  say(`  peak memory (RSS) of a validate run                          ${fmt(Math.max(...rss), 0)} MB`);

  // --- incremental re-validation on a 2,000-file tree ----------------------------------------
  const tree = join(work, 'tree');
  writeCorpus(tree, TREE_DOCS);
  const cold = cli(tree, ['validate']);
  const warm = [];
  const edited = [];
  for (let i = 0; i < ROUNDS; i++) {
    warm.push(cli(tree, ['validate']).ms);
    const target = join(tree, 'specs/services', `synthetic-${String(i * 97).padStart(4, '0')}`, 'ru.md');
    appendFileSync(target, `\nТекст ${i}.\n`);
    edited.push(cli(tree, ['validate']));
  }
  say(`\nRe-validation of a ${TREE_DOCS * 2}-file tree (whole command, node start-up included; median of ${ROUNDS}):`);
  say(`  cold, cache empty                                            ${fmt(cold.ms, 0)} ms (${fmt(cold.maxRssMb, 0)} MB peak)`);
  say(`  nothing changed                                              ${fmt(median(warm), 0)} ms`);
  say(`  one file edited                                              ${fmt(median(edited.map((e) => e.ms)), 0)} ms (target < 500 ms; ${fmt(Math.max(...edited.map((e) => e.maxRssMb)), 0)} MB peak)`);

  if (!args.has('--validate-only')) {
    const build = await import('./build.mjs').catch(() => undefined);
    if (build?.benchBuild) await build.benchBuild({ work, say, cli, median, fmt, writeCorpus });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
