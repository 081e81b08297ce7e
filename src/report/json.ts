/** The machine report: a versioned envelope around the diagnostics as they are. */
import type { ReportInput } from './types.js';

export function formatJson(input: ReportInput): string {
  return `${JSON.stringify({ version: 1, summary: input.summary, diagnostics: input.diagnostics }, null, 2)}\n`;
}
