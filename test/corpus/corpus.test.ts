/**
 * The bundled corpus is the proof that Tertip carries the reform: every document of the
 * programme in both languages, valid, with no warnings, and each pack complete.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runValidation, type ValidationResult } from '../../src/engine/validation.js';

const ROOT = join(import.meta.dirname, '../..');

const DOCUMENTS = {
  services: [
    'etrap-social-work',
    'personal-assistance',
    'older-persons-alone',
    'home-sociomedical-care',
    'family-support',
    'day-care-children-disabilities',
    'infant-home-reintegration',
    'children-at-risk',
    'care-leavers',
    'dv-women-support',
    'unintended-pregnancy-support',
    'youth-at-risk',
    'parents-substance-use',
  ],
  sops: ['gbv-response', 'case-management', 'referral'],
  acts: ['etrap-social-work-regulation', 'social-contracting', 'quality-standards', 'ethics-code', 'supervision-career'],
} as const;

let result: ValidationResult;

beforeAll(async () => {
  result = await runValidation({ projectRoot: ROOT, inProcess: true, cache: false });
});

describe('the bundled corpus', () => {
  it('has every document of the reform in Turkmen and Russian', () => {
    for (const [collection, ids] of Object.entries(DOCUMENTS)) {
      for (const id of ids) for (const lang of ['tk', 'ru']) expect(existsSync(join(ROOT, 'specs', collection, id, `${lang}.md`)), `${collection}/${id}/${lang}.md`).toBe(true);
    }
  });

  it('validates with no errors and no warnings', () => {
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule} ${d.message}`)).toEqual([]);
    expect(result.summary.documents).toBe(Object.values(DOCUMENTS).flat().length);
  });

  it('keeps every document a draft with a version and dates, so nobody takes it for an adopted text', () => {
    for (const s of result.summaries) {
      expect(s.status, s.file).toBe('draft');
      expect(s.version, s.file).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });

  it('has the three packs, each listing existing documents', () => {
    const packs = new Map(result.packs.map((p) => [p.id, p]));
    expect([...packs.keys()].sort()).toEqual(['full-submission', 'gbv-response', 'services']);
    expect(packs.get('full-submission')?.documents).toHaveLength(Object.values(DOCUMENTS).flat().length);
    expect(packs.get('services')?.documents.sort()).toEqual([...DOCUMENTS.services].sort());
    expect(packs.get('gbv-response')?.documents.sort()).toEqual(['dv-women-support', 'gbv-response', 'unintended-pregnancy-support']);
  });
});
