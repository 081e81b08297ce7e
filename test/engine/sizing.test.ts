import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildWorkers, isSmallProject, splitByFormat, validationWorkers } from '../../src/engine/start.js';
import { countDocuments } from '../../src/load/discover.js';

describe('how many workers a build starts', () => {
  it('puts one bilingual document\'s two languages on two workers when two cores are allowed', () => {
    expect(buildWorkers(2, 2)).toBe(2);
    expect(buildWorkers(8, 2)).toBe(2);
  });

  it('never starts more workers than files, than allowed, or fewer than one', () => {
    expect(buildWorkers(8, 1)).toBe(1);
    expect(buildWorkers(1, 2)).toBe(1);
    expect(buildWorkers(2, 0)).toBe(1);
  });

  it('adds a worker per six files beyond that, up to the allowed number', () => {
    expect(buildWorkers(8, 30)).toBe(5);
    expect(buildWorkers(2, 30)).toBe(2);
    expect(buildWorkers(8, 12)).toBe(2);
    expect(buildWorkers(8, 13)).toBe(3);
  });
});

describe('how many workers a validation starts', () => {
  it('starts one per six changed files, at least one, at most the allowed number', () => {
    expect(validationWorkers(2, 0)).toBe(1);
    expect(validationWorkers(2, 1)).toBe(1);
    expect(validationWorkers(2, 6)).toBe(1);
    expect(validationWorkers(2, 7)).toBe(2);
    expect(validationWorkers(8, 2000)).toBe(8);
  });
});

describe('counting a project\'s documents before discovery', () => {
  const root = mkdtempSync(join(tmpdir(), 'tertip-count-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  for (const d of ['services/a', 'services/b', 'sops/c', 'acts/d', 'acts/e', 'packs/not-a-document', 'assets/x']) mkdirSync(join(root, 'specs', d), { recursive: true });
  writeFileSync(join(root, 'specs', 'services', 'stray.md'), '');

  it('counts the folders of the three collections only', () => {
    expect(countDocuments(root, 100)).toBe(5);
  });

  it('stops at the limit', () => {
    expect(countDocuments(root, 2)).toBe(2);
  });

  it('counts nothing where there is no specs folder', () => {
    expect(countDocuments(join(root, 'missing'), 10)).toBe(0);
  });

  it('calls a project of at most three documents small', () => {
    expect(isSmallProject(root)).toBe(false);
    expect(isSmallProject(join(root, 'missing'))).toBe(true);
  });
});

describe('when a build splits its work by format', () => {
  const base = mkdtempSync(join(tmpdir(), 'tertip-split-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  const project = (documents: number): string => {
    const root = join(base, String(documents));
    for (let i = 0; i < documents; i++) mkdirSync(join(root, 'specs', 'services', `d${i}`), { recursive: true });
    return root;
  };

  it('does for a small project with PDFs to make and two workers allowed', () => {
    expect(splitByFormat(project(1), ['docx', 'pdf'], 2)).toBe(true);
    expect(splitByFormat(project(3), ['pdf'], 8)).toBe(true);
  });

  it('does not with one worker, without PDFs, or for a bigger project', () => {
    expect(splitByFormat(project(1), ['docx', 'pdf'], 1)).toBe(false);
    expect(splitByFormat(project(1), ['docx'], 2)).toBe(false);
    expect(splitByFormat(project(4), ['docx', 'pdf'], 2)).toBe(false);
  });
});
