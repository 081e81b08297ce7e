#!/usr/bin/env node
// The tertip command. The TypeScript sources are compiled to dist/ by `npm install` (prepare).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The bundle (scripts/bundle.mjs) loads a few files instead of ~450 modules; dist/cli.js is the same
// code, used when the bundle has not been made.
const bundle = join(root, 'dist', 'bundle', 'cli.js');
const entry = existsSync(bundle) ? bundle : join(root, 'dist', 'cli.js');
if (!existsSync(entry)) {
  process.stderr.write('tertip: not compiled yet; run "npm install" or "npm run compile" in ' + root + '\n');
  process.exit(2);
}
// A developer who edited src/ without recompiling would otherwise run stale code silently.
if (existsSync(join(root, 'src'))) {
  const info = join(root, 'dist', '.tsbuildinfo');
  const built = statSync(existsSync(info) ? info : entry).mtimeMs;
  const newer = (dir) =>
    readdirSync(dir, { withFileTypes: true }).some((e) =>
      e.isDirectory() ? newer(join(dir, e.name)) : e.name.endsWith('.ts') && statSync(join(dir, e.name)).mtimeMs > built,
    );
  if (newer(join(root, 'src'))) process.stderr.write('tertip: warning: src/ is newer than dist/; run "npm run compile" to use your changes.\n');
}
const { run } = await import(entry);
await run();
