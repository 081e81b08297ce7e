/**
 * Checks that span files: duplicate document ids, missing language versions, parity between
 * the Turkmen and Russian files, and cross-references to other documents. Works on digests
 * only, so it costs milliseconds even for thousands of files.
 */
import { diag, type Diagnostic, type Position, type RelatedLocation } from '../core/diagnostics.js';
import { requiresBothLanguages, type Lang } from '../core/types.js';
import type { FileDigest, FileSummary, NumberBlock, XrefEntry } from './digest.js';
import { missingNumbers } from './numbers.js';
import { closest } from './schema.js';

export interface DocGroup<T extends FileSummary = FileSummary> {
  /** The folder name (= the document id when valid). */
  id: string;
  collection: string;
  files: Partial<Record<Lang, T>>;
}

const MAX_PARITY_PER_DOCUMENT = 60;
const LANG_NAMES: Record<Lang, string> = { tk: 'Turkmen', ru: 'Russian' };

export function groupDocuments<T extends FileSummary>(digests: readonly T[]): Array<DocGroup<T>> {
  const groups = new Map<string, DocGroup<T>>();
  for (const d of digests) {
    const key = `${d.collection}/${d.folder}`;
    let g = groups.get(key);
    if (!g) {
      g = { id: d.folder, collection: d.collection, files: {} };
      groups.set(key, g);
    }
    g.files[d.fileLang] = d;
  }
  return [...groups.values()].sort((a, b) => (a.collection + a.id < b.collection + b.id ? -1 : 1));
}

/** Every check across files, on full digests (the engine splits this to reuse cached parity). */
export function checkCorpus(digests: readonly FileDigest[]): Diagnostic[] {
  const out = checkDocuments(digests);
  for (const g of groupDocuments(digests)) {
    const { tk, ru } = g.files;
    if (tk && ru) out.push(...checkParity(tk, ru));
  }
  return out;
}

/** Duplicate ids, missing language versions and broken references to other documents. */
export function checkDocuments(summaries: readonly FileSummary[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const groups = groupDocuments(summaries);
  out.push(...duplicateIds(groups));
  for (const g of groups) out.push(...missingLanguage(g));
  out.push(...brokenReferences(summaries, groups));
  return out;
}

function duplicateIds(groups: DocGroup[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, DocGroup>();
  for (const g of groups) {
    const key = g.id.normalize('NFC').toLowerCase();
    const first = seen.get(key);
    const digest = g.files.tk ?? g.files.ru;
    if (!digest) continue;
    if (first) {
      const firstDigest = (first.files.tk ?? first.files.ru) as FileDigest;
      out.push(
        diag('doc-duplicate-id', digest.file, digest.idPos, `The document id "${g.id}" is also used by specs/${first.collection}/${first.id}/; ids must be unique across all collections (ignoring case).`, {
          related: [{ file: firstDigest.file, ...firstDigest.idPos, message: 'the other document with this id' }],
        }),
      );
    } else seen.set(key, g);
  }
  return out;
}

function missingLanguage(g: DocGroup): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [have, missing] of [
    ['tk', 'ru'],
    ['ru', 'tk'],
  ] as const) {
    const d = g.files[have];
    if (!d || g.files[missing]) continue;
    const status = d.status ?? 'draft';
    const severity = requiresBothLanguages(status) ? 'error' : 'warning';
    out.push(
      diag(
        'doc-missing-lang',
        d.file,
        d.statusPos,
        `The ${LANG_NAMES[missing]} version specs/${g.collection}/${g.id}/${missing}.md is missing; ${severity === 'error' ? `a document with status "${status}" needs both languages` : 'it is required once the document leaves draft'}.`,
        { severity },
      ),
    );
  }
  return out;
}

function rel(d: FileSummary, pos: Position, message: string): RelatedLocation[] {
  return [{ file: d.file, ...pos, message }];
}

/** The Turkmen and Russian files of one document must agree in everything language-neutral. */
export function checkParity(tk: FileDigest, ru: FileDigest): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (tk.schemaValid && ru.schemaValid) out.push(...frontMatterParity(tk, ru));
  if (tk.bodyParsed && ru.bodyParsed) {
    const sectionProblems = sectionParity(tk, ru);
    out.push(...sectionProblems);
    if (sectionProblems.length === 0) {
      out.push(...clauseParity(tk, ru));
      out.push(...figureParity(tk, ru));
      out.push(...xrefParity(tk, ru));
      out.push(...numberParity(tk, ru));
    }
  }
  if (out.length > MAX_PARITY_PER_DOCUMENT) {
    const rest = out.length - MAX_PARITY_PER_DOCUMENT;
    out.length = MAX_PARITY_PER_DOCUMENT;
    out.push(diag('parity-front-matter', ru.file, { line: 1, column: 1 }, `… and ${rest} more differences between the language versions.`, { severity: 'warning' }));
  }
  return out;
}

