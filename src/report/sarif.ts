/** SARIF 2.1.0, with a rule entry (id, short description, help) for every rule Tertip has. */
import { RULES, RULE_IDS } from '../core/rules.js';
import type { ReportInput } from './types.js';

const INFO_URI = 'https://github.com/tertip/tertip#diagnostics';

export function formatSarif(input: ReportInput): string {
  const index = new Map(RULE_IDS.map((id, i) => [id, i]));
  const region = (p: { line: number; column: number; endLine?: number; endColumn?: number }): Record<string, number> => {
    const r: Record<string, number> = { startLine: p.line, startColumn: p.column };
    if (p.endLine !== undefined) r.endLine = p.endLine;
    if (p.endColumn !== undefined) r.endColumn = p.endColumn;
    return r;
  };
  const location = (p: { file: string; line: number; column: number; endLine?: number; endColumn?: number }) => ({
    physicalLocation: { artifactLocation: { uri: encodeURI(p.file), uriBaseId: '%SRCROOT%' }, region: region(p) },
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'tertip',
            version: input.toolVersion,
            informationUri: INFO_URI,
            rules: RULE_IDS.map((id) => ({
              id,
              name: id.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
              shortDescription: { text: RULES[id].summary },
              fullDescription: { text: `${RULES[id].summary} ${RULES[id].help}` },
              help: { text: RULES[id].help },
              defaultConfiguration: { level: RULES[id].severity },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The project root (the folder holding specs/).' } } },
        results: input.diagnostics.map((d) => {
          const result: Record<string, unknown> = {
            ruleId: d.rule,
            ruleIndex: index.get(d.rule) ?? -1,
            level: d.severity,
            message: { text: d.message },
            locations: [location(d)],
          };
          if (d.related?.length) {
            result.relatedLocations = d.related.map((r, i) => ({ id: i + 1, ...location(r), message: { text: r.message } }));
          }
          return result;
        }),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
