/**
 * Figures end to end: an image alone in its paragraph is built into both DOCX and PDF as a numbered
 * figure with its caption, read back as Word and a PDF reader see it (the media part and the
 * drawing's alt text; the image XObject, the Figure element's /Alt, the caption text), the same
 * size in both formats, and byte-identical on a rebuild.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spec } from '../helpers/fixtures.js';
import { png } from '../helpers/png.js';
import { makeProject } from '../helpers/project.js';
import { Docx, findAll, paragraphText } from '../render/docx/ooxml.js';
import { allPageTexts, loadPdf, pdfjsOps, type PDFDocumentProxy } from '../render/pdf/helpers.js';
import { removeProjects, sha256, snapshot, tertip, type RunResult } from './project.js';

const DIAGRAM = png(1200, 600);
const ICON = png(120, 80, { alpha: true });
// Two images with transparency: pdfkit would decode them asynchronously and number their masks in
// whichever order the decodes finish; they are flattened first, so the bytes cannot vary.
const ICON2 = png(121, 80, { alpha: true });

const FIGURES = {
  tk: [
    '![Hyzmaty almagyň ýoly: ýüz tutma, baha bermek, meýilnama](assets/pathway.png "Hyzmaty almagyň tertibi") {#pathway-diagram}',
    '![Kiçi nyşan](assets/icon.png)',
    '![Ikinji nyşan](assets/icon2.png) {#second-icon}',
    'Ýoly görmek üçin [](#pathway-diagram), nyşan üçin [](#second-icon).',
  ],
  ru: [
    '![Путь получения услуги: обращение, оценка, план](assets/pathway.png "Порядок получения услуги") {#pathway-diagram}',
    '![Малый значок](assets/icon.png)',
    '![Второй значок](assets/icon2.png) {#second-icon}',
    'Путь — [](#pathway-diagram), значок — [](#second-icon).',
  ],
} as const;

/** How the references of the last paragraph read in each language. */
const REFERENCES = { tk: ['1-nji surata seret', '3-nji surata seret'], ru: ['см. рисунок 1', 'см. рисунок 3'] } as const;

/** The spec with the three figures, two with ids, and a paragraph referring to them, in the "pathway" section. */
function withFigures(lang: 'tk' | 'ru'): string {
  const text = spec(lang);
  const at = text.indexOf('\n## ', text.indexOf('{#pathway}'));
  return `${text.slice(0, at)}\n\n${FIGURES[lang].join('\n\n')}\n${text.slice(at)}`;
}

let root = '';
let build: RunResult;
const out = (lang: string, ext: string): Uint8Array => new Uint8Array(readFileSync(join(root, 'out', 'all', lang, `demo.${ext}`)));

beforeAll(() => {
  root = makeProject({
    'specs/services/demo/tk.md': withFigures('tk'),
    'specs/services/demo/ru.md': withFigures('ru'),
    'specs/assets/pathway.png': DIAGRAM,
    'specs/assets/icon.png': ICON,
    'specs/assets/icon2.png': ICON2,
  });
  build = tertip(root, ['build']);
}, 120_000);
afterAll(removeProjects);