function frontMatterParity(tk: FileDigest, ru: FileDigest): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ruFacts = new Map(ru.neutral.map((f) => [f.path, f]));
  const tkFacts = new Map(tk.neutral.map((f) => [f.path, f]));
  for (const f of tk.neutral) {
    const other = ruFacts.get(f.path);
    if (!other) {
      if (hasAncestor(f.path, tkFacts, ruFacts)) continue;
      out.push(diag('parity-front-matter', ru.file, ru.idPos, `"${f.path}" is ${f.value} in the Turkmen version but missing in the Russian one.`, { related: rel(tk, f.pos, 'the Turkmen value') }));
    } else if (other.value !== f.value) {
      out.push(
        diag('parity-front-matter', ru.file, other.pos, `"${f.path}" is ${other.value} here but ${f.value} in the Turkmen version (the authoritative text); language-neutral values must be identical.`, {
          related: rel(tk, f.pos, 'the Turkmen value'),
        }),
      );
    }
  }
  for (const f of ru.neutral) {
    if (tkFacts.has(f.path) || hasAncestor(f.path, ruFacts, tkFacts)) continue;
    out.push(diag('parity-front-matter', ru.file, f.pos, `"${f.path}" is ${f.value} here but missing in the Turkmen version.`, { related: rel(tk, tk.idPos, 'the Turkmen version') }));
  }
  return out;
}

/** A difference already reported at a parent list (e.g. "[3 items]" vs "[4 items]") is not repeated per item. */
function hasAncestor(path: string, mine: Map<string, { value: string }>, theirs: Map<string, { value: string }>): boolean {
  for (let i = path.length - 1; i > 0; i--) {
    const c = path[i];
    if (c !== '[' && c !== '.') continue;
    const parent = path.slice(0, i);
    const a = mine.get(parent);
    const b = theirs.get(parent);
    if (a && b && a.value !== b.value) return true;
  }
  return false;
}

function sectionParity(tk: FileDigest, ru: FileDigest): Diagnostic[] {
  const out: Diagnostic[] = [];
  const key = (s: { id?: string; annex: boolean }): string => `${s.annex ? 'annex:' : ''}${s.id ?? '?'}`;
  const a = tk.sections.map(key);
  const b = ru.sections.map(key);
  if (a.join('|') === b.join('|')) return out;
  const inRu = new Set(b);
  const inTk = new Set(a);
  tk.sections.forEach((s, i) => {
    if (!inRu.has(a[i] as string)) {
      const anchor = ru.sections[Math.min(i, ru.sections.length - 1)]?.pos ?? ru.idPos;
      out.push(diag('parity-sections', ru.file, anchor, `The section {#${s.id ?? '?'}} ("${s.title}") of the Turkmen version is missing here.`, { related: rel(tk, s.pos, 'the Turkmen section') }));
    }
  });
  ru.sections.forEach((s, i) => {
    if (!inTk.has(b[i] as string)) {
      out.push(diag('parity-sections', ru.file, s.pos, `The section {#${s.id ?? '?'}} ("${s.title}") is not in the Turkmen version.`, { related: rel(tk, tk.idPos, 'the Turkmen version') }));
    }
  });
  if (out.length === 0) {
    const i = a.findIndex((k, j) => k !== b[j]);
    const s = ru.sections[i];
    const t = tk.sections[i];
    if (s && t) out.push(diag('parity-sections', ru.file, s.pos, `The sections are in a different order: here {#${s.id}} comes where the Turkmen version has {#${t.id}}.`, { related: rel(tk, t.pos, 'the Turkmen order') }));
  }
  return out;
}

