/**
 * The PDF renderer, checked as readers' software sees the result: text layer (pdf.js, and poppler
 * when installed), fonts, outline, links, metadata, structure, and byte-for-byte determinism.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, DocModel } from '../../../src/model/types.js';
import { checkGlyphs, fontCoverage, MissingGlyphError, renderPdf } from '../../../src/render/pdf/index.js';
import { STREAM_DEFLATE_LEVEL } from '../../../src/render/pdf/internals.js';
import { footnoteWords, modelWords, RU_MODEL, runs, TK_MODEL } from './fixture.js';
import { alignWords, allPageTexts, loadPdf, pageItems, pageText, pdfjsOps, pdftotext, rawStreams, rawText, streams, words, type PDFDocumentProxy } from './helpers.js';

/** A small document with the fixture's settings and the given body. */
function mini(body: Block[], extra: Partial<DocModel> = {}): DocModel {
  return { ...TK_MODEL, front: [], body, annexes: [], footnotes: [], ...extra };
}

function paragraph(text: string, style: 'body' | 'clause' = 'body'): Block {
  return { type: 'paragraph', style, runs: runs(text) };
}

let tkBytes: Uint8Array;
let ruBytes: Uint8Array;
let tk: PDFDocumentProxy;
let ru: PDFDocumentProxy;
let tkPages: string[];

beforeAll(async () => {
  tkBytes = await renderPdf(TK_MODEL);
  ruBytes = await renderPdf(RU_MODEL);
  tk = await loadPdf(tkBytes);
  ru = await loadPdf(ruBytes);
  tkPages = await allPageTexts(tk);
});

/** Words the renderer adds to the model's: page numbers and the running header and footer. */
function allowedExtra(model: DocModel, word: string): boolean {
  const running = [model.running.header, model.running.pageOf, model.running.draftMark].join(' ');
  // Repeated table header rows on continuation pages.
  const headers = [...model.body, ...model.annexes.flat()].flatMap((block) => (block.type === 'table' ? block.header.flatMap((cell) => cell.runs) : []));
  const headerText = headers.map((run) => (run.kind === 'text' ? run.text : '')).join(' ');
  return /^\d+$/.test(word) || word === '/' || words(running).includes(word) || words(headerText).includes(word);
}

