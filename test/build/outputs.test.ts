/**
 * The DOCX and PDF files of a real build, read the way their users' software reads them:
 * DOCX unzipped and parsed as XML (fflate + fast-xml-parser, as Word-compatible readers do),
 * PDF through pdf.js (Firefox's viewer). One build of three real documents (a service, an SOP
 * and an act, both languages) by the CLI in a child process; every test reads its outputs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alignSubsequence, missingWords, sourceText, textWords, type SourceText } from '../helpers/source-text.js';
import { Docx, child, findAll, paragraphText, type XNode } from '../render/docx/ooxml.js';
import { allPageTexts, loadPdf, rawText, type PDFDocumentProxy } from '../render/pdf/helpers.js';
import { TRIO, TRIO_PACK, makeTrioProject, removeProjects, tertip, type RunResult } from './project.js';

const LANGS = ['tk', 'ru'] as const;
type Lang = (typeof LANGS)[number];
const LANG_TAG: Record<Lang, string> = { tk: 'tk-TM', ru: 'ru-RU' };
const CASES = TRIO.flatMap((d) => LANGS.map((lang) => ({ ...d, lang })));

let root = '';
let build: RunResult;

beforeAll(() => {
  root = makeTrioProject();
  build = tertip(root, ['build']);
}, 120_000);
afterAll(removeProjects);

const memo = new Map<string, unknown>();
function once<T>(key: string, make: () => T): T {
  if (!memo.has(key)) memo.set(key, make());
  return memo.get(key) as T;
}

function source(collection: string, id: string, lang: Lang): SourceText {
  return once(`src:${collection}/${id}/${lang}`, () => sourceText(join(root, 'specs', collection, id, `${lang}.md`)));
}

function docx(name: string, lang: Lang): Docx {
  return once(`docx:${lang}/${name}`, () => new Docx(readFileSync(join(root, 'out', TRIO_PACK, lang, `${name}.docx`))));
}

function pdfBytes(name: string, lang: Lang): Uint8Array {
  return once(`pdfbytes:${lang}/${name}`, () => new Uint8Array(readFileSync(join(root, 'out', TRIO_PACK, lang, `${name}.pdf`))));
}

function pdf(name: string, lang: Lang): Promise<PDFDocumentProxy> {
  return once(`pdf:${lang}/${name}`, () => loadPdf(pdfBytes(name, lang)));
}

function pdfWords(name: string, lang: Lang): Promise<string[]> {
  return once(`pdfwords:${lang}/${name}`, async () => textWords((await allPageTexts(await pdf(name, lang))).join('\n')));
}

/**
 * A footnote mark is a raised number drawn right after the word, so text extraction glues it to
 * the word ("ulanylýar1"), as it does for footnotes in any PDF. The mark is a generated number,
 * so "word" + N (N a footnote number of the document) counts as the word followed by N.
 */
function splitNoteMarks(words: readonly string[], notes: number): string[] {
  if (notes === 0) return [...words];
  return words.flatMap((w) => {
    const m = /^(.*\p{L})(\d+)$/u.exec(w);
    const n = m ? Number(m[2]) : 0;
    return m && n >= 1 && n <= notes ? [m[1] as string, m[2] as string] : [w];
  });
}

/** The text of a part as a reader shows it: paragraphs (table cells included) in document order. */
function partText(d: Docx, part: string): string {
  return findAll(d.xml(part), 'w:p').map(paragraphText).join('\n');
}

/** Footnotes of footnotes.xml that hold text (not the separators), by id. */
function realFootnotes(d: Docx): Map<string, XNode> {
  const out = new Map<string, XNode>();
  if (!d.has('word/footnotes.xml')) return out;
  for (const f of findAll(d.xml('word/footnotes.xml'), 'w:footnote')) {
    const type = f.attrs['w:type'];
    if (type === 'separator' || type === 'continuationSeparator' || type === 'continuationNotice') continue;
    out.set(f.attrs['w:id'] ?? '', f);
  }
  return out;
}

/** "subsequence" message that says where the output stopped matching. */
function inOrder(actual: string[], expected: string[], what: string): void {
  const a = alignSubsequence(actual, expected);
  const missing = missingWords(actual, expected);
  expect(
    { reached: a.reached, firstMissing: a.firstMissing, outputNear: a.outputNear, missing: missing.slice(0, 20) },
    `${what}: ${a.reached} of ${expected.length} source words found in order`,
  ).toEqual({ reached: expected.length, firstMissing: undefined, outputNear: undefined, missing: [] });
}

