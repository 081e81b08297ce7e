/** The `tertip` command: dispatches to validate and build; the only module that touches `process`. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { EXIT, UsageError } from './core/errors.js';
import type { CliIo } from './cli/io.js';
import type { WorkerPool } from './engine/pool.js';
import { splitByFormat, startWorkers } from './engine/start.js';
import { FORMATS } from './render/registry.js';

async function help(): Promise<string> {
  const [{ VALIDATE_HELP }, { BUILD_HELP }] = await Promise.all([import('./validate.js'), import('./build.js')]);
  return `Usage: tertip <command> [options]

Commands:
  validate [PATH...]   check the specifications and report problems
  build                validate, then build the DOCX and PDF packs into out/

Run "tertip <command> --help" for the options of a command.
  -v, --version        print the version

${VALIDATE_HELP}
${BUILD_HELP}`;
}

/**
 * The workers, started before the command loads its modules (the parsers, the rules, the build),
 * so that they boot meanwhile: one, and the PDF worker too for a build that will split by format
 * with its default formats and jobs (engine/start.ts splitByFormat; with --format or --jobs the
 * build starts what else it needs). None for a call that will not need them (help, no specs/).
 */
function earlyWorkers(command: 'validate' | 'build', argv: string[], io: CliIo): WorkerPool | undefined {
  if (argv.includes('-h') || argv.includes('--help') || !existsSync(join(io.cwd, 'specs'))) return undefined;
  const defaults = !argv.some((a) => a.startsWith('--jobs') || a.startsWith('--format'));
  const two = command === 'build' && defaults && splitByFormat(io.cwd, FORMATS, undefined);
  try {
    return startWorkers(io.cwd, two ? 2 : 1);
  } catch {
    // Not compiled, for instance: the command itself reports it.
    return undefined;
  }
}

/**
 * V8 optimises a function after ~66 KB of its bytecode has run. A build runs much library code
 * (docx, pdfkit, fontkit, micromark, yaml) only for a while, and at that threshold the optimising
 * compiler kept the second core busy with code soon thrown away. Optimising later made a cold
 * one-document build ~15 % faster, a 40-document build on two workers ~13 % and a cold validation
 * of the corpus ~15 % (measured side by side). Set before any worker starts: V8 flags are per process.
 */
function tuneCompiler(): void {
  setFlagsFromString('--interrupt-budget=500000');
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  tuneCompiler();
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate':
      case 'build': {
        const pool = earlyWorkers(command, rest, io);
        try {
          return command === 'build' ? await (await import('./build.js')).buildMain(rest, io, pool) : await (await import('./validate.js')).validateMain(rest, io, pool);
        } finally {
          // Released by the run that used it; here when a usage error came first (the process then
          // exits and Node stops the workers, even one still loading its modules: cli.test.ts).
          pool?.release();
        }
      }
      case '-v':
      case '--version':
        io.stdout(`${(await import('./validate.js')).toolVersion()}\n`);
        return EXIT.ok;
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout(await help());
        return command === undefined ? EXIT.failure : EXIT.ok;
      default:
        throw new UsageError(`Unknown command "${command}". Commands: validate, build.`);
    }
  } catch (e) {
    if (e instanceof UsageError || (e instanceof TypeError && 'code' in e && String((e as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS'))) {
      io.stderr(`tertip: ${e.message}\nRun "tertip --help" for usage.\n`);
      return EXIT.failure;
    }
    io.stderr(`tertip: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\nThis is a bug in Tertip; please report it with the command you ran.\n`);
    return EXIT.failure;
  }
}

export async function run(): Promise<void> {
  const stdout = guardedWriter(process.stdout);
  const stderr = guardedWriter(process.stderr);
  const io: CliIo = {
    cwd: process.cwd(),
    env: process.env,
    stdout: stdout.write,
    stderr: stderr.write,
    isTTY: process.stdout.isTTY === true,
  };
  const code = await main(process.argv.slice(2), io);
  // Stream errors are emitted after the failed write returns.
  await new Promise((resolve) => setImmediate(resolve));
  // A reader that went away (`tertip validate | head`) is no failure; a report that could not be
  // written (a full disk behind `> report.txt`) is: the caller must not take silence for success.
  const failed = stdout.failure();
  if (failed) {
    stderr.write(`tertip: the report could not be written to standard output: ${failed.message}\n`);
    process.exitCode = EXIT.failure;
  } else process.exitCode = code;
}

/** A writer that goes quiet when its stream fails, remembering why unless the reader merely closed it (EPIPE). */
function guardedWriter(stream: NodeJS.WriteStream): { write: (text: string) => void; failure: () => Error | undefined } {
  let open = true;
  let error: Error | undefined;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    open = false;
    if (e.code !== 'EPIPE') error = e;
  });
  return {
    write: (text) => {
      if (open) stream.write(text);
    },
    failure: () => error,
  };
}