describe('text layer (pdf.js)', () => {
  it('gives back every word of the Turkmen model, in order, letter for letter', () => {
    const actual = words(tkPages.join('\n'));
    const expected = modelWords(TK_MODEL);
    const match = alignWords(actual, expected);
    expect(match.firstMissing).toBeUndefined();
    expect(match.reached).toBe(expected.length);
    // Everything else on the pages is footnotes, page numbers and running texts: no stray
    // fragments such as "hyz-" or glued words.
    const notes = footnoteWords(TK_MODEL).flat();
    expect(match.extra.filter((word) => !allowedExtra(TK_MODEL, word) && !notes.includes(word))).toEqual([]);
  });

  it('gives back the Russian model letter for letter (Cyrillic, «», №)', async () => {
    const text = (await allPageTexts(ru)).join('\n');
    const match = alignWords(words(text), modelWords(RU_MODEL));
    expect(match.firstMissing).toBeUndefined();
    expect(text.replace(/\s+/g, ' ')).toContain('«Социальное сопровождение молодых людей, выходящих из интернатных учреждений»');
    expect(text).toMatch(/№\s434-VI/);
    expect(text).toContain('ПРОЕКТ');
    expect(text).toContain('Страница 1 из ');
  });

  it('keeps the Turkmen letters ä ç ň ö ş ü ý ž and their capitals', () => {
    const text = tkPages.join('\n');
    for (const letter of 'äçňöşüýžÄÇÖŞÜÝŽ') expect(text, letter).toContain(letter);
    expect(text).toContain('Türkmenistanyň Zähmet we ilaty durmuş taýdan goramak ministrligi'.slice(0, 30));
  });

  it('writes the no-break space after № as U+00A0 in the ToUnicode map', () => {
    // Extractors report NBSP as a space, so check the font's own mapping.
    expect(streams(tkBytes).some((stream) => stream.includes('begincmap') && stream.includes('<00a0>'))).toBe(true);
  });

  it('yields whole words where a word is hyphenated at a line end', async () => {
    const ops = await pdfjsOps();
    // Some words of the fixture are hyphenated: their visible parts are glyph forms.
    let forms = 0;
    for (let n = 1; n <= tk.numPages; n++) {
      const list = await (await tk.getPage(n)).getOperatorList();
      forms += list.fnArray.filter((fn) => fn === ops.paintFormXObjectBegin).length;
    }
    expect(forms).toBeGreaterThan(20);
    const hyphenEnds = words(tkPages.join('\n')).filter((word) => /\p{L}-$/u.test(word));
    expect(hyphenEnds).toEqual([]);
  });

  it('hyphenates "hyzmatlary" in a narrow column and still extracts it whole', async () => {
    const model = mini([
      {
        type: 'table',
        columns: [{ width: 1 }, { width: 12 }],
        header: [{ runs: runs('A') }, { runs: runs('B') }],
        rows: [[{ runs: runs('hyzmatlary hyzmatlary') }, { runs: runs('soňky') }]],
      },
    ]);
    const bytes = await renderPdf(model);
    const doc = await loadPdf(bytes);
    const text = await pageText(doc, 1);
    expect(words(text).filter((word) => word.startsWith('hyz'))).toEqual(['hyzmatlary', 'hyzmatlary']);
    const poppler = pdftotext(bytes);
    if (poppler !== null) expect(words(poppler).filter((word) => word.startsWith('hyz'))).toEqual(['hyzmatlary', 'hyzmatlary']);
    const ops = await pdfjsOps();
    const list = await (await doc.getPage(1)).getOperatorList();
    // Drawn split (outline forms of its parts) while the text layer holds the whole word.
    expect(list.fnArray.filter((fn) => fn === ops.paintFormXObjectBegin).length).toBeGreaterThanOrEqual(10);
  });

  it('loses no space between bold, italic and plain runs in justified text', async () => {
    const sentence = 'Şu **häkimlik** _ýazmaça_ ***hasabat*** we **bellik**, _gözegçilik_ üçin **Hyzmat**';
    const model = mini([paragraph(Array.from({ length: 6 }, () => sentence).join(' '))]);
    const bytes = await renderPdf(model);
    const text = await pageText(await loadPdf(bytes), 1);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat.match(/Şu häkimlik ýazmaça hasabat we bellik, gözegçilik üçin Hyzmat/g)?.length).toBe(6);
    expect(flat).not.toMatch(/häkimlikýazmaça|ýazmaçahasabat|hasabatwe|bellik,gözegçilik|üçinHyzmat/);
    const poppler = pdftotext(bytes);
    if (poppler !== null) expect(poppler.replace(/\s+/g, ' ')).toContain('Şu häkimlik ýazmaça hasabat we bellik, gözegçilik üçin Hyzmat');
  });

  it('justifies: full lines end exactly at the right margin, none goes beyond it', async () => {
    const right = 595.28 - TK_MODEL.page.margins.right * (72 / 25.4);
    const items = (await pageItems(tk, 3)).filter((item) => item.str.trim() !== '' && item.y > 60);
    const lineEnds = items.filter((item) => item.hasEOL).map((item) => item.x + item.width);
    expect(lineEnds.filter((end) => Math.abs(end - right) < 0.5).length).toBeGreaterThan(15);
    // Visible text never passes the margin (the visible parts of a split word are outlines, not
    // text). Only the invisible whole of a word hyphenated at a line end may run on into the empty
    // margin, unsqueezed so poppler keeps every letter; it still ends inside the page.
    const page = 595.28;
    const beyond = items.filter((item) => item.x + item.width >= right + 0.5);
    for (const item of beyond) expect(item.x + item.width, item.str).toBeLessThan(page - 5);
    expect(beyond.length).toBeLessThan(lineEnds.length / 2);
  });
});

