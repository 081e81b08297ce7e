/** The body structure of each kind (schemas/structure.json): sections, their order, numbering. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocKind } from '../core/types.js';
import type { Scheme } from '../parse/numbering.js';
import { schemaDir } from './registry.js';

export type TableKind = 'eligibility' | 'results' | 'activities' | 'timeframes' | 'staffing' | 'standards' | 'indicators' | 'financing' | 'roles' | 'steps' | 'referral' | 'forms';

export interface SectionRule {
  id: string;
  required: boolean;
  position?: 'first' | 'last';
  tk: string;
  ru: string;
  table?: TableKind;
}

export interface KindStructure {
  numbering: Scheme;
  maxClauseDepth: number;
  /** Whether sections with other ids may appear (acts: chapters are the drafter's own). */
  freeSections: boolean;
  sections: SectionRule[];
}

let cached: Record<DocKind, KindStructure> | undefined;

export function loadStructure(): Record<DocKind, KindStructure> {
  if (cached) return cached;
  const raw = JSON.parse(readFileSync(join(schemaDir(), 'structure.json'), 'utf8')) as Record<string, unknown>;
  delete raw.$comment;
  cached = raw as Record<DocKind, KindStructure>;
  return cached;
}

export function structureFingerprint(): string {
  return readFileSync(join(schemaDir(), 'structure.json'), 'utf8');
}