function val(node: XNode | undefined): string | undefined {
  return node?.attrs['w:val'];
}

/** The header and footer parts a section uses, by reference type (default, first, even). */
function sectionParts(d: Docx): Array<{ kind: 'header' | 'footer'; type: string; part: string }> {
  const rels = d.rels('word/document.xml');
  const out: Array<{ kind: 'header' | 'footer'; type: string; part: string }> = [];
  for (const sect of findAll(d.xml('word/document.xml'), 'w:sectPr')) {
    for (const ref of sect.children.filter((c) => c.name === 'w:headerReference' || c.name === 'w:footerReference')) {
      const target = rels.get(ref.attrs['r:id'] ?? '')?.target;
      if (!target) throw new Error(`${ref.name} ${ref.attrs['r:id']} has no relationship`);
      out.push({ kind: ref.name === 'w:headerReference' ? 'header' : 'footer', type: ref.attrs['w:type'] ?? 'default', part: `word/${target.replace(/^\/?word\//, '')}` });
    }
  }
  return out;
}

/** Field codes (PAGE, NUMPAGES, …) of a part, from complex fields and simple fields. */
function fieldCodes(d: Docx, part: string): string[] {
  const xml = d.xml(part);
  const complex = findAll(xml, 'w:instrText').map((n) => n.children.map((c) => c.text ?? '').join(''));
  const simple = findAll(xml, 'w:fldSimple').map((n) => n.attrs['w:instr'] ?? '');
  return [...complex, ...simple].map((code) => code.trim().split(/\s+/)[0]?.toUpperCase() ?? '');
}

it('the build succeeds and writes a DOCX and a PDF per document and language', () => {
  expect(build.stderr, build.stdout).toBe('');
  expect(build.code, build.stdout).toBe(0);
  for (const { id, lang } of CASES) for (const ext of ['docx', 'pdf']) expect(() => readFileSync(join(root, 'out', TRIO_PACK, lang, `${id}.${ext}`))).not.toThrow();
});

it('the fixture exercises every Turkmen letter, Cyrillic letters, footnotes, tables and links', () => {
  const tk = CASES.filter((c) => c.lang === 'tk').flatMap((c) => source(c.collection, c.id, 'tk').all).join(' ');
  const ru = CASES.filter((c) => c.lang === 'ru').flatMap((c) => source(c.collection, c.id, 'ru').all).join(' ');
  for (const ch of 'äçňöşüýž') expect(tk, ch).toContain(ch);
  for (const ch of 'ёйщъэюя') expect(ru, ch).toContain(ch);
  expect(source('acts', 'ethics-code', 'tk').footnotes).toHaveLength(1);
  expect(source('acts', 'ethics-code', 'ru').footnotes).toHaveLength(1);
});

