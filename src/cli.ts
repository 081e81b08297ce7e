/** The `tertip` command: dispatches to validate and build; the only module that touches `process`. */
import { EXIT, UsageError } from './core/errors.js';
import type { CliIo } from './cli/io.js';
import { buildMain, BUILD_HELP } from './build.js';
import { toolVersion, validateMain, VALIDATE_HELP } from './validate.js';

const HELP = `Usage: tertip <command> [options]

Commands:
  validate [PATH...]   check the specifications and report problems
  build                validate, then build the DOCX and PDF packs into out/

Run "tertip <command> --help" for the options of a command.
  -v, --version        print the version

${VALIDATE_HELP}
${BUILD_HELP}`;

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate':
        return await validateMain(rest, io);
      case 'build':
        return await buildMain(rest, io);
      case '-v':
      case '--version':
        io.stdout(`${toolVersion()}\n`);
        return EXIT.ok;
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout(HELP);
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
  const io: CliIo = {
    cwd: process.cwd(),
    env: process.env,
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: process.stdout.isTTY === true,
  };
  const code = await main(process.argv.slice(2), io);
  process.exitCode = code;
}
