// Runs the tertip CLI in this process and reports its peak memory on stderr as JSON.
const { main } = await import('../dist/cli.js');
const io = { cwd: process.cwd(), env: process.env, stdout: () => undefined, stderr: (t) => process.stderr.write(t), isTTY: false };
const code = await main(process.argv.slice(2), io);
process.stderr.write(`\n@@bench ${JSON.stringify({ code, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