describe('text layer (poppler pdftotext, when installed)', () => {
  it('gives whole words and every word of the model', () => {
    const text = pdftotext(tkBytes);
    if (text === null) return;
    const actual = words(text);
    expect(actual.filter((word) => /\p{L}-$/u.test(word))).toEqual([]);
    const expected = modelWords(TK_MODEL);
    const set = new Set(actual);
    expect(expected.filter((word) => !set.has(word))).toEqual([]);
  });
});

describe('fonts', () => {
  it('embeds PT Serif as subset TrueType fonts with ToUnicode maps, and no standard font', () => {
    const raw = rawText(tkBytes);
    const descriptors = raw.match(/\/Type \/FontDescriptor[^]*?>>/g) ?? [];
    expect(descriptors.length).toBeGreaterThanOrEqual(3);
    for (const descriptor of descriptors) {
      expect(descriptor).toContain('/FontFile2');
      expect(descriptor).toMatch(/\/FontName \/[A-Z]{6}\+PTSerif-(Regular|Bold|Italic|BoldItalic)/);
    }
    const fonts = raw.match(/\/Type \/Font\s[^]*?>>/g) ?? [];
    for (const font of fonts) {
      expect(font).not.toMatch(/\/Subtype \/Type1/);
      if (font.includes('/Subtype /Type0')) expect(font).toContain('/ToUnicode');
    }
  });

  it('uses only embedded fonts on every page (pdf.js)', async () => {
    const ops = await pdfjsOps();
    const page = await tk.getPage(2);
    const list = await page.getOperatorList();
    const names = new Set(list.fnArray.flatMap((fn, i) => (fn === ops.setFont ? [list.argsArray[i][0] as string] : [])));
    expect(names.size).toBeGreaterThanOrEqual(2);
    for (const name of names) {
      const font = page.commonObjs.get(name) as { name: string; missingFile: boolean };
      expect(font.missingFile).toBe(false);
      expect(font.name).toMatch(/^[A-Z]{6}\+PTSerif-/);
    }
  });
});

describe('glyph checks', () => {
  it('reports characters outside the fonts with their code point and position', () => {
    expect(checkGlyphs('Salam 你好 😀!')).toEqual([
      { char: '你', codePoint: 0x4f60, index: 6 },
      { char: '好', codePoint: 0x597d, index: 7 },
      { char: '😀', codePoint: 0x1f600, index: 9 },
    ]);
    expect(checkGlyphs('Türkmenistanyň ŽžŇňŞşÝýÄäÇçÖöÜü «Министерство» № 5 – … ЁёЙй\u2009\u202f\u00a0')).toEqual([]);
  });

  it('covers Turkmen, Russian and the typographic signs in all four faces', () => {
    const coverage = fontCoverage();
    for (const char of 'ÄäÇçŇňÖöŞşÜüÝýŽžЁёЙйАяЖж«»№–—„“”’…§\u00a0\u2009\u202f') expect(coverage.has(char.codePointAt(0) as number), char).toBe(true);
    expect(coverage.has(0x4f60)).toBe(false);
  });

  it('refuses to render a character the font cannot draw, naming it and its context', async () => {
    const model = mini([paragraph('Hyzmat 你 berilýär')]);
    await expect(renderPdf(model)).rejects.toThrow(MissingGlyphError);
    await expect(renderPdf(model)).rejects.toThrow(/"你" \(U\+4F60\) in "Hyzmat 你 berilýär"/);
    await expect(renderPdf(mini([paragraph('Bellik 😀 **bold**')]))).rejects.toThrow(/U\+1F600/);
  });

  it('draws U+2009 and U+202F as no-break spaces', async () => {
    const doc = await loadPdf(await renderPdf(mini([paragraph('Jemi 294\u2009600 manat we 10\u202f000 manat')])));
    expect(await pageText(doc, 1)).toMatch(/294\s600 manat we 10\s000 manat/);
  });
});

