/** Reporter registry: a new report format is a new module and one line here. */
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';
import type { ReportFormat, ReportInput, TextOptions } from './types.js';

export { FORMATS, type ReportFormat, type ReportInput } from './types.js';

export function formatReport(format: ReportFormat, input: ReportInput, options: TextOptions): string {
  switch (format) {
    case 'text':
      return formatText(input, options);
    case 'json':
      return formatJson(input);
    case 'junit':
      return formatJunit(input);
    case 'sarif':
      return formatSarif(input);
    case 'github':
      return formatGithub(input);
  }
}
