/**
 * Front-matter checks of one file: the kind's schema, then what a schema cannot say
 * (id = folder, lang = file, unique item ids, references between items, dates in order,
 * what a status requires).
 */
import { diag, type Diagnostic, type Position } from '../core/diagnostics.js';
import { COLLECTIONS, isKind, type Collection, type DocKind, type Lang, type Status } from '../core/types.js';
import type { Locator } from '../parse/locate.js';
import type { SchemaRegistry } from '../schema/registry.js';
import { closest, formatPath, schemaDiagnostics } from './schema.js';

export interface FrontMatterInput {
  file: string;
  collection: string;
  folder: string;
  fileLang: Lang;
  data: unknown;
  locate: Locator;
  endOfFrontMatter: Position;
  registry: SchemaRegistry;
}

export interface FrontMatterCheck {
  diagnostics: Diagnostic[];
  kind?: DocKind;
  schemaValid: boolean;
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

export function checkFrontMatter(input: FrontMatterInput): FrontMatterCheck {
  const { file, data, locate, registry } = input;
  const out: Diagnostic[] = [];
  if (!isObj(data)) {
    out.push(diag('fm-schema', file, { line: 2, column: 1 }, 'The front matter must be a mapping of fields ("id: ...", "kind: ...", one per line), not a single value or a list.'));
    return { diagnostics: out, schemaValid: false };
  }
  const kindValue = data.kind;
  let kind: DocKind | undefined;
  let errors;
  if (isKind(kindValue)) {
    kind = kindValue;
    errors = registry.validateKind(kind, data);
    const expected = COLLECTIONS[input.collection as Collection];
    if (expected && expected !== kind) {
      out.push(diag('fm-kind-collection', file, locate.value(['kind']), `This is a "${kind}", but it is filed under specs/${input.collection}/, which holds "${expected}" documents. Move the folder or correct the kind.`));
    }
  } else {
    if (kindValue !== undefined) {
      const guess = typeof kindValue === 'string' ? closest(kindValue, ['service-specification', 'sop', 'normative-act']) : undefined;
      out.push(
        diag('fm-kind-unknown', file, locate.value(['kind']), `The kind ${JSON.stringify(kindValue)} is not known.${guess ? ` Did you mean "${guess}"?` : ''} Use service-specification, sop or normative-act.`),
      );
    }
    errors = registry.validateBase(data);
  }
  out.push(...schemaDiagnostics(errors, { file, data, locate, endOfFrontMatter: input.endOfFrontMatter }));

  if (typeof data.id === 'string' && data.id !== input.folder) {
    out.push(diag('fm-id-folder', file, locate.value(['id']), `The id "${data.id}" differs from the folder name "${input.folder}": they must be equal. Rename the folder or correct the id.`));
  }
  if (typeof data.lang === 'string' && data.lang !== input.fileLang) {
    out.push(diag('fm-lang-file', file, locate.value(['lang']), `This file is ${input.fileLang}.md but says lang: ${data.lang}. Each file holds the language of its name.`));
  }
  out.push(...duplicateItemIds(data, file, locate));
  if (kind) out.push(...danglingRefs(kind, data, file, locate));
  out.push(...dateOrder(data, file, locate));
  out.push(...statusRequirements(data, file, locate));
  return { diagnostics: out, ...(kind ? { kind } : {}), schemaValid: errors.length === 0 };
}

/** Any list of mappings with an `id` field must not repeat an id. */
function duplicateItemIds(data: Obj, file: string, locate: Locator): Diagnostic[] {
  const out: Diagnostic[] = [];
  const walk = (value: unknown, path: Array<string | number>): void => {
    if (Array.isArray(value)) {
      const seen = new Map<string, number>();
      value.forEach((item, i) => {
        if (isObj(item) && typeof item.id === 'string') {
          const first = seen.get(item.id);
          if (first !== undefined) {
            const firstPos = locate.value([...path, first, 'id']);
            out.push(
              diag('fm-duplicate-item', file, locate.value([...path, i, 'id']), `The id "${item.id}" is used twice in "${formatPath(path)}" (first at line ${firstPos.line}); give each item its own id.`, {
                related: [{ file, ...firstPos, message: 'first use of the id' }],
              }),
            );
          } else seen.set(item.id, i);
        }
        walk(item, [...path, i]);
      });
    } else if (isObj(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    }
  };
  walk(data, []);
  return out;
}

function ids(list: unknown): Set<string> {
  const out = new Set<string>();
  if (Array.isArray(list)) for (const item of list) if (isObj(item) && typeof item.id === 'string') out.add(item.id);
  return out;
}

function danglingRefs(kind: DocKind, data: Obj, file: string, locate: Locator): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (list: unknown, field: string, targets: Set<string>, targetName: string, listName: string): void => {
    if (!Array.isArray(list)) return;
    list.forEach((item, i) => {
      if (!isObj(item)) return;
      const v = item[field];
      const values = Array.isArray(v) ? v : v === undefined ? [] : [v];
      values.forEach((ref, j) => {
        if (typeof ref !== 'string' || targets.has(ref)) return;
        const path = Array.isArray(v) ? [listName, i, field, j] : [listName, i, field];
        const known = [...targets];
        out.push(
          diag('fm-dangling-ref', file, locate.value(path), `"${formatPath(path)}" refers to ${targetName} "${ref}", which is not defined.${known.length ? ` Defined: ${known.join(', ')}.` : ''}`),
        );
      });
    });
  };
  if (kind === 'service-specification') {
    check(data.expectedResults, 'goal', ids(data.goals), 'the goal', 'expectedResults');
    check(data.expectedResults, 'indicators', ids(data.indicators), 'the indicator', 'expectedResults');
  } else if (kind === 'sop') {
    const agencies = ids(data.agencies);
    check(data.roles, 'agency', agencies, 'the agency', 'roles');
    check(data.steps, 'actors', ids(data.roles), 'the role', 'steps');
    check(data.steps, 'next', ids(data.steps), 'the step', 'steps');
    check(data.steps, 'forms', ids(data.forms), 'the form', 'steps');
    check(data.referralPathway, 'from', agencies, 'the agency', 'referralPathway');
    check(data.referralPathway, 'to', agencies, 'the agency', 'referralPathway');
  }
  return out;
}

interface DatedField {
  path: Array<string | number>;
  label: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

function get(data: Obj, path: ReadonlyArray<string | number>): unknown {
  let v: unknown = data;
  for (const s of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[s];
  }
  return v;
}

function dateOrder(data: Obj, file: string, locate: Locator): Diagnostic[] {
  const out: Diagnostic[] = [];
  const pairs: Array<[DatedField, DatedField]> = [
    [{ path: ['dates', 'created'], label: 'created' }, { path: ['dates', 'updated'], label: 'updated' }],
    [{ path: ['dates', 'agreed'], label: 'agreed' }, { path: ['dates', 'approved'], label: 'approved' }],
    [{ path: ['dates', 'approved'], label: 'approved' }, { path: ['dates', 'effective'], label: 'effective' }],
    [{ path: ['approval', 'date'], label: 'the approving order' }, { path: ['act', 'registration', 'date'], label: 'the registration' }],
    [{ path: ['act', 'registration', 'date'], label: 'the registration' }, { path: ['act', 'effective', 'date'], label: 'the effective date' }],
  ];
  for (const [a, b] of pairs) {
    const x = str(get(data, a.path));
    const y = str(get(data, b.path));
    if (x && y && x > y) {
      out.push(diag('fm-date-order', file, locate.value(b.path), `"${formatPath(b.path)}" (${y}) is before "${formatPath(a.path)}" (${x}): ${b.label} cannot come before ${a.label}.`));
    }
  }
  const approvalDate = str(get(data, ['approval', 'date']));
  const approved = str(get(data, ['dates', 'approved']));
  if (approvalDate && approved && approvalDate !== approved) {
    out.push(diag('fm-date-order', file, locate.value(['dates', 'approved']), `"dates.approved" (${approved}) differs from "approval.date" (${approvalDate}); they are the same event.`));
  }
  const updated = str(get(data, ['dates', 'updated']));
  const log = data.changeLog;
  if (updated && Array.isArray(log)) {
    log.forEach((entry, i) => {
      const d = isObj(entry) ? str(entry.date) : undefined;
      if (d && d > updated) out.push(diag('fm-date-order', file, locate.value(['changeLog', i, 'date']), `This change is dated ${d}, after the document was last updated (${updated}).`));
    });
  }
  return out;
}

const ORDER: Status[] = ['draft', 'review', 'agreed', 'approved', 'registered', 'in-force', 'superseded', 'repealed'];

function statusRequirements(data: Obj, file: string, locate: Locator): Diagnostic[] {
  const out: Diagnostic[] = [];
  const status = data.status;
  if (typeof status !== 'string' || !ORDER.includes(status as Status)) return out;
  const rank = ORDER.indexOf(status as Status);
  const approval = isObj(data.approval) ? data.approval : undefined;
  if (rank >= ORDER.indexOf('approved') && approval) {
    for (const field of ['number', 'date'] as const) {
      if (approval[field] === null || approval[field] === undefined) {
        out.push(diag('fm-status', file, locate.value(['approval', field]), `The status is "${status}", so "approval.${field}" must give the approving order's ${field}.`));
      }
    }
  }
  const act = isObj(data.act) ? data.act : undefined;
  if (act && (status === 'registered' || status === 'in-force') && (act.registration === null || act.registration === undefined)) {
    out.push(diag('fm-status', file, locate.value(['act', 'registration']), `The status is "${status}", so "act.registration" must give the Ministry of Adalat's registration number and date.`));
  }
  const effective = act && isObj(act.effective) ? act.effective : undefined;
  if (effective && effective.rule === 'on-date' && (effective.date === null || effective.date === undefined)) {
    out.push(diag('fm-status', file, locate.value(['act', 'effective']), 'The act takes effect "on-date", so "act.effective.date" must give the date.'));
  }
  return out;
}