describe.each(CASES)('$id ($lang).docx', ({ id, collection, lang }) => {
  it('every paragraph, character and table style used is defined in styles.xml', () => {
    const d = docx(id, lang);
    const styles = findAll(d.xml('word/styles.xml'), 'w:style');
    const defined = (type: string): Set<string> => new Set(styles.filter((s) => s.attrs['w:type'] === type).map((s) => s.attrs['w:styleId'] ?? ''));
    const parts = d.names.filter((n) => /^word\/(document|footnotes|endnotes|header\d*|footer\d*)\.xml$/.test(n));
    const undefinedStyles: string[] = [];
    for (const part of parts) {
      const xml = d.xml(part);
      for (const [element, type] of [['w:pStyle', 'paragraph'], ['w:rStyle', 'character'], ['w:tblStyle', 'table']] as const) {
        const ids = defined(type);
        for (const n of findAll(xml, element)) if (!ids.has(val(n) ?? '')) undefinedStyles.push(`${part}: ${element} ${val(n)}`);
      }
    }
    expect(undefinedStyles).toEqual([]);
    // A paragraph without w:pStyle takes the default paragraph style, which must then exist.
    const unstyled = parts.flatMap((part) => findAll(d.xml(part), 'w:p')).filter((p) => !child(child(p, 'w:pPr') ?? p, 'w:pStyle'));
    if (unstyled.length > 0) expect(styles.some((s) => s.attrs['w:type'] === 'paragraph' && (s.attrs['w:default'] === '1' || s.attrs['w:default'] === 'true'))).toBe(true);
  });

  it('every numId used is an integer defined in numbering.xml, with an abstractNum', () => {
    const d = docx(id, lang);
    const numbering = d.xml('word/numbering.xml');
    const abstracts = new Set(findAll(numbering, 'w:abstractNum').map((a) => a.attrs['w:abstractNumId'] ?? ''));
    const nums = new Map(findAll(numbering, 'w:num').map((n) => [n.attrs['w:numId'] ?? '', val(child(n, 'w:abstractNumId'))]));
    const used = findAll(d.xml('word/document.xml'), 'w:numId').map(val);
    expect(used.length, 'clauses are numbered through numbering.xml').toBeGreaterThan(0);
    const problems: string[] = [];
    for (const u of new Set(used)) {
      if (!/^\d+$/.test(u ?? '')) problems.push(`numId "${u}" is not an integer`);
      else if (!nums.has(u as string)) problems.push(`numId ${u} is not defined`);
      else if (!abstracts.has(nums.get(u as string) ?? '')) problems.push(`numId ${u} points to a missing abstractNum ${nums.get(u as string)}`);
    }
    expect(problems).toEqual([]);
  });

  it(`the language is ${LANG_TAG[lang]} everywhere it is set`, () => {
    const d = docx(id, lang);
    const defaults = child(child(child(findAll(d.xml('word/styles.xml'), 'w:docDefaults')[0] as XNode, 'w:rPrDefault') as XNode, 'w:rPr') as XNode, 'w:lang');
    expect(val(defaults), 'docDefaults').toBe(LANG_TAG[lang]);
    const tags = new Set<string>();
    for (const part of d.names.filter((n) => n.startsWith('word/') && n.endsWith('.xml'))) {
      for (const l of findAll(d.xml(part), 'w:lang')) for (const a of ['w:val', 'w:eastAsia', 'w:bidi']) if (l.attrs[a]) tags.add(`${a}=${l.attrs[a]}`);
    }
    expect([...tags]).toEqual([`w:val=${LANG_TAG[lang]}`]);
    expect(d.raw('docProps/core.xml')).toContain(`<dc:language>${LANG_TAG[lang]}</dc:language>`);
  });

  it('the source words appear in document.xml in order, letter for letter', () => {
    const src = source(collection, id, lang);
    expect(src.body.length).toBeGreaterThan(500);
    inOrder(textWords(partText(docx(id, lang), 'word/document.xml')), src.body, `${lang}/${id}.docx`);
  });

  it('footnotes are in footnotes.xml, referenced from the text, with their words in order', () => {
    const d = docx(id, lang);
    const src = source(collection, id, lang);
    const notes = realFootnotes(d);
    const refs = findAll(d.xml('word/document.xml'), 'w:footnoteReference').map((r) => r.attrs['w:id'] ?? '');
    expect(notes.size).toBe(src.footnotes.length);
    expect(new Set(refs)).toEqual(new Set(notes.keys()));
    // Footnotes are numbered in order of first reference; this document's definitions are in that order too.
    const order = [...new Set(refs)];
    src.footnotes.forEach((f, i) => {
      const note = notes.get(order[i] as string) as XNode;
      inOrder(textWords(findAll(note, 'w:p').map(paragraphText).join('\n')), f.words, `footnote [^${f.label}]`);
    });
  });

  it('the running header/footer hold PAGE and NUMPAGES fields', () => {
    const d = docx(id, lang);
    const parts = sectionParts(d);
    expect(parts.some((p) => p.kind === 'footer' && p.type === 'default')).toBe(true);
    for (const type of new Set(parts.map((p) => p.type))) {
      const codes = parts.filter((p) => p.type === type).flatMap((p) => fieldCodes(d, p.part));
      expect(codes, `${type} header/footer`).toEqual(expect.arrayContaining(['PAGE', 'NUMPAGES']));
    }
  });

  it('docProps/core.xml carries the front-matter title', () => {
    const title = findAll(docx(id, lang).xml('docProps/core.xml'), 'dc:title')[0];
    expect(title?.children.map((c) => c.text ?? '').join('')).toBe(source(collection, id, lang).title);
  });
});

