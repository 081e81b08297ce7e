/**
 * `tertip build [--pack NAME]... [--lang tk|ru]... [--format docx|pdf]... [--out DIR]`
 * Validates, then builds the packs into out/. Exit code: 0 built, 1 the documents have errors
 * (nothing is written), 2 usage or internal failure.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { EXIT, UsageError } from './core/errors.js';
import { isLang, type Lang } from './core/types.js';
import { useColor, type CliIo } from './cli/io.js';
import { runBuild } from './engine/build.js';
import type { WorkerPool } from './engine/pool.js';
import { FORMATS, type Format } from './render/registry.js';
import { formatReport } from './report/index.js';
import { parseJobs, renderReport, toolVersion } from './validate.js';

export const BUILD_HELP = `Usage: tertip build [options]

Validates every specification, then builds the packs defined in specs/packs/ (every pack
unless --pack is given) into out/<pack>/ and out/<pack>.zip: for each document and language
an editable DOCX and an archival PDF, the covering letters, manifest.json and the validation
report. Nothing is written when the sources have errors.

Options:
  --pack NAME       build this pack only (repeatable)
  --lang tk|ru      only this language (repeatable)
  --format docx|pdf only this format (repeatable)
  --out DIR         the output folder (default: out)
  --jobs N          worker threads (default: the number of cores)
  -h, --help        show this help

Environment: SOURCE_DATE_EPOCH fixes the build date (default: the newest date the sources give),
so the same sources always give byte-identical files.
`;

function parseList<T extends string>(values: string[] | undefined, allowed: readonly T[], option: string): T[] | undefined {
  if (!values?.length) return undefined;
  for (const v of values) if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`--${option} takes ${allowed.join(' or ')}, not "${v}".`);
  return values as T[];
}

/** `pool`: workers the command started already (cli.ts), or none. */
export async function buildMain(argv: string[], io: CliIo, pool?: WorkerPool): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    allowPositionals: false,
    strict: true,
    options: {
      pack: { type: 'string', multiple: true },
      lang: { type: 'string', multiple: true },
      format: { type: 'string', multiple: true },
      out: { type: 'string' },
      jobs: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(BUILD_HELP);
    return EXIT.ok;
  }
  const langs = parseList(values.lang, ['tk', 'ru'] as const, 'lang') as Lang[] | undefined;
  if (langs?.some((l) => !isLang(l))) throw new UsageError('--lang takes tk or ru.');
  const formats = parseList(values.format, FORMATS, 'format') as Format[] | undefined;
  const jobs = parseJobs(values.jobs);
  const color = useColor(io);
  const result = await runBuild({
    projectRoot: io.cwd,
    ...(values.out !== undefined ? { outDir: resolve(io.cwd, values.out) } : {}),
    ...(values.pack ? { packs: values.pack } : {}),
    ...(langs ? { langs } : {}),
    ...(formats ? { formats } : {}),
    ...(jobs !== undefined ? { jobs } : {}),
    ...(pool ? { pool } : {}),
    ...(io.env.SOURCE_DATE_EPOCH !== undefined ? { sourceDateEpoch: io.env.SOURCE_DATE_EPOCH } : {}),
    toolVersion: toolVersion(),
    report: (v) =>
      formatReport('json', { diagnostics: v.diagnostics, summary: v.summary, files: [], toolVersion: toolVersion() }, { color: false }),
    onProgress: io.isTTY ? (line) => io.stderr(`${line}\n`) : undefined,
  });
  const v = result.validation;
  if (v.summary.errors > 0) {
    io.stdout(renderReport(v, 'text', color));
    if (v.diagnostics.some((d) => d.rule === 'internal-error')) {
      io.stderr('tertip: an internal error stopped the build (see above); nothing was built and out/ is unchanged.\n');
      return EXIT.failure;
    }
    io.stderr('tertip: the sources have errors; nothing was built and out/ is unchanged.\n');
    return EXIT.documentErrors;
  }
  if (result.renderDiagnostics.length > 0) {
    io.stdout(
      formatReport(
        'text',
        { diagnostics: result.renderDiagnostics, summary: { ...v.summary, errors: result.renderDiagnostics.length }, files: [], toolVersion: toolVersion() },
        { color },
      ),
    );
    const internal = result.renderDiagnostics.some((d) => d.rule === 'internal-error');
    io.stderr(`tertip: rendering failed${internal ? ' (an internal error: please report it with the files named above)' : ''}; nothing was written and out/ is unchanged.\n`);
    return internal ? EXIT.failure : EXIT.documentErrors;
  }
  if (v.summary.warnings > 0) io.stdout(renderReport(v, 'text', color));
  const t = result.timings;
  for (const p of result.packs) io.stdout(`built ${p.id}: ${p.files} files in ${p.dir}, archive ${p.zip}\n`);
  const med = (xs: number[]): string => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length ? `${Math.round(s[s.length >> 1] as number)} ms` : '-';
  };
  io.stdout(
    `${v.summary.documents} documents: ${t.perFileMs.docx.length} DOCX (median ${med(t.perFileMs.docx)} each) and ${t.perFileMs.pdf.length} PDF (median ${med(t.perFileMs.pdf)} each) in ${(t.totalMs / 1000).toFixed(1)} s\n`,
  );
  return EXIT.ok;
}
