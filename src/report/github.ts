/** GitHub Actions workflow commands: one annotation per diagnostic on the pull request's diff. */
import type { ReportInput } from './types.js';

const data = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const prop = (s: string): string => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(input: ReportInput): string {
  const lines = input.diagnostics.map((d) => {
    const props = [`file=${prop(d.file)}`, `line=${d.line}`, `col=${d.column}`];
    if (d.endLine !== undefined) props.push(`endLine=${d.endLine}`);
    if (d.endColumn !== undefined && (d.endLine === undefined || d.endLine === d.line)) props.push(`endColumn=${d.endColumn}`);
    props.push(`title=${prop(d.rule)}`);
    const related = (d.related ?? []).map((r) => `\n${r.message}: ${r.file}:${r.line}:${r.column}`).join('');
    return `::${d.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${data(d.message + related)}`;
  });
  const { errors, warnings, documents, files } = input.summary;
  lines.push(`Tertip: ${errors} errors, ${warnings} warnings in ${documents} documents (${files} files).`);
  return `${lines.join('\n')}\n`;
}
