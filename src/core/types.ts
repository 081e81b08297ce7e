/** Domain vocabulary shared by every stage. */

export const LANGS = ['tk', 'ru'] as const;
export type Lang = (typeof LANGS)[number];
/** Turkmen is the state language and the authoritative text; it always comes first. */
export const AUTHORITATIVE_LANG: Lang = 'tk';

export const KINDS = ['service-specification', 'sop', 'normative-act'] as const;
export type DocKind = (typeof KINDS)[number];

export const COLLECTIONS = { services: 'service-specification', sops: 'sop', acts: 'normative-act' } as const satisfies Record<string, DocKind>;
export type Collection = keyof typeof COLLECTIONS;

/**
 * The lifecycle of a Turkmen ministerial act (domain.md §1.6.1): drafted, agreed with other
 * bodies, approved by order, registered at the Ministry of Adalat, in force; later superseded or repealed.
 */
export const STATUSES = ['draft', 'review', 'agreed', 'approved', 'registered', 'in-force', 'superseded', 'repealed'] as const;
export type Status = (typeof STATUSES)[number];

export function isLang(value: unknown): value is Lang {
  return value === 'tk' || value === 'ru';
}

export function isKind(value: unknown): value is DocKind {
  return typeof value === 'string' && (KINDS as readonly string[]).includes(value);
}

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

/** A status at or beyond `review` means both language versions must exist. */
export function requiresBothLanguages(status: Status): boolean {
  return status !== 'draft';
}

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,63}$/;
