// Runs the tertip CLI in this process and reports its peak memory (and its output) on stderr.
const { main } = await import('../dist/cli.js');
let stdout = '';
const io = { cwd: process.cwd(), env: process.env, stdout: (t) => (stdout += t), stderr: (t) => process.stderr.write(t), isTTY: false };
const code = await main(process.argv.slice(2), io);
process.stderr.write(`\n@@bench ${JSON.stringify({ code, maxRssMb: process.resourceUsage().maxRSS / 1024, stdout })}\n`);
