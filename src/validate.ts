/**
 * `tertip validate [PATH...] [--format text|json|junit|sarif|github] [--output FILE]`
 * Exit code: 0 no errors (warnings allowed), 1 errors in the documents, 2 usage or internal failure.
 */
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXIT, UsageError } from './core/errors.js';
import { packageRoot } from './core/paths.js';
import { useColor, type CliIo } from './cli/io.js';
import { writeFileAtomic } from './cli/output.js';
import type { WorkerPool } from './engine/pool.js';
import { runValidation, type ValidationResult } from './engine/validation.js';
import { FORMATS, formatReport, type ReportFormat } from './report/index.js';

export const VALIDATE_HELP = `Usage: tertip validate [PATH...] [options]

Checks every specification under specs/ (front matter, structure, cross-references and
the parity of the Turkmen and Russian versions) and reports the problems of PATH
(files or folders; default: everything).

Options:
  --format FORMAT   text (default), json, junit, sarif or github
  --output FILE     write the report to FILE instead of standard output
  --jobs N          worker threads (default: the number of cores)
  --no-cache        do not read or write .tertip-cache/
  -h, --help        show this help

Exit codes: 0 no errors (warnings allowed), 1 the documents have errors, 2 usage or internal failure.
`;

export function toolVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

export function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--jobs takes a whole number from 1 to 64, not "${value}".`);
  return n;
}

export function parseFormat(value: string | undefined): ReportFormat {
  const f = value ?? 'text';
  if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`Unknown --format "${f}"; use one of: ${FORMATS.join(', ')}.`);
  return f as ReportFormat;
}

export function renderReport(result: ValidationResult, format: ReportFormat, color: boolean): string {
  return formatReport(
    format,
    {
      diagnostics: result.diagnostics,
      summary: result.summary,
      files: result.summaries.map((s) => ({ file: s.file, collection: s.collection, folder: s.folder, fileLang: s.fileLang })),
      toolVersion: toolVersion(),
    },
    { color },
  );
}

/** `pool`: workers the command started already (cli.ts), or none. */
export async function validateMain(argv: string[], io: CliIo, pool?: WorkerPool): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string' },
      output: { type: 'string' },
      jobs: { type: 'string' },
      'no-cache': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(VALIDATE_HELP);
    return EXIT.ok;
  }
  const format = parseFormat(values.format);
  const jobs = parseJobs(values.jobs);
  const result = await runValidation({
    projectRoot: io.cwd,
    paths: positionals.map((p) => resolve(io.cwd, p)),
    cache: !values['no-cache'],
    ...(jobs !== undefined ? { jobs } : {}),
    ...(pool ? { pool } : {}),
  });
  const report = renderReport(result, format, values.output === undefined && format === 'text' && useColor(io));
  if (values.output !== undefined) {
    writeFileAtomic(resolve(io.cwd, values.output), report);
    if (format !== 'text') io.stderr(renderReport(result, 'text', false).split('\n').filter(Boolean).pop() + '\n');
  } else io.stdout(report);
  // A file Tertip itself failed on is an internal failure (2), not a problem in the documents (1).
  if (result.diagnostics.some((d) => d.rule === 'internal-error')) return EXIT.failure;
  return result.summary.errors > 0 ? EXIT.documentErrors : EXIT.ok;
}
