// Runs the tertip CLI in this process and reports its peak memory (and its output) on stderr.
// The code bin/tertip.js runs: the bundle when it has been made.
import { existsSync } from 'node:fs';
const bundle = new URL('../dist/bundle/cli.js', import.meta.url);
const { main } = await import(existsSync(bundle) ? bundle.href : '../dist/cli.js');
let stdout = '';
const io = { cwd: process.cwd(), env: process.env, stdout: (t) => (stdout += t), stderr: (t) => process.stderr.write(t), isTTY: false };
const code = await main(process.argv.slice(2), io);
process.stderr.write(`\n@@bench ${JSON.stringify({ code, maxRssMb: process.resourceUsage().maxRSS / 1024, stdout })}\n`);