describe.each(CASES)('$id ($lang).pdf', ({ id, collection, lang }) => {
  it('pdf.js extracts the source words in order, letter for letter', async () => {
    const src = source(collection, id, lang);
    const words = splitNoteMarks(await pdfWords(id, lang), src.footnotes.length);
    inOrder(words, src.body, `${lang}/${id}.pdf`);
    for (const f of src.footnotes) inOrder(words, f.words, `${lang}/${id}.pdf footnote [^${f.label}]`);
  });

  it('every font is embedded (FontFile2), subset and has a ToUnicode map; no standard 14 font', () => {
    const raw = rawText(pdfBytes(id, lang));
    // pdfkit writes dictionaries uncompressed: each object's dictionary is the text before its stream.
    const objects = raw.split(/\bendobj\b/).map((o) => (o.includes('stream') ? o.slice(0, o.indexOf('stream')) : o));
    const fonts = objects.filter((o) => /\/Type\s*\/Font\b/.test(o));
    const descriptors = objects.filter((o) => /\/Type\s*\/FontDescriptor\b/.test(o));
    expect(fonts.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const f of fonts) {
      const name = /\/BaseFont\s*\/([^\s/<>[\]]+)/.exec(f)?.[1] ?? '?';
      const subtype = /\/Subtype\s*\/(\w+)/.exec(f)?.[1];
      if (subtype === 'Type1' || subtype === 'TrueType' || subtype === 'Type3') problems.push(`${name}: a simple ${subtype} font`);
      if (!/^[A-Z]{6}\+/.test(name)) problems.push(`${name}: not a subset`);
      if (subtype === 'Type0' && !/\/ToUnicode\s+\d+\s+\d+\s+R/.test(f)) problems.push(`${name}: no ToUnicode`);
    }
    for (const d of descriptors) if (!/\/FontFile2\s+\d+\s+\d+\s+R/.test(d)) problems.push(`descriptor ${/\/FontName\s*\/(\S+)/.exec(d)?.[1]}: not embedded as FontFile2`);
    expect(descriptors.length).toBe(fonts.filter((f) => /\/Subtype\s*\/CIDFontType2/.test(f)).length);
    expect(problems).toEqual([]);
  });

  it('the document title is the front-matter title, and there is more than one page', async () => {
    const doc = await pdf(id, lang);
    const meta = await doc.getMetadata();
    expect((meta.info as { Title?: string }).Title).toBe(source(collection, id, lang).title);
    expect(doc.numPages).toBeGreaterThan(1);
  });
});

describe.each(LANGS)('covering letter (%s)', (lang) => {
  it('DOCX: styles and numbering defined, language set, the letter body present', () => {
    const d = docx('covering-letter', lang);
    const styleIds = new Set(findAll(d.xml('word/styles.xml'), 'w:style').map((s) => s.attrs['w:styleId'] ?? ''));
    expect(findAll(d.xml('word/document.xml'), 'w:pStyle').map((n) => val(n) ?? '').filter((s) => !styleIds.has(s))).toEqual([]);
    const nums = new Set(d.has('word/numbering.xml') ? findAll(d.xml('word/numbering.xml'), 'w:num').map((n) => n.attrs['w:numId'] ?? '') : []);
    expect(findAll(d.xml('word/document.xml'), 'w:numId').map((n) => val(n) ?? '').filter((n) => !nums.has(n))).toEqual([]);
    const tags = new Set(findAll(d.xml('word/styles.xml'), 'w:lang').map(val));
    expect([...tags]).toEqual([LANG_TAG[lang]]);
    const body = lang === 'tk' ? 'Resminamalaryň taslamalaryny türkmen we rus dillerinde seretmegiňize iberýäris.' : 'Направляем на рассмотрение проекты документов на туркменском и русском языках.';
    inOrder(textWords(partText(d, 'word/document.xml')), textWords(body), `${lang}/covering-letter.docx`);
  });

  it('PDF: the letter body and every enclosed document title are in the text', async () => {
    const words = await pdfWords('covering-letter', lang);
    const body = lang === 'tk' ? 'Resminamalaryň taslamalaryny türkmen we rus dillerinde seretmegiňize iberýäris.' : 'Направляем на рассмотрение проекты документов на туркменском и русском языках.';
    inOrder(words, textWords(body), `${lang}/covering-letter.pdf`);
    for (const d of TRIO) inOrder(words, textWords(source(d.collection, d.id, lang).title), `${lang}/covering-letter.pdf title of ${d.id}`);
  });
});