describe('layout', () => {
  it('has a sane page count and A4 pages', async () => {
    expect(tk.numPages).toBeGreaterThanOrEqual(6);
    expect(tk.numPages).toBeLessThanOrEqual(14);
    const view = (await tk.getPage(1)).view;
    expect(view.map(Math.round)).toEqual([0, 0, 595, 842]);
  });

  it('prints the running header from page 2, the draft mark and "page X of Y" on every page', () => {
    const total = tkPages.length;
    tkPages.forEach((text, index) => {
      expect(text).toContain(`Sahypa ${index + 1} / ${total}`);
      expect(text).toContain('TASLAMA');
      expect(text.includes('care-leavers · 0.1.0')).toBe(index > 0);
    });
  });

  it('fills the table of contents with the pages of the headings', () => {
    const toc = tkPages[0] as string;
    const pageOf = (needle: string): number => tkPages.findIndex((text, i) => i > 0 && text.includes(needle)) + 1;
    expect(toc).toMatch(new RegExp(`1\\. Umumy düzgünler\\s*${pageOf('1. Umumy düzgünler')}\\s`));
    expect(toc).toMatch(new RegExp(`5\\. Hyzmaty almagyň tertibi\\s*${pageOf('5. Hyzmaty almagyň tertibi')}\\s`));
  });

  it('starts the annex on a new page', () => {
    const annex = tkPages.findIndex((text) => text.includes('Ýaşyň Hyzmaty almaga razylyk görnüşi') && !text.includes('Mazmuny'));
    expect(annex).toBe(tkPages.length - 1);
    expect((tkPages[annex] as string).trimStart().startsWith('Goşundy')).toBe(true);
  });

  it('repeats the table header row on every page of the table', () => {
    const tablePages = tkPages.filter((text) => /\b(A\d|T\d|ST\d|I\d|C\d)\b/.test(text) && text.includes('Göwrümi'));
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    for (const text of tablePages) expect(text).toContain('Möhleti ýa-da');
  });

  it('never splits a table row across pages', () => {
    // Every row's code and its text sit on the same page.
    for (const [code, text] of [['T1', 'Etrap durmuş işi gullugy'], ['I2', 'Ilkinji baha bermekden soň 30'], ['C3', 'Garaşsyz durmuşa başlamak']] as const) {
      const page = tkPages.find((p) => new RegExp(`\\b${code}\\b`).test(p));
      expect(page, code).toContain(text);
    }
  });

  it('keeps a heading with the paragraph that follows it', () => {
    const headings = TK_MODEL.body.flatMap((block) => (block.type === 'heading' && block.label ? [block] : []));
    expect(headings.length).toBeGreaterThan(5);
    for (const heading of headings) {
      const title = `${heading.label} ${heading.runs.map((run) => (run.kind === 'text' ? run.text : '')).join('')}`;
      const page = tkPages.find((text, index) => index > 0 && text.replace(/\s+/g, ' ').includes(title));
      expect(page, title).toBeDefined();
      // The section's first clause ("5.1.") is on the heading's page.
      expect(page, title).toContain(`${heading.label}1. `);
    }
  });

  it('puts footnotes at the foot of the page that refers to them', async () => {
    const noteWords = new Set(footnoteWords(TK_MODEL).flat());
    const footer = new Set(words('Sahypa 0 / 0'));
    for (const [number, start] of [[1, 'Türkmenistanyň Mejlisiniň Maglumatlary'], [3, 'Sanlar ara alnyp']] as const) {
      const index = tkPages.findIndex((text) => text.includes(start));
      expect(index, `note ${number}`).toBeGreaterThan(0);
      const items = (await pageItems(tk, index + 1)).filter((item) => item.str.trim() !== '');
      const note = items.find((item) => item.str.startsWith(start)) as { y: number };
      // The reference (a raised number) is in the body of this page, above the note.
      expect(items.some((item) => item.str === String(number) && item.y > note.y + 20)).toBe(true);
      // Below the note: only footnote text and the footer.
      for (const item of items.filter((i) => i.y < note.y - 1)) {
        for (const word of words(item.str)) expect(noteWords.has(word) || footer.has(word) || /^\d+$/.test(word), word).toBe(true);
      }
    }
  });
});

