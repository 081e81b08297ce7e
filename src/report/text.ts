/** The human report: problems grouped by file, one line each, with related locations under them. */
import type { Diagnostic } from '../core/diagnostics.js';
import type { ReportInput, TextOptions } from './types.js';

const paint = (on: boolean, code: string) => (s: string): string => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

export function formatText(input: ReportInput, options: TextOptions): string {
  const red = paint(options.color, '31');
  const yellow = paint(options.color, '33');
  const dim = paint(options.color, '2');
  const under = paint(options.color, '4');
  const lines: string[] = [];
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of input.diagnostics) {
    const list = byFile.get(d.file) ?? [];
    list.push(d);
    byFile.set(d.file, list);
  }
  for (const [file, list] of byFile) {
    lines.push(under(file));
    const width = Math.max(...list.map((d) => `${d.line}:${d.column}`.length));
    for (const d of list) {
      const where = `${d.line}:${d.column}`.padEnd(width);
      const sev = d.severity === 'error' ? red('error  ') : yellow('warning');
      lines.push(`  ${where}  ${sev}  ${d.message}  ${dim(d.rule)}`);
      for (const r of d.related ?? []) lines.push(`  ${' '.repeat(width)}  ${dim(`↳ ${r.file}:${r.line}:${r.column} ${r.message}`)}`);
    }
    lines.push('');
  }
  const { errors, warnings, documents, files } = input.summary;
  const counts = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  const scope = `${documents} document${documents === 1 ? '' : 's'}, ${files} file${files === 1 ? '' : 's'} checked`;
  if (errors > 0) lines.push(red(`✖ ${counts} (${scope})`));
  else if (warnings > 0) lines.push(yellow(`⚠ ${counts} (${scope})`));
  else lines.push(`✔ no problems (${scope})`);
  return `${lines.join('\n')}\n`;
}
