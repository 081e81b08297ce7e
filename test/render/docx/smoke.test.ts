/**
 * Checks with other software, when it is installed (hardening.md §6.2): xmllint on every part,
 * and LibreOffice converting the DOCX to PDF, whose text must hold every word of the model.
 * LibreOffice exits 0 even when it cannot load a file, so the PDF's existence is checked.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasTimesMetrics } from '../../../scripts/docx-fonts.mjs';
import { renderDocx } from '../../../src/render/docx/index.js';
import { expectedParagraphTexts, footnoteTexts } from './expected.js';
import { specModel } from './fixture.js';
import { Docx } from './ooxml.js';

const has = (tool: string): boolean => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const work = mkdtempSync(join(tmpdir(), 'tertip-docx-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * Words as pdftotext can give them back: lower case (styles set some text in capitals), letters
 * apart from digits (a footnote mark follows its word), hyphenated words joined (pdftotext
 * joins a word hyphenated at a line end).
 */
function words(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const joined = text.normalize('NFC').toLowerCase().replace(/(\p{L})-\s*(\p{L})/gu, '$1$2');
  for (const w of joined.match(/\p{L}+|\p{N}+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

describe('other software reads the DOCX', () => {
  it.skipIf(!has('xmllint'))('xmllint finds every part well-formed', async () => {
    const doc = new Docx(await renderDocx(specModel('tk')));
    const dir = join(work, 'parts');
    for (const name of doc.names.filter((n) => /\.(xml|rels)$/.test(n))) {
      const path = join(dir, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, doc.files[name]!);
      const result = spawnSync('xmllint', ['--noout', path], { encoding: 'utf8' });
      expect(result.stderr, name).toBe('');
      expect(result.status, name).toBe(0);
    }
  });

  it.skipIf(!has('soffice') || !has('pdftotext') || !hasTimesMetrics())(
    'LibreOffice converts it to a PDF that holds every word of the model',
    async () => {
      for (const lang of ['tk', 'ru'] as const) {
        const model = specModel(lang);
        const docx = join(work, `${lang}.docx`);
        writeFileSync(docx, await renderDocx(model));
        spawnSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(work, 'lo')}`, '--convert-to', 'pdf', '--outdir', work, docx], { timeout: 90_000 });
        const pdf = join(work, `${lang}.pdf`);
        expect(existsSync(pdf), `${pdf} (soffice exits 0 even when loading fails)`).toBe(true);
        const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
        const found = words(text);
        const expected = words([...expectedParagraphTexts(model), ...footnoteTexts(model)].join('\n'));
        const missing = [...expected].filter(([w, n]) => (found.get(w) ?? 0) < n).map(([w]) => w);
        expect(missing.join(" "), lang).toBe("");
        expect(text).toContain(lang === 'tk' ? 'Sahypa 1 / ' : 'Страница 1 из ');
      }
    },
    180_000,
  );
});
