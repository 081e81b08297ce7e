/** The covering letter of a pack, in one language, as a document model like any other. */
import type { Lang } from '../core/types.js';
import type { LetterModel } from '../model/types.js';
import type { PackDefinition } from '../validate/pack.js';
import { loadLabels } from './labels.js';
import { PAGE, templateBlocks } from './model.js';

export interface EnclosedDocument {
  id: string;
  title: string;
  version: string;
  status: string;
  /** File names of this document in the pack, in this language. */
  files: string[];
}

export function buildLetter(pack: PackDefinition, lang: Lang, documents: EnclosedDocument[], buildDate: string): LetterModel {
  const labels = loadLabels(lang);
  const l = pack.letter;
  if (!l) throw new Error(`the pack "${pack.id}" has no covering letter`);
  const data = {
    letter: {
      from: l.from[lang],
      addressee: l.addressee[lang],
      date: l.date,
      reference: l.reference,
      subject: l.subject[lang],
      body: l.body[lang],
      signatory: { title: l.signatory.title[lang], name: l.signatory.name[lang] },
    },
    documents: documents.map((d, i) => ({ n: i + 1, title: d.title, version: d.version, status: labels.get(`status.${d.status}`), files: d.files.join(', ') })),
    labels: labels.tree,
  };
  const blocks = templateBlocks(lang, 'letter.md.hbs', data, labels);
  return {
    id: `${pack.id}-letter`,
    kind: 'letter',
    lang,
    properties: {
      title: l.subject[lang],
      subject: pack.title[lang],
      author: l.from[lang],
      keywords: [],
      language: labels.get('language'),
      date: buildDate,
      version: buildDate,
      status: 'draft',
    },
    page: PAGE,
    running: { header: `${pack.title[lang]} · ${l.reference}`, pageOf: labels.get('pageOf'), draftMark: '' },
    numbering: [],
    front: [],
    body: blocks,
    annexes: [],
    footnotes: [],
  };
}