describe('figures', () => {
  it('builds', () => {
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
  });

  it('DOCX: the images are media parts with their own bytes, drawn with alt text and a caption under each', () => {
    for (const lang of ['tk', 'ru'] as const) {
      const docx = new Docx(out(lang, 'docx'));
      const media = docx.names.filter((n) => n.startsWith('word/media/')).map((n) => sha256(docx.files[n] as Uint8Array));
      expect(media.sort()).toEqual([sha256(DIAGRAM), sha256(ICON), sha256(ICON2)].sort());
      const doc = docx.xml('word/document.xml');
      const drawings = findAll(doc, 'wp:docPr');
      expect(drawings.map((d) => d.attrs.id)).toEqual(['1', '2', '3']);
      expect(drawings[0]?.attrs.descr).toBe(lang === 'tk' ? 'Hyzmaty almagyň ýoly: ýüz tutma, baha bermek, meýilnama' : 'Путь получения услуги: обращение, оценка, план');
      // The diagram is 1200 px wide: scaled to the 165 mm text column (9525 EMU per pixel at 96 dpi).
      const extents = findAll(doc, 'wp:extent');
      expect(Number(extents[0]?.attrs.cx)).toBeCloseTo(165 * 36000, -4);
      expect(Number(extents[0]?.attrs.cx) / Number(extents[0]?.attrs.cy)).toBeCloseTo(2, 2);
      expect(Number(extents[1]?.attrs.cx)).toBe(120 * 9525);
      const captions = findAll(doc, 'w:p').filter((p) => findAll(p, 'w:pStyle')[0]?.attrs['w:val'] === 'TertipFigureCaption').map(paragraphText);
      expect(captions).toEqual(lang === 'tk' ? ['1-nji surat. Hyzmaty almagyň tertibi', '2-nji surat. Kiçi nyşan', '3-nji surat. Ikinji nyşan'] : ['Рисунок 1. Порядок получения услуги', 'Рисунок 2. Малый значок', 'Рисунок 3. Второй значок']);
      const styles = findAll(docx.xml('word/styles.xml'), 'w:style').map((s) => s.attrs['w:styleId']);
      expect(styles).toEqual(expect.arrayContaining(['TertipFigure', 'TertipFigureCaption']));
    }
  });

  it('PDF: each image is painted once, tagged as a Figure with its description, the caption in the text', async () => {
    const OPS = await pdfjsOps();
    for (const lang of ['tk', 'ru'] as const) {
      const doc: PDFDocumentProxy = await loadPdf(out(lang, 'pdf'));
      let painted = 0;
      const alts: string[] = [];
      const walk = (node: { role?: string; alt?: string; children?: unknown[] } | null): void => {
        if (!node) return;
        if (node.role === 'Figure') alts.push(node.alt ?? '');
        for (const c of node.children ?? []) walk(c as typeof node);
      };
      for (let p = 1; p <= doc.numPages; p++) {
        const page = await doc.getPage(p);
        const ops = await page.getOperatorList();
        painted += ops.fnArray.filter((fn) => fn === OPS.paintImageXObject).length;
        walk((await page.getStructTree()) as Parameters<typeof walk>[0]);
      }
      expect(painted).toBe(3);
      expect(alts).toEqual(lang === 'tk' ? ['Hyzmaty almagyň ýoly: ýüz tutma, baha bermek, meýilnama', 'Kiçi nyşan', 'Ikinji nyşan'] : ['Путь получения услуги: обращение, оценка, план', 'Малый значок', 'Второй значок']);
      // Transparency flattened onto white before pdfkit sees it: no soft masks to be numbered late.
      expect(Buffer.from(out(lang, 'pdf')).toString('latin1')).not.toContain('/SMask');
      const text = (await allPageTexts(doc)).join('\n').replace(/\s+/g, ' ');
      for (const caption of lang === 'tk' ? ['1-nji surat. Hyzmaty almagyň tertibi', '2-nji surat. Kiçi nyşan', '3-nji surat. Ikinji nyşan'] : ['Рисунок 1. Порядок получения услуги', 'Рисунок 2. Малый значок', 'Рисунок 3. Второй значок']) {
        expect(text).toContain(caption);
      }
    }
  });

  it('DOCX: a reference to a figure reads "3-nji surata seret" / "см. рисунок 3" and links to a bookmark on that figure', () => {
    for (const lang of ['tk', 'ru'] as const) {
      const doc = new Docx(out(lang, 'docx')).xml('word/document.xml');
      const paragraphs = findAll(doc, 'w:p');
      const figures = paragraphs.filter((p) => findAll(p, 'w:pStyle')[0]?.attrs['w:val'] === 'TertipFigure');
      const bookmarkOf = (p: (typeof paragraphs)[number] | undefined): string | undefined => (p ? findAll(p, 'w:bookmarkStart')[0]?.attrs['w:name'] : undefined);
      expect(figures.map((p) => bookmarkOf(p) !== undefined)).toEqual([true, false, true]);
      const links = findAll(doc, 'w:hyperlink').filter((h) => h.attrs['w:anchor'] !== undefined);
      const byText = new Map(links.map((h) => [paragraphText(h), h.attrs['w:anchor']]));
      expect(byText.get(REFERENCES[lang][0])).toBe(bookmarkOf(figures[0]));
      expect(byText.get(REFERENCES[lang][1])).toBe(bookmarkOf(figures[2]));
    }
  });

  it('PDF: the references read the same and link to a destination at each figure', async () => {
    for (const lang of ['tk', 'ru'] as const) {
      const doc = await loadPdf(out(lang, 'pdf'));
      const text = (await allPageTexts(doc)).join('\n').replace(/\s+/g, ' ');
      for (const ref of REFERENCES[lang]) expect(text).toContain(ref);
      for (const name of ['pathway-diagram', 'second-icon']) expect(await doc.getDestination(name), name).not.toBeNull();
      const targets: string[] = [];
      for (let p = 1; p <= doc.numPages; p++) {
        for (const a of await (await doc.getPage(p)).getAnnotations()) if (typeof a.dest === 'string') targets.push(a.dest);
      }
      expect(targets).toEqual(expect.arrayContaining(['pathway-diagram', 'second-icon']));
    }
  });

  it('rebuilds byte for byte, on one worker and on two', () => {
    const first = sha256(readFileSync(join(root, 'out', 'all.zip')));
    for (const jobs of ['1', '2', '2']) {
      const again = tertip(root, ['build', '--jobs', jobs]);
      expect(again.code).toBe(0);
      expect(sha256(readFileSync(join(root, 'out', 'all.zip')))).toBe(first);
    }
  });

  it("an image replaced by something that is not one: the build refuses at the image's line and column, out/ stays as it was", () => {
    const before = snapshot(join(root, 'out'));
    writeFileSync(join(root, 'specs/assets/icon.png'), 'not a picture any more');
    const r = tertip(root, ['build']);
    expect(r.code).toBe(1);
    const text = readFileSync(join(root, 'specs/services/demo/tk.md'), 'utf8');
    const line = text.split('\n').findIndex((l) => l.includes('assets/icon.png')) + 1;
    expect(r.stdout).toContain('specs/services/demo/tk.md');
    expect(r.stdout).toMatch(new RegExp(`\\b${line}:1\\s+error\\s+The image "assets/icon.png" is not a PNG or JPEG image`));
    expect(r.stdout).toContain('md-image');
    expect(snapshot(join(root, 'out'))).toEqual(before);
  });
});
