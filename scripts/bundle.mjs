// Bundles the compiled CLI and its worker into dist/bundle/ (run after tsc by `npm run compile`).
//
// Why: a build loaded ~450 small ES modules (350 of them from node_modules: micromark, mdast,
// unified, yaml, docx, ...) in the main thread and again in every worker, resolving each through
// some 800 failed file probes. One bundle per entry, with the renderers split into chunks that are
// still loaded only when a build needs them, cut a cold one-document build from 1.70 to 1.53 s and
// a cached `tertip validate` from 0.31 to 0.22 s on the project's machine (medians, side by side).
//
// Left outside the bundle: pdfkit (it reads its data files, e.g. the ICC profile PDF/A needs, from
// beside its own module) and fontkit (the fonts we create must be the instances pdfkit expects).
// Modules loaded with createRequire at run time (ajv when schemas are compiled late, hyphenation
// patterns, fontkit) stay ordinary runtime requires.
import { rmSync } from 'node:fs';
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
const result = await build({
  absWorkingDir: root,
  entryPoints: { cli: 'dist/cli.js', 'engine/worker': 'dist/engine/worker.js' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['pdfkit', 'fontkit'],
  // CommonJS dependencies inside an ES bundle call require() for Node's built-ins.
  banner: { js: "import { createRequire as __tertipCreateRequire } from 'node:module'; const require = __tertipCreateRequire(import.meta.url);" },
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
});
const inputs = Object.keys(result.metafile.inputs).length;
console.log(`bundled ${inputs} modules into ${Object.keys(result.metafile.outputs).length} files (dist/bundle/)`);