function clauseParity(tk: FileDigest, ru: FileDigest): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ruByKey = new Map(ru.clauses.map((c) => [c.key, c]));
  const tkByKey = new Map(tk.clauses.map((c) => [c.key, c]));
  for (const c of tk.clauses) {
    const other = ruByKey.get(c.key);
    if (!other) {
      const near = nearestBefore(ru.clauses, c.key) ?? ru.sections[0]?.pos ?? ru.idPos;
      out.push(diag('parity-clauses', ru.file, near, `Clause ${c.key} of the Turkmen version has no counterpart here; the versions must have the same clauses.`, { related: rel(tk, c.pos, 'the Turkmen clause') }));
    } else if ((c.anchor ?? '') !== (other.anchor ?? '')) {
      out.push(
        diag('parity-clauses', ru.file, other.pos, `Clause ${c.key} has the id ${other.anchor ? `{#${other.anchor}}` : 'none'} here but ${c.anchor ? `{#${c.anchor}}` : 'none'} in the Turkmen version.`, {
          related: rel(tk, c.pos, 'the Turkmen clause'),
        }),
      );
    } else if (c.type !== other.type) {
      out.push(diag('parity-clauses', ru.file, other.pos, `Clause ${c.key} is a ${other.type} here but a ${c.type} in the Turkmen version.`, { related: rel(tk, c.pos, 'the Turkmen clause') }));
    }
  }
  for (const c of ru.clauses) {
    if (tkByKey.has(c.key)) continue;
    out.push(diag('parity-clauses', ru.file, c.pos, `Clause ${c.key} is not in the Turkmen version; the versions must have the same clauses.`, { related: rel(tk, tk.idPos, 'the Turkmen version') }));
  }
  return out;
}

/** Each section holds as many figures in one version as in the other (figures are numbered through the document), with the same ids. */
function figureParity(tk: FileDigest, ru: FileDigest): Diagnostic[] {
  const count = (d: FileDigest): Map<number, FileDigest['figures']> => {
    const bySection = new Map<number, FileDigest['figures']>();
    for (const f of d.figures) bySection.set(f.section, [...(bySection.get(f.section) ?? []), f]);
    return bySection;
  };
  const inTk = count(tk);
  const inRu = count(ru);
  const out: Diagnostic[] = [];
  for (const section of new Set([...inTk.keys(), ...inRu.keys()])) {
    const t = inTk.get(section) ?? [];
    const r = inRu.get(section) ?? [];
    if (t.length === r.length) continue;
    const where = r[Math.min(t.length, r.length - 1)]?.pos ?? ru.sections[section]?.pos ?? ru.idPos;
    const id = ru.sections[section]?.id;
    const name = id ? `Section {#${id}}` : 'This section';
    out.push(
      diag('parity-figures', ru.file, where, `${name} has ${r.length} figure${r.length === 1 ? '' : 's'} here but ${t.length} in the Turkmen version; both versions must show the same figures.`, {
        related: rel(tk, t[0]?.pos ?? tk.sections[section]?.pos ?? tk.idPos, 'the Turkmen version'),
      }),
    );
  }
  // A figure keeps its id in both versions: references are resolved with the Turkmen file's ids.
  const ids = (d: FileDigest): Map<number, FileDigest['anchors'][number]> => new Map(d.anchors.filter((a) => a.type === 'figure').map((a) => [a.numbers[0] as number, a]));
  const tkIds = ids(tk);
  const ruIds = ids(ru);
  for (const n of [...new Set([...tkIds.keys(), ...ruIds.keys()])].sort((a, b) => a - b)) {
    const t = tkIds.get(n);
    const r = ruIds.get(n);
    if (t?.id === r?.id) continue;
    const name = (a: typeof t): string => (a ? `{#${a.id}}` : 'no id');
    out.push(
      diag('parity-figures', ru.file, r?.pos ?? ru.figures[n - 1]?.pos ?? ru.idPos, `Figure ${n} has ${name(r)} here but ${name(t)} in the Turkmen version; a figure has the same id in both versions.`, {
        related: rel(tk, t?.pos ?? tk.figures[n - 1]?.pos ?? tk.idPos, 'the Turkmen figure'),
      }),
    );
  }
  return out;
}

function nearestBefore(clauses: FileDigest['clauses'], key: string): Position | undefined {
  let best: Position | undefined;
  for (const c of clauses) {
    if (c.key < key) best = c.pos;
  }
  return best;
}

const target = (x: XrefEntry): string => `${x.doc ?? ''}#${x.anchor ?? ''}`;

function xrefParity(tk: FileDigest, ru: FileDigest): Diagnostic[] {
  const out: Diagnostic[] = [];
  const group = (list: XrefEntry[]): Map<string, XrefEntry[]> => {
    const m = new Map<string, XrefEntry[]>();
    for (const x of list) {
      if (x.block.startsWith('front-matter/')) continue;
      const arr = m.get(x.block) ?? [];
      arr.push(x);
      m.set(x.block, arr);
    }
    return m;
  };
  const a = group(tk.xrefs);
  const b = group(ru.xrefs);
  const blocks = new Set([...a.keys(), ...b.keys()]);
  for (const block of [...blocks].sort()) {
    const x = (a.get(block) ?? []).map(target).sort();
    const y = (b.get(block) ?? []).map(target).sort();
    if (x.join(' ') === y.join(' ')) continue;
    const here = b.get(block)?.[0];
    const there = a.get(block)?.[0];
    const onlyTk = x.filter((t) => !y.includes(t));
    const onlyRu = y.filter((t) => !x.includes(t));
    const pos = here?.pos ?? passagePos(ru, block) ?? ru.idPos;
    const parts: string[] = [];
    if (onlyTk.length) parts.push(`the Turkmen version refers to ${onlyTk.map(pretty).join(', ')}`);
    if (onlyRu.length) parts.push(`this version refers to ${onlyRu.map(pretty).join(', ')}`);
    out.push(
      diag('parity-xrefs', ru.file, pos, `The cross-references of this passage differ: ${parts.join('; ')}.`, {
        related: rel(tk, there?.pos ?? passagePos(tk, block) ?? tk.idPos, 'the Turkmen passage'),
      }),
    );
  }
  return out;
}