describe('navigation', () => {
  it('has bookmarks for the outline headings, nested by level, pointing at their pages', async () => {
    const outline = await tk.getOutline();
    const headings = [...TK_MODEL.body, ...TK_MODEL.annexes.flat()].flatMap((block) => (block.type === 'heading' && block.level === 1 && block.outline ? [block] : []));
    const title = (block: (typeof headings)[number]): string => [block.label, block.runs.map((run) => (run.kind === 'text' ? run.text : '')).join('')].filter(Boolean).join(' ');
    expect(outline.map((item) => item.title)).toEqual(headings.map(title));
    expect(outline.map((item) => item.title)).toContain('Ýaşyň Hyzmaty almaga razylyk görnüşi');
    expect(outline[3]?.items.map((item) => item.title)).toEqual(['Hyzmatlaryň, möhletleriň we işgärleriň sanawy']);
    const first = outline[0]?.dest as unknown[];
    const page = await tk.getPageIndex(first[0] as { num: number; gen: number });
    expect(tkPages[page]).toContain('1. Umumy düzgünler');
  });

  it('links cross-references to named destinations and external links to their URL', async () => {
    const annotations = [];
    for (let n = 1; n <= tk.numPages; n++) annotations.push(...(await (await tk.getPage(n)).getAnnotations()));
    const internal = annotations.filter((a) => typeof a.dest === 'string');
    expect(internal.map((a) => a.dest)).toEqual(expect.arrayContaining(['eligibility', 'services-table', 'stage-preparation', 'general', 'annex-consent']));
    for (const a of internal) expect(await tk.getDestination(a.dest as string), a.dest as string).not.toBeNull();
    expect(annotations.some((a) => a.url === 'https://mlsp.gov.tm/hyzmatlar')).toBe(true);
  });
});

describe('document information and structure', () => {
  it('fills the Info dictionary and XMP from the model, dated with the build date', async () => {
    const { info, metadata } = (await tk.getMetadata()) as { info: Record<string, string>; metadata: { get(name: string): unknown } };
    expect(info.Title).toBe(TK_MODEL.properties.title);
    expect(info.Author).toBe(TK_MODEL.properties.author);
    expect(info.Subject).toBe(TK_MODEL.properties.subject);
    expect(info.Keywords).toBe(TK_MODEL.properties.keywords.join(', '));
    expect(info.CreationDate).toBe('D:20261118000000Z');
    expect(info.ModDate).toBe('D:20261118000000Z');
    expect(info.Language).toBe('tk-TM');
    expect(metadata.get('dc:title')).toBe(TK_MODEL.properties.title);
    expect(metadata.get('dc:creator')).toEqual([TK_MODEL.properties.author]);
    expect(metadata.get('pdfaid:part')).toBe('2');
    expect(metadata.get('pdfaid:conformance')).toBe('A');
    expect(metadata.get('xmp:modifydate')).toBe('2026-11-18T00:00:00Z');
  });

  it('escapes XML in the XMP packet', async () => {
    const model = mini([paragraph('Tekst')], { properties: { ...TK_MODEL.properties, title: 'A & B <C>' } });
    const doc = await loadPdf(await renderPdf(model));
    const { metadata } = (await doc.getMetadata()) as { metadata: { get(name: string): unknown } };
    expect(metadata.get('dc:title')).toBe('A & B <C>');
  });

  it('is a tagged PDF with headings, paragraphs, a table, a TOC and notes', async () => {
    expect(await tk.getMarkInfo()).toMatchObject({ Marked: true });
    const roles = new Set<string>();
    const visit = (node: { role?: string; children?: unknown[] }): void => {
      if (node.role) roles.add(node.role);
      for (const child of node.children ?? []) visit(child as { role?: string; children?: unknown[] });
    };
    for (let n = 1; n <= tk.numPages; n++) visit((await (await tk.getPage(n)).getStructTree()) as { children?: unknown[] });
    for (const role of ['Document', 'H1', 'H2', 'P', 'Table', 'TR', 'TH', 'TD', 'TOC', 'TOCI', 'Link', 'Note', 'Sect', 'Caption']) expect(roles, role).toContain(role);
    // Header, footer, rules and leaders are artifacts.
    const content = streams(tkBytes).join('\n');
    expect(content).toContain('/Artifact <<\n/Type /Pagination');
  });
});

