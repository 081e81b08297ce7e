/** Pack definitions (specs/packs/<name>.yaml): schema, name = file name, documents that exist. */
import { readFileSync } from 'node:fs';
import { diag, type Diagnostic } from '../core/diagnostics.js';
import type { Lang } from '../core/types.js';
import type { PackFile } from '../load/discover.js';
import { decodeSpecBytes } from '../load/read.js';
import { parseStrictYaml } from '../parse/yaml.js';
import { createLocator } from '../parse/locate.js';
import { loadSchemas } from '../schema/registry.js';
import type { FileSummary } from './digest.js';
import { describeChar, missingGlyphs } from './glyphs.js';
import { closest, schemaDiagnostics } from './schema.js';

export type Localized = Record<Lang, string>;

export interface PackDefinition {
  id: string;
  file: string;
  title: Localized;
  /** Resolved document ids in pack order ("*" expanded). */
  documents: string[];
  languages: Lang[];
  formats: Array<'docx' | 'pdf'>;
  /** Every pack file has one; only the implicit pack of a project without pack files has none. */
  letter?: {
    addressee: Localized;
    reference: string;
    date: string;
    subject: Localized;
    body: Localized;
    signatory: { title: Localized; name: Localized };
    from: Localized;
  };
}

const COLLECTION_ORDER = ['services', 'sops', 'acts'];

export function checkPacks(files: PackFile[], summaries: readonly FileSummary[]): { packs: PackDefinition[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const packs: PackDefinition[] = [];
  const docs = new Map<string, FileSummary>();
  for (const s of summaries) if (!docs.has(s.folder)) docs.set(s.folder, s);
  const allIds = [...docs.values()]
    .sort((a, b) => COLLECTION_ORDER.indexOf(a.collection) - COLLECTION_ORDER.indexOf(b.collection) || (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0))
    .map((s) => s.folder);

  for (const pf of files) {
    const read = decodeSpecBytes(readFileSync(pf.absolute), pf.file);
    diagnostics.push(...read.diagnostics);
    if (read.text === undefined) continue;
    const y = parseStrictYaml(read.text, pf.file);
    diagnostics.push(...y.diagnostics.map((d) => ({ ...d, rule: d.rule.startsWith('fm-') ? ('pack-schema' as const) : d.rule })));
    if (y.data === undefined) continue;
    const locate = createLocator(y.doc, y.lines, { line: 1, column: 1 });
    const errors = loadSchemas().validatePack(y.data);
    const schemaProblems = schemaDiagnostics(errors, { file: pf.file, data: y.data, locate, endOfFrontMatter: { line: 1, column: 1 } }).map((d) => ({ ...d, rule: 'pack-schema' as const }));
    diagnostics.push(...schemaProblems);
    if (schemaProblems.length > 0) continue;
    const data = y.data as Omit<PackDefinition, 'file'>;
    // The covering letter is printed too: a character the PDF font lacks is caught here, in place.
    const walk = (value: unknown, path: Array<string | number>): void => {
      if (typeof value === 'string') {
        for (const g of missingGlyphs(value)) diagnostics.push(diag('render-glyph', pf.file, locate.char(path, g.offset), `This text contains the character ${describeChar(g.char)}, which cannot be printed with the PDF font; replace it.`));
      } else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, Array.isArray(value) ? Number(k) : k]);
    };
    walk(data.letter, ['letter']);
    walk(data.title, ['title']);
    if (data.id !== pf.name) {
      diagnostics.push(diag('pack-schema', pf.file, locate.value(['id']), `The pack id "${data.id}" differs from the file name "${pf.name}.yaml"; they must be equal.`));
      continue;
    }
    let ok = true;
    data.documents.forEach((id, i) => {
      if (id === '*' || docs.has(id)) return;
      ok = false;
      const guess = closest(id, allIds);
      diagnostics.push(diag('pack-unknown-document', pf.file, locate.value(['documents', i]), `There is no document "${id}" under specs/.${guess ? ` Did you mean "${guess}"?` : ''}`));
    });
    if (!ok) continue;
    const ordered: string[] = [];
    for (const id of data.documents) for (const d of id === '*' ? allIds : [id]) if (!ordered.includes(d)) ordered.push(d);
    const languages = (['tk', 'ru'] as const).filter((l) => data.languages.includes(l));
    packs.push({ ...data, file: pf.file, documents: ordered, languages });
  }
  return { packs, diagnostics };
}
