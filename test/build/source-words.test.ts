/**
 * scripts/interop-check.mjs repeats the word logic of test/helpers/source-text.ts in plain
 * JavaScript (it runs in CI without vitest). The two must give the same words for every spec,
 * and the logic itself must do what the checks rely on.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { alignSubsequence, missingWords, sourceText, textWords } from '../helpers/source-text.js';
import { REPO, makeTrioProject, removeProjects } from './project.js';

interface ScriptWords {
  textWords(text: string): string[];
  sourceWords(absolute: string): Promise<{ title: string; body: string[]; footnotes: Array<{ label: string; words: string[] }>; all: string[] }>;
  docxPartText(xml: string): string;
  splitNoteMarks(words: string[], notes: number): string[];
  wordCheck(
    readings: { layout: string[]; raw: string[] },
    expected: { body: string[]; footnotes?: Array<{ label: string; words: string[] }>; blocks?: string[][] },
  ): { ok: boolean; detail: string };
}

const script = (): Promise<ScriptWords> => import(join(REPO, 'scripts', 'interop-check.mjs') as string) as Promise<ScriptWords>;

afterAll(removeProjects);

function specFiles(specs: string): string[] {
  const out: string[] = [];
  for (const collection of ['services', 'sops', 'acts']) {
    let ids: string[] = [];
    try {
      ids = readdirSync(join(specs, collection));
    } catch {
      continue;
    }
    for (const id of ids.sort()) for (const lang of ['tk', 'ru']) out.push(join(specs, collection, id, `${lang}.md`));
  }
  return out;
}

describe('the word logic', () => {
  it('splits on everything but letters, digits and marks; NBSP and soft hyphens as a reader sees them', () => {
    expect(textWords('2.3-nji bende\u00a0seret: «Hyzmat» — ýagdaý, ňaňy; об­ъявление ёлка')).toEqual(['2', '3', 'nji', 'bende', 'seret', 'Hyzmat', 'ýagdaý', 'ňaňy', 'объявление', 'ёлка']);
    // Decomposed ň (n + U+030C) is the same word as the precomposed one.
    expect(textWords('n\u030Caň')).toEqual(['ňaň']);
  });

  it('leaves out attribute blocks and cross-reference texts, keeps https link texts, table cells and footnotes', () => {
    const root = makeTrioProject();
    const act = sourceText(join(root, 'specs/acts/ethics-code/tk.md'));
    const words = new Set(act.all);
    for (const w of ['Halkara', 'federasiýasynyň', 'Ýörelge', 'Gizlinlik', 'žurnal', 'äýnek', 'žaket']) expect(words, w).toContain(w);
    for (const w of ['principles', 'general', 'annex', 'synag', 'https', 'ifsw']) expect(words, w).not.toContain(w);
    expect(act.footnotes[0]?.words.slice(0, 3)).toEqual(['Bellik', 'bu', 'ýerde']);
    expect(act.footnotes[0]?.words).toContain('žaket');
    // "[](case-management#…)" and "[{ord} bendine](…)" texts are generated, never source words.
    const service = sourceText(join(root, 'specs/services/personal-assistance/tk.md'));
    for (const placeholder of ['ord', 'n', 'title']) expect(service.all).not.toContain(placeholder);
  });

  it('subsequence and missing-word checks report where the output stops matching', () => {
    expect(alignSubsequence(['1', 'a', 'x', 'b', 'c'], ['a', 'b', 'c'])).toEqual({ reached: 3 });
    const a = alignSubsequence(['a', 'c', 'b'], ['a', 'b', 'c']);
    expect(a.reached).toBe(2);
    expect(a.firstMissing).toMatch(/^"c"/);
    expect(missingWords(['a', 'b'], ['a', 'a', 'b', 'd'])).toEqual([{ word: 'a', missing: 1 }, { word: 'd', missing: 1 }]);
  });
});

describe('scripts/interop-check.mjs', () => {
  it('gives the same words as the test helper for every spec of the repository', async () => {
    const s = await script();
    const files = specFiles(join(REPO, 'specs'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const ts = sourceText(file);
      const js = await s.sourceWords(file);
      expect({ title: js.title, body: js.body, footnotes: js.footnotes }, file).toEqual({ title: ts.title, body: ts.body, footnotes: ts.footnotes });
    }
  });

  it('gives the same words for the test project (footnote, table, https link, isolated references)', async () => {
    const s = await script();
    const root = makeTrioProject();
    for (const file of specFiles(join(root, 'specs'))) {
      const ts = sourceText(file);
      const js = await s.sourceWords(file);
      expect({ body: js.body, footnotes: js.footnotes }, file).toEqual({ body: ts.body, footnotes: ts.footnotes });
    }
  });

  it('reads DOCX paragraph text without an XML library, and splits footnote marks off words', async () => {
    const s = await script();
    const xml = '<w:body><w:p><w:r><w:t xml:space="preserve">Söz &amp; </w:t></w:r><w:r><w:t>ýagdaý</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>&#x148;</w:t></w:r></w:p><w:p/><w:p><w:pPr/><w:r><w:t>ikinji</w:t></w:r></w:p></w:body>';
    expect(s.docxPartText(xml)).toBe('Söz & ýagdaý ň\n\nikinji');
    expect(s.splitNoteMarks(['ulanylýar1', 'F8', 'принципы2', 'S12'], 2)).toEqual(['ulanylýar', '1', 'F8', 'принципы', '2', 'S12']);
    expect(s.splitNoteMarks(['F8'], 0)).toEqual(['F8']);
  });

  it('judges pdftotext readings: letters in the layout reading, order in either reading', async () => {
    const { wordCheck } = await script();
    const w = (text: string): string[] => textWords(text);
    const body = w('в соответствующие органы письмо-направление в течение 1 рабочего дня подтверждается');
    const check = (layout: string, raw: string, extra: object = {}) => wordCheck({ layout: w(layout), raw: w(raw) }, { body, ...extra });
    const text = 'в соответствующие органы письмо-направление в течение 1 рабочего дня подтверждается';
    expect(check(text, text).ok).toBe(true);
    // pdftotext joins a word hyphenated at a line end: not a defect.
    expect(check(text.replace('письмо-направление', 'письмонаправление'), text).ok).toBe(true);
    // Table columns read column by column in the layout reading, in order in the raw one.
    expect(check('органы в соответствующие письмо направление в течение 1 рабочего дня подтверждается', text)).toMatchObject({ ok: true, detail: expect.stringContaining('raw reading') });
    // A lost letter (poppler dropping a doubled letter of squeezed text) fails, whatever the raw reading says.
    const lost = check(text.replace('соответствующие', 'со тветствующие'), text);
    expect(lost).toMatchObject({ ok: false, detail: expect.stringContaining('соответствующие') });
    // Words glued in the raw reading and out of order in the layout one: no reading has them in order.
    const glued = check('органы в соответствующие письмо направление в течение 1 рабочего дня подтверждается', text.replace('1 рабочего', '1рабочего'));
    expect(glued.ok).toBe(false);
    expect(glued.detail).toMatch(/layout reading: .* \| raw reading: /);
    // A footnote mark glued to its word is a generated number, not a changed word.
    const notes = [{ label: 'a', words: w('Примечание к пункту') }];
    expect(check(`${text.replace('органы', 'органы1')} 1 Примечание к пункту`, text, { footnotes: notes }).ok).toBe(true);
    expect(check(text, text, { footnotes: notes }).ok).toBe(false);
    // Letters: the order is that of each paragraph or cell, so a table row split over two pages passes.
    const blocks = [w('1 Стандарт услуги по возвращению детей'), w('0.1.0'), w('проект')];
    expect(wordCheck({ layout: w('1 Стандарт услуги по 0.1.0 проект возвращению детей'), raw: w('1 Стандарт услуги по 0.1.0 проект возвращению детей') }, { body: blocks.flat(), blocks }).ok).toBe(true);
    expect(wordCheck({ layout: w('1 Стандарт услуги по 0.1.0 проект детей'), raw: w('1 Стандарт услуги по 0.1.0 проект детей') }, { body: blocks.flat(), blocks }).ok).toBe(false);
  });
});
