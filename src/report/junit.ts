/**
 * JUnit XML: one test suite per document, one test case per language file; a file with errors
 * fails with its diagnostics, warnings go to the test case's output.
 */
import type { Diagnostic } from '../core/diagnostics.js';
import type { ReportInput } from './types.js';

const esc = (s: string): string =>
  s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

const line = (d: Diagnostic): string => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule}: ${d.message}${(d.related ?? []).map((r) => `\n    ↳ ${r.file}:${r.line}:${r.column} ${r.message}`).join('')}`;

interface Case {
  name: string;
  classname: string;
  diagnostics: Diagnostic[];
}

export function formatJunit(input: ReportInput): string {
  const suites = new Map<string, Case[]>();
  const caseOf = new Map<string, Case>();
  for (const f of input.files) {
    const suite = `${f.collection}/${f.folder}`;
    const c: Case = { name: `${f.fileLang}.md`, classname: suite, diagnostics: [] };
    const list = suites.get(suite) ?? [];
    list.push(c);
    suites.set(suite, list);
    caseOf.set(f.file, c);
  }
  for (const d of input.diagnostics) {
    let c = caseOf.get(d.file);
    if (!c) {
      // Problems in files that are not specifications (packs, stray files) form their own suite.
      c = { name: d.file, classname: 'project', diagnostics: [] };
      const list = suites.get('project') ?? [];
      list.push(c);
      suites.set('project', list);
      caseOf.set(d.file, c);
    }
    c.diagnostics.push(d);
  }
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  let tests = 0;
  let failures = 0;
  const body: string[] = [];
  for (const [suite, cases] of [...suites].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const failed = cases.filter((c) => c.diagnostics.some((d) => d.severity === 'error')).length;
    tests += cases.length;
    failures += failed;
    body.push(`  <testsuite name="${esc(suite)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="0">`);
    for (const c of cases) {
      const errors = c.diagnostics.filter((d) => d.severity === 'error');
      const warnings = c.diagnostics.filter((d) => d.severity === 'warning');
      body.push(`    <testcase name="${esc(c.name)}" classname="${esc(c.classname)}">`);
      if (errors.length > 0) {
        body.push(`      <failure message="${esc(`${errors.length} error${errors.length === 1 ? '' : 's'}: ${errors[0]?.message ?? ''}`)}" type="${esc(errors[0]?.rule ?? 'error')}">${esc(errors.map(line).join('\n'))}</failure>`);
      }
      if (warnings.length > 0) body.push(`      <system-out>${esc(warnings.map(line).join('\n'))}</system-out>`);
      body.push('    </testcase>');
    }
    body.push('  </testsuite>');
  }
  out.push(`<testsuites name="tertip validate" tests="${tests}" failures="${failures}" errors="0">`);
  out.push(...body, '</testsuites>');
  return `${out.join('\n')}\n`;
}
