/** Each reporter's output parsed back as its consumers read it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../src/core/rules.js';
import { formatReport, type ReportInput } from '../../src/report/index.js';
import { spec, validDocument } from '../helpers/fixtures.js';
import { makeProject, validate } from '../helpers/project.js';

let input: ReportInput;

beforeAll(async () => {
  const files = {
    ...validDocument(),
    'specs/services/demo/ru.md': spec('ru').replace('25 %', '30 %').replace('status: draft', 'status: drafty'),
    'specs/services/other/tk.md': spec('tk', 'other').replace('Ikinji bent', 'Ikinji, 100%, "quoted" & <tag>, a:b'),
  };
  const r = await validate(makeProject(files));
  input = {
    diagnostics: r.diagnostics,
    summary: r.summary,
    files: r.summaries.map((s) => ({ file: s.file, collection: s.collection, folder: s.folder, fileLang: s.fileLang })),
    toolVersion: '0.0.0-test',
  };
  expect(input.summary.errors).toBeGreaterThan(0);
  expect(input.summary.warnings).toBeGreaterThan(0);
});

describe('json', () => {
  it('prints the versioned envelope with every diagnostic', () => {
    const out = JSON.parse(formatReport('json', input, { color: false }));
    expect(out.version).toBe(1);
    expect(out.summary).toEqual(input.summary);
    expect(Object.keys(out.summary).sort()).toEqual(['documents', 'errors', 'files', 'warnings']);
    expect(out.diagnostics).toEqual(input.diagnostics);
    for (const d of out.diagnostics) expect(Object.keys(d)).toEqual(expect.arrayContaining(['file', 'line', 'column', 'severity', 'rule', 'message']));
  });
});

describe('junit', () => {
  it('has one suite per document and one case per language file, failing with the diagnostics', () => {
    const xml = formatReport('junit', input, { color: false });
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => n === 'testsuite' || n === 'testcase' }).parse(xml);
    const suites = doc.testsuites.testsuite as Array<{ name: string; tests: string; failures: string; testcase: Array<{ name: string; failure?: { '#text': string; message: string } }> }>;
    expect(suites.map((s) => s.name)).toEqual(['services/demo', 'services/other']);
    const demo = suites[0] as (typeof suites)[number];
    expect(demo.testcase.map((c) => c.name)).toEqual(['ru.md', 'tk.md']);
    const ru = demo.testcase[0] as (typeof demo.testcase)[number];
    expect(ru.failure?.['#text']).toContain('fm-schema');
    expect(ru.failure?.['#text']).toContain('specs/services/demo/ru.md:7:9');
    expect(demo.testcase[1]?.failure).toBeUndefined();
    expect(Number(doc.testsuites.tests)).toBe(3);
    expect(Number(doc.testsuites.failures)).toBe(2);
  });
});

describe('sarif', () => {
  it('is valid SARIF 2.1.0 with a rule entry for every rule', () => {
    const log = JSON.parse(formatReport('sarif', input, { color: false }));
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new Ajv04({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
    const valid = ajv.validate(schema, log);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const rules = log.runs[0].tool.driver.rules as Array<{ id: string; shortDescription: { text: string }; help: { text: string } }>;
    expect(rules.map((r) => r.id)).toEqual(RULE_IDS);
    for (const r of rules) {
      expect(r.shortDescription.text.length).toBeGreaterThan(10);
      expect(r.help.text.length).toBeGreaterThan(10);
    }
    const results = log.runs[0].results as Array<{ ruleId: string; ruleIndex: number; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }>;
    expect(results).toHaveLength(input.diagnostics.length);
    for (const r of results) expect(rules[r.ruleIndex]?.id).toBe(r.ruleId);
    const parity = results.find((r) => r.ruleId === 'parity-numbers') as unknown as { relatedLocations: unknown[]; level: string };
    expect(parity.level).toBe('warning');
    expect(parity.relatedLocations).toHaveLength(1);
  });
});

describe('github', () => {
  it('prints one workflow command per diagnostic with escaped properties and data', () => {
    const lines = formatReport('github', input, { color: false }).trimEnd().split('\n');
    const commands = lines.filter((l) => l.startsWith('::'));
    expect(commands).toHaveLength(input.diagnostics.length);
    for (const [i, line] of commands.entries()) {
      const d = input.diagnostics[i] as (typeof input.diagnostics)[number];
      expect(line).toMatch(new RegExp(`^::${d.severity} file=${d.file.replace(/[.]/g, '\\.')},line=${d.line},col=${d.column}(,endLine=\\d+)?(,endColumn=\\d+)?,title=${d.rule}::`));
      expect(line.split('::').length).toBe(3);
      expect(line).not.toMatch(/\n/);
    }
    expect(commands.find((l) => l.includes('parity-numbers'))).toContain('%0Athe Turkmen passage: specs/services/demo/tk.md');
  });
});

describe('text', () => {
  it('groups by file, sorts by position and ends with the counts', () => {
    const out = formatReport('text', input, { color: false });
    expect(out).not.toMatch(/\u001b\[/);
    const headers = out.split('\n').filter((l) => l.startsWith('specs/'));
    expect(headers).toEqual([...new Set(input.diagnostics.map((d) => d.file))]);
    expect(out).toMatch(/✖ \d+ errors?, \d+ warnings? \(2 documents, 3 files checked\)\n$/);
    expect(out).toContain('↳ specs/services/demo/tk.md');
  });

  it('uses colour only when asked', () => {
    expect(formatReport('text', input, { color: true })).toMatch(/\u001b\[31m/);
  });
});