describe('stream compression', () => {
  it(`deflates every stream pdfkit writes at level ${STREAM_DEFLATE_LEVEL} (pdfkit itself would use zlib's default 6)`, () => {
    // Glyph forms (with /BBox) are ours, deflated once per process at zlib's default.
    const deflated = rawStreams(tkBytes).filter(({ dict }) => dict.includes('/FlateDecode') && !dict.includes('/BBox'));
    expect(deflated.length).toBeGreaterThan(5);
    for (const { dict, data } of deflated) expect(data.equals(deflateSync(inflateSync(data), { level: STREAM_DEFLATE_LEVEL })), dict).toBe(true);
  });
});

describe('determinism and isolation', () => {
  it('renders the same model to identical bytes, also after rendering another document', async () => {
    const again = await renderPdf(TK_MODEL);
    expect(Buffer.from(again).equals(Buffer.from(tkBytes))).toBe(true);
    await renderPdf(RU_MODEL);
    const third = await renderPdf(TK_MODEL);
    expect(Buffer.from(third).equals(Buffer.from(tkBytes))).toBe(true);
  });

  it('keeps the ToUnicode entry of a letter first used after a hyphenated composite (Ž = Z + caron)', async () => {
    // The outlines of split words must not come from the fonts registered with pdfkit: reading a
    // composite glyph's path creates its component without code points (performance.md trap 3).
    const model = mini([
      {
        type: 'table',
        columns: [{ width: 1 }, { width: 14 }],
        header: [{ runs: runs('N') }, { runs: runs('M') }],
        rows: [[{ runs: runs('žžžžžžžžžžžžžžžžžžžž') }, { runs: runs('') }]],
      },
      paragraph('zaman'),
    ]);
    const doc = await loadPdf(await renderPdf(model));
    const text = await pageText(doc, 1);
    expect(text).toContain('žžžžžžžžžžžžžžžžžžžž');
    expect(words(text)).toContain('zaman');
  });
});

describe('shaping shared between documents', () => {
  it('keeps every letter in the text layer, ligatures (fi, fl) and look-alike spaces included, whichever document shaped a word first', async () => {
    // The second document reuses the first one's shapings; ligatures are shaped per document.
    const text = 'Ofis fizika flag Ýaşaýyş 10\u00a0000 manat we 10 000 manat, ýüz tutma, fiziki.';
    for (const body of [[paragraph(text)], [paragraph('Başga resminama: fizika we Ofis.'), paragraph(text)]]) {
      const doc = await loadPdf(await renderPdf(mini(body)));
      const got = (await allPageTexts(doc)).join(' ').replace(/\s+/g, ' ');
      expect(got).toContain('Ofis fizika flag Ýaşaýyş');
      expect(got).toContain('ýüz tutma, fiziki.');
    }
  });
});

describe('shaping shared between documents: ligatures stay per document', () => {
  it('a document with U+FB01 (the fi ligature character) does not change how another document maps its "fi"', async () => {
    // A word no other test shapes, so the order below is the only history it has.
    const word = 'kafidronlyk';
    const toUnicode = async (model: DocModel): Promise<string> => {
      const bytes = await renderPdf(model);
      return streams(bytes)
        .filter((t) => t.includes('begincmap'))
        .join('\n');
    };
    // "\ufb01fi" is shaped with the first document's own font (its glyphs are not one per character),
    // which makes the ligature glyph remember U+FB01; that font then shapes the word's "fi" too.
    await renderPdf(mini([paragraph('Ligatura \ufb01fi nyşany.'), paragraph(`${word} sözi.`)]));
    const after = await toUnicode(mini([paragraph(`${word} sözi.`)]));
    // The fi glyph of the second document maps to f + i, never to U+FB01.
    expect(after).not.toMatch(/<fb01>/i);
    expect(after).toMatch(/<0066 0069>/i);
  });
});
