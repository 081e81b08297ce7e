// Bundles the compiled CLI and its worker into dist/bundle/ (run after tsc by `npm run compile`).
//
// Why: a build loaded ~450 small ES modules (350 of them from node_modules: micromark, mdast,
// unified, yaml, docx, ...) in the main thread and again in every worker, resolving each through
// some 800 failed file probes. One bundle per entry, with the renderers split into chunks that are
// still loaded only when a build needs them, cut a cold one-document build from 1.70 to 1.53 s and
// a cached `tertip validate` from 0.31 to 0.22 s on the project's machine (medians, side by side).
//
// pdfkit and fontkit are bundled too (a cold PDF imported ~180 ms of modules, 85 ms bundled), with
// three of pdfkit's dependencies left out because Tertip never reaches them: linebreak (pdfkit's own
// text wrapping: Tertip lays out lines itself), AES from @noble/ciphers (encrypted PDFs) and brotli
// (WOFF2 fonts: PT Serif is read as TTF). Each is replaced by a module that throws a sentence if it
// is ever called, so a future use fails loudly in the tests instead of misbehaving. pdfkit finds its
// data files (the ICC profile PDF/A needs) through import.meta.url, which in the bundle is rewritten
// to pdfkit's installed location, resolved at run time.
// Modules loaded with createRequire at run time stay ordinary runtime requires: ajv when schemas are
// compiled late, the hyphenation patterns, and fontkit for a caller that needs it before rendering
// has imported the bundled copy (fonts.ts fontkitInstance; a build never does).
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });
// The bundle only makes start-up faster: without esbuild (an install that left out its binary),
// bin/tertip.js runs the same code from dist/, so say so and carry on.
let build;
try {
  ({ build } = await import('esbuild'));
} catch (e) {
  console.warn(`tertip: esbuild is unavailable (${e instanceof Error ? e.message.split('\n')[0] : e}); the command runs unbundled from dist/ and starts slower.`);
  process.exit(0);
}
// docx is compiled with Babel's object-spread helper, which copies every property of the option
// objects of every XML element through defineProperty one at a time: 5 ms of each document's ~35 ms
// of DOCX rendering. In the bundle it becomes Object.assign, which gives the same plain objects
// (the sources are option literals; the tests compare the bundled command's packs byte for byte
// with the unbundled one's). docx is pinned exactly, and the step fails if the helper changes.
const SLOW_SPREAD = `function _objectSpread2(e) {
  for (var r = 1; r < arguments.length; r++) {
    var t = null != arguments[r] ? arguments[r] : {};
    r % 2 ? ownKeys(Object(t), !0).forEach(function (r) {
      _defineProperty(e, r, t[r]);
    }) : Object.getOwnPropertyDescriptors ? Object.defineProperties(e, Object.getOwnPropertyDescriptors(t)) : ownKeys(Object(t)).forEach(function (r) {
      Object.defineProperty(e, r, Object.getOwnPropertyDescriptor(t, r));
    });
  }
  return e;
}`;
const FAST_SPREAD = `function _objectSpread2(e) {
  for (var r = 1; r < arguments.length; r++) if (arguments[r] != null) Object.assign(e, arguments[r]);
  return e;
}`;
/** A plugin that rewrites one dependency file; `patch` throws when the file is not as expected. */
const patchSource = (name, filter, patch) => ({
  name,
  setup(b) {
    b.onLoad({ filter }, (args) => ({ contents: patch(readFileSync(args.path, 'utf8'), args.path), loader: 'js' }));
  },
});
const fastDocxSpread = patchSource('docx-object-spread', /[\\/]node_modules[\\/]docx[\\/]dist[\\/]index\.mjs$/, (source, path) => {
  const start = source.indexOf('function _objectSpread2(e) {');
  const end = source.indexOf('return e;', start);
  const close = source.indexOf('}', end);
  const found = start >= 0 && end > start && close > end ? source.slice(start, close + 1) : '';
  const bare = (text) => text.replace(/\s+/g, '');
  if (bare(found) !== bare(SLOW_SPREAD)) throw new Error(`docx's object-spread helper is not the expected one (${path}); update scripts/bundle.mjs`);
  return source.slice(0, start) + FAST_SPREAD + source.slice(close + 1);
});
// fontkit builds the lookup tries of its Arabic, Indic and Universal shapers when it is loaded (a
// double inflate each, in every worker); PT Serif's Latin and Cyrillic text only ever uses the
// default shaper. Each trie is made on its first lookup instead; the step fails if fontkit changes.
const SHAPER_TRIE = /const ([\w$]+\$var\$trie) = (new \(0, \$52ZIf\$unicodetrie\)\(\(0, [\w$]+\)\("[A-Za-z0-9+/=]+"\)\));/g;
const lazyShaperTries = patchSource('fontkit-lazy-shaper-tries', /[\\/]node_modules[\\/]fontkit[\\/]dist[\\/]module\.mjs$/, (source, path) => {
  const names = [...source.matchAll(SHAPER_TRIE)].map((m) => m[1]);
  const onlyLookedUp = names.every((name) => source.split(name).length - 2 === source.split(`${name}.get(`).length - 1);
  if (names.length !== 3 || !onlyLookedUp) throw new Error(`fontkit's shaper tries are not as expected (${path}); update scripts/bundle.mjs`);
  const lazy = 'const __tertipLazyTrie = (make) => { let trie; return { get: (codePoint) => (trie ??= make()).get(codePoint) }; };\n';
  return lazy + source.replace(SHAPER_TRIE, 'const $1 = __tertipLazyTrie(() => $2);');
});
// pdfkit's dependencies that Tertip never calls (see the top of this file).
const LEFT_OUT = {
  linebreak: "pdfkit's text wrapping (Tertip breaks lines itself)",
  '@noble/ciphers/aes': 'PDF encryption',
  'brotli/decompress.js': 'WOFF2 font decoding (PT Serif is read as TrueType)',
};
const leaveOut = {
  name: 'leave-out-unused',
  setup(b) {
    b.onResolve({ filter: /^(linebreak|@noble\/ciphers\/aes|brotli\/decompress\.js)$/ }, (args) => ({ path: args.path, namespace: 'left-out' }));
    b.onLoad({ filter: /.*/, namespace: 'left-out' }, (args) => ({
      contents: `function leftOut() { throw new Error(${JSON.stringify(`tertip: ${LEFT_OUT[args.path]} was left out of the bundle (${args.path}); see scripts/bundle.mjs`)}); };
export default leftOut;
export const cbc = leftOut;
export const ecb = leftOut;`,
      loader: 'js',
    }));
  },
};
// pdfkit's import.meta.url must name pdfkit's own folder, not the bundle's.
const pdfkitLocation = patchSource('pdfkit-location', /[\\/]node_modules[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/, (source, path) => {
  const uses = source.split('import.meta.url').length - 1;
  if (uses !== 2) throw new Error(`pdfkit uses import.meta.url ${uses} times, not 2 (${path}); check scripts/bundle.mjs`);
  return (
    "import { createRequire as __tertipPdfkitRequire } from 'node:module';\n" +
    "import { pathToFileURL as __tertipPdfkitFileUrl } from 'node:url';\n" +
    "const __tertipPdfkitUrl = __tertipPdfkitFileUrl(__tertipPdfkitRequire(import.meta.url).resolve('pdfkit')).href;\n" +
    source.replaceAll('import.meta.url', '__tertipPdfkitUrl')
  );
});
// gray-matter's js-yaml loads esprima (a JavaScript parser, ~10 ms per thread) for its !!js/function
// type, which Tertip's refusing engines never reach; js-yaml carries on without it, as in a browser.
const ESPRIMA = "esprima = _require('esprima');";
const noEsprima = patchSource('js-yaml-without-esprima', /[\\/]node_modules[\\/]js-yaml[\\/]lib[\\/]js-yaml[\\/]type[\\/]js[\\/]function\.js$/, (source, path) => {
  if (source.split(ESPRIMA).length !== 2) throw new Error(`js-yaml no longer loads esprima as expected (${path}); check scripts/bundle.mjs`);
  return source.replace(ESPRIMA, "throw new Error('esprima is left out of the bundle');");
});
const result = await build({
  absWorkingDir: root,
  entryPoints: { cli: 'dist/cli.js', 'engine/worker': 'dist/engine/worker.js' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // CommonJS dependencies inside an ES bundle call require() for Node's built-ins.
  banner: { js: "import { createRequire as __tertipCreateRequire } from 'node:module'; const require = __tertipCreateRequire(import.meta.url);" },
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  plugins: [fastDocxSpread, lazyShaperTries, leaveOut, pdfkitLocation, noEsprima],
});
const inputs = Object.keys(result.metafile.inputs).length;
console.log(`bundled ${inputs} modules into ${Object.keys(result.metafile.outputs).length} files (dist/bundle/)`);