function pretty(t: string): string {
  const [doc, anchor] = t.split('#');
  return doc ? (anchor ? `${doc}#${anchor}` : doc) : `#${anchor}`;
}

function passagePos(d: FileDigest, block: string): Position | undefined {
  const clause = block.slice(block.indexOf('/') + 1);
  return d.numbers.find((n) => n.key === block)?.pos ?? d.xrefs.find((x) => x.block === block)?.pos ?? d.clauses.find((c) => c.key === clause)?.pos;
}

function numberParity(tk: FileDigest, ru: FileDigest): Diagnostic[] {
  const out: Diagnostic[] = [];
  const index = (list: NumberBlock[]): Map<string, NumberBlock> => {
    const m = new Map<string, NumberBlock>();
    for (const n of list) {
      const prev = m.get(n.key);
      // A clause may span several paragraphs; pool its numbers.
      if (prev) m.set(n.key, { ...prev, numbers: [...prev.numbers, ...n.numbers].sort((x, y) => x - y) });
      else m.set(n.key, n);
    }
    return m;
  };
  const a = index(tk.numbers);
  const b = index(ru.numbers);
  const keys = new Set([...a.keys(), ...b.keys()]);
  for (const key of [...keys].sort()) {
    const x = a.get(key);
    const y = b.get(key);
    const onlyTk = missingNumbers(x?.numbers ?? [], y?.numbers ?? []);
    const onlyRu = missingNumbers(y?.numbers ?? [], x?.numbers ?? []);
    if (onlyTk.length === 0 && onlyRu.length === 0) continue;
    const parts: string[] = [];
    if (onlyRu.length) parts.push(`${onlyRu.join(', ')} here`);
    if (onlyTk.length) parts.push(`${onlyTk.join(', ')} in the Turkmen version`);
    const pos = y?.pos ?? passagePos(ru, key) ?? nearestPassage(ru, key) ?? ru.idPos;
    out.push(
      diag('parity-numbers', ru.file, pos, `The numbers of this passage differ from the Turkmen version: only ${parts.join(', only ')}. Check the translation.`, {
        related: rel(tk, x?.pos ?? nearestPassage(tk, key) ?? tk.idPos, 'the Turkmen passage'),
      }),
    );
  }
  return out;
}

function nearestPassage(d: FileDigest, key: string): Position | undefined {
  const section = key.split('/')[0];
  return d.sections.find((s) => s.id === section)?.pos;
}

function brokenReferences(digests: readonly FileSummary[], groups: DocGroup[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byId = new Map<string, DocGroup>();
  for (const g of groups) if (!byId.has(g.id)) byId.set(g.id, g);
  const docIds = [...byId.keys()];
  for (const d of digests) {
    for (const x of d.xrefs) {
      const targetGroup = x.doc ? byId.get(x.doc) : undefined;
      if (x.doc && !targetGroup) {
        const guess = closest(x.doc, docIds);
        out.push(diag('xref-broken', d.file, x.pos, `There is no document "${x.doc}".${guess ? ` Did you mean "${guess}"?` : ''}`));
        continue;
      }
      if (!x.anchor) continue;
      const targetDigest = targetGroup ? (targetGroup.files[d.fileLang] ?? targetGroup.files.tk ?? targetGroup.files.ru) : d;
      if (!targetDigest || !targetDigest.bodyParsed) continue;
      if (targetDigest.anchors.some((a) => a.id === x.anchor)) continue;
      const guess = closest(
        x.anchor,
        targetDigest.anchors.map((a) => a.id),
      );
      const where = x.doc ? `the document "${x.doc}"` : 'this document';
      out.push(diag('xref-broken', d.file, x.pos, `There is no section, clause or figure {#${x.anchor}} in ${where}.${guess ? ` Did you mean {#${guess}}?` : ''}`));
    }
  }
  return out;
}
