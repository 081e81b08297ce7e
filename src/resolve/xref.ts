/**
 * Cross-references: from a link [text](doc#anchor) to the words a reader sees, in the
 * document's language ("2.3-nji bende seret", "см. пункт 2.3"), using the target's number.
 */
import type { Lang } from '../core/types.js';
import type { AnchorRef } from '../validate/digest.js';
import type { AnchorType } from '../parse/numbering.js';
import type { Labels } from './labels.js';
import { fillTemplate } from './labels.js';
import { letterLabel, romanNumeral, tkOrdinal } from './typography.js';

/** What the resolve stage knows about every document of the project. */
export interface DocumentIndex {
  kind: string;
  titles: Partial<Record<Lang, string>>;
  anchors: Map<string, AnchorRef>;
}

export type GlobalIndex = Map<string, DocumentIndex>;

export interface ResolvedXref {
  text: string;
  /** Set when the target is in the same rendered document (an internal link). */
  anchor?: string;
}

/** The placeholders a reference to `anchor` can fill. */
export function anchorVars(anchor: AnchorRef, lang: Lang): Record<string, string> {
  const numbers = anchor.numbers ?? [];
  const type: AnchorType = anchor.type ?? 'clause';
  const last = numbers[numbers.length - 1] ?? 0;
  const ord = (s: string): string => (lang === 'tk' && /^\d+(\.\d+)*$/.test(s) ? tkOrdinal(s) : s);
  switch (type) {
    case 'chapter':
      return { n: romanNumeral(last), ord: romanNumeral(last) };
    case 'subpoint': {
      const p = String(numbers[0] ?? '');
      return { n: String(last), ord: ord(String(last)), p, pord: ord(p) };
    }
    case 'item': {
      const letter = letterLabel(last, lang);
      return { n: letter, ord: letter };
    }
    default: {
      const n = numbers.join('.');
      return { n, ord: ord(n) };
    }
  }
}

export function resolveXref(
  link: { doc?: string; anchor?: string; text: string },
  current: { id: string; title: string },
  index: GlobalIndex,
  labels: Labels,
  lang: Lang,
): ResolvedXref {
  const docId = link.doc ?? current.id;
  const target = index.get(docId);
  const title = docId === current.id ? current.title : (target?.titles[lang] ?? target?.titles.tk ?? docId);
  const internal = docId === current.id;
  if (!link.anchor) {
    const text = link.text.trim() ? fillTemplate(link.text, { title }) : labels.fill('xref.document', { title });
    return { text };
  }
  const anchor = target?.anchors.get(link.anchor);
  // Validation guarantees the target exists; keep the id visible rather than invent a number.
  const vars = anchor ? anchorVars(anchor, lang) : { n: link.anchor, ord: link.anchor };
  const all = { ...vars, title };
  let text = link.text.trim() ? fillTemplate(link.text, all) : labels.fill(`xref.${anchor?.type ?? 'clause'}`, all);
  if (!internal && !link.text.trim()) text = labels.fill('xref.inDocument', { ref: text, title });
  return internal ? { text, anchor: link.anchor } : { text };
}
