#!/usr/bin/env node
// The tertip command. The TypeScript sources are compiled to dist/ by `npm install` (prepare).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

// V8 optimises a function after ~66 KB of bytecode has run in it. A build runs a great deal of
// library code (docx, pdfkit, fontkit, micromark, yaml) only for a while, and at that threshold
// the optimising compiler kept the second core busy with code soon thrown away: optimising later
// made a cold one-document build ~20 % faster and a 40-document build on two workers ~13 %
// faster (bench/, side by side). Set before any worker starts: V8 flags are per process.
setFlagsFromString('--interrupt-budget=500000');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist', 'cli.js');
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
