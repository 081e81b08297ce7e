/**
 * Diagnostics are data: every problem found anywhere in the pipeline is one of these,
 * and reporters only format them. Positions are 1-based and relative to the project root.
 */
import { RULES, type RuleId } from './rules.js';

export type Severity = 'error' | 'warning';

export interface Location {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface RelatedLocation extends Location {
  message: string;
}

export interface Diagnostic extends Location {
  severity: Severity;
  rule: RuleId;
  message: string;
  /** Other places the problem involves, e.g. the Turkmen value a Russian one disagrees with. */
  related?: RelatedLocation[];
}

export interface Position {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** Builds a diagnostic with the rule's default severity unless one is given. */
export function diag(
  rule: RuleId,
  file: string,
  pos: Position,
  message: string,
  extra: { severity?: Severity; related?: RelatedLocation[] } = {},
): Diagnostic {
  const d: Diagnostic = {
    file,
    line: Math.max(1, pos.line),
    column: Math.max(1, pos.column),
    severity: extra.severity ?? RULES[rule].severity,
    rule,
    message,
  };
  if (pos.endLine !== undefined) d.endLine = pos.endLine;
  if (pos.endColumn !== undefined) d.endColumn = pos.endColumn;
  if (extra.related && extra.related.length > 0) d.related = extra.related;
  return d;
}

/** Stable order: file, line, column, rule, message — so reports and hashes do not depend on worker timing. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    cmp(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    cmp(a.rule, b.rule) ||
    cmp(a.message, b.message)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(compareDiagnostics);
}

export function countBySeverity(list: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of list) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}
