/**
 * The DOCX as Word reads it: styles, language, page, numbering, text, footnotes, links, header
 * and footer, the TOC field and the core properties, for the Turkmen and Russian samples and a
 * normative act.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocModel } from '../../../src/model/types.js';
import { renderDocx } from '../../../src/render/docx/index.js';
import { DEPTH_INDENT_MM } from '../../../src/model/styles.js';
import { actModel, SPEC_NUMBERING, specModel } from './fixture.js';
import { expectedNumberLabels, expectedParagraphTexts, footnoteTexts } from './expected.js';
import { child, Docx, find, findAll, paragraphText, replayWordNumbering, textOf, type XNode } from './ooxml.js';
import { png } from '../../helpers/png.js';

const W_PARTS = (doc: Docx): string[] => doc.names.filter((n) => /^word\/(document|header\d+|footer\d+|footnotes|endnotes)\.xml$/.test(n));
const mmTwips = (mm: number): number => Math.round((mm * 1440) / 25.4);

interface Case {
  name: string;
  model: DocModel;
  doc: Docx;
}

const cases: Case[] = [];

beforeAll(async () => {
  for (const [name, model] of [
    ['tk', specModel('tk')],
    ['ru', specModel('ru')],
    ['act', actModel()],
  ] as const) {
    cases.push({ name, model, doc: new Docx(await renderDocx(model)) });
  }
});

function get(name: string): Case {
  const c = cases.find((x) => x.name === name);
  if (!c) throw new Error(name);
  return c;
}

function styleMap(doc: Docx): Map<string, XNode> {
  return new Map(findAll(doc.xml('word/styles.xml'), 'w:style').map((s) => [s.attrs['w:styleId'] ?? '', s]));
}

function val(node: XNode | undefined, name: string): string | undefined {
  return node ? find(node, name)?.attrs['w:val'] : undefined;
}

describe('fixture', () => {
  it('has the Turkmen letters, Cyrillic, guillemets, № and a no-break space the text tests rely on', () => {
    const tk = expectedParagraphTexts(get('tk').model).join('\n');
    const ru = expectedParagraphTexts(get('ru').model).join('\n');
    for (const ch of 'äçňöşüýžÖŞÝ«»№') expect(tk, ch).toContain(ch);
    for (const ch of 'ёйщъыэюя«»№\u00A0') expect(ru, JSON.stringify(ch)).toContain(ch);
  });
});

describe('styles and page', () => {
  it('defines every paragraph, character and table style the parts use, with the right type', () => {
    for (const { doc } of cases) {
      const styles = styleMap(doc);
      for (const part of W_PARTS(doc)) {
        const root = doc.xml(part);
        for (const [el, type] of [
          ['w:pStyle', 'paragraph'],
          ['w:rStyle', 'character'],
          ['w:tblStyle', 'table'],
        ] as const) {
          for (const ref of findAll(root, el)) {
            const id = ref.attrs['w:val'] ?? '';
            expect(styles.get(id)?.attrs['w:type'], `${part}: ${el} ${id}`).toBe(type);
          }
        }
      }
    }
  });

  it('has the named Word styles of the shared style sheet', () => {
    const styles = styleMap(get('tk').doc);
    for (const id of ['Normal', 'Title', 'Subtitle', 'Heading1', 'Heading2', 'Heading3', 'TertipBody', 'TertipClause', 'TertipItem', 'TertipContinuation', 'Caption', 'FootnoteText', 'TertipTableText', 'TertipTableHeader', 'TertipApproval', 'TertipDraftMark', 'TOCHeading', 'TOC1', 'TOC2', 'Header', 'Footer', 'TertipTable']) {
      expect(styles.has(id), id).toBe(true);
    }
    const name = (id: string): string | undefined => val(styles.get(id), 'w:name');
    expect(name('Heading1')).toBe('heading 1');
    expect(name('FootnoteText')).toBe('footnote text');
  });

  it('gives paragraphs styles, not direct fonts or sizes', () => {
    const body = get('tk').doc.xml('word/document.xml');
    for (const p of findAll(body, 'w:p')) {
      const pPr = child(p, 'w:pPr');
      expect(pPr && child(pPr, 'w:pStyle'), paragraphText(p).slice(0, 40)).toBeTruthy();
    }
    expect(findAll(body, 'w:rFonts')).toHaveLength(0);
    expect(findAll(body, 'w:sz')).toHaveLength(0);
  });

  it('sets Times New Roman, the body size, spacing and the 1.25 cm first-line indent', () => {
    const doc = get('tk').doc;
    const styles = styleMap(doc);
    const defaults = find(doc.xml('word/styles.xml'), 'w:rPrDefault');
    expect(find(defaults!, 'w:rFonts')?.attrs['w:ascii']).toBe('Times New Roman');
    expect(find(defaults!, 'w:rFonts')?.attrs['w:hAnsi']).toBe('Times New Roman');
    expect(val(defaults, 'w:sz')).toBe('28');
    const body = styles.get('TertipBody')!;
    expect(val(body, 'w:sz')).toBe('28');
    expect(find(body, 'w:ind')?.attrs['w:firstLine']).toBe(String(mmTwips(12.5)));
    expect(val(body, 'w:jc')).toBe('both');
    expect(find(body, 'w:spacing')?.attrs['w:line']).toBe('276');
    const h1 = styles.get('Heading1')!;
    expect(find(h1, 'w:b')).toBeTruthy();
    expect(val(h1, 'w:jc')).toBe('center');
    expect(val(h1, 'w:outlineLvl')).toBe('0');
    expect(val(styles.get('Heading3'), 'w:outlineLvl')).toBe('2');
    expect(val(styles.get('TertipTableText'), 'w:sz')).toBe('22');
    expect(find(styles.get('TertipApproval')!, 'w:ind')?.attrs['w:left']).toBe(String(mmTwips(95)));
  });

  it('sets w:lang to the document language in the defaults and in every style of ours; no style sets another', () => {
    const ours = /^(Normal|Title|Subtitle|Caption|FootnoteText|Heading[1-3]|TOC[1-3]|TOCHeading|Header|Footer|Tertip\w+)$/;
    for (const [name, lang] of [
      ['tk', 'tk-TM'],
      ['ru', 'ru-RU'],
    ] as const) {
      const doc = get(name).doc;
      expect(val(find(doc.xml('word/styles.xml'), 'w:rPrDefault'), 'w:lang')).toBe(lang);
      for (const style of styleMap(doc).values()) {
        const id = style.attrs['w:styleId'] ?? '';
        if (style.attrs['w:type'] !== 'paragraph') continue;
        if (ours.test(id)) expect(val(style, 'w:lang'), `${name} ${id}`).toBe(lang);
        else expect(val(style, 'w:lang'), `${name} ${id} inherits the defaults`).toBeUndefined();
      }
    }
  });

  it('lays out A4 with the model margins, a different first page and running header/footer', () => {
    const { doc, model } = get('tk');
    const sect = find(doc.xml('word/document.xml'), 'w:sectPr')!;
    expect(find(sect, 'w:pgSz')?.attrs).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    const m = model.page.margins;
    expect(find(sect, 'w:pgMar')?.attrs).toMatchObject({ 'w:top': String(mmTwips(m.top)), 'w:right': String(mmTwips(m.right)), 'w:bottom': String(mmTwips(m.bottom)), 'w:left': String(mmTwips(m.left)) });
    expect(find(sect, 'w:titlePg')).toBeTruthy();
    const refs = (el: string): string[] => findAll(sect, el).map((r) => r.attrs['w:type'] ?? '').sort();
    expect(refs('w:headerReference')).toEqual(['default', 'first']);
    expect(refs('w:footerReference')).toEqual(['default', 'first']);
  });
});

describe('numbering', () => {
  it('makes Word compute exactly the model labels (replayed from numbering.xml and numPr)', () => {
    for (const { name, model, doc } of cases) {
      const labels = expectedNumberLabels(model);
      expect(labels.length, name).toBeGreaterThan(5);
      expect(replayWordNumbering(doc), name).toEqual(labels);
    }
  });

  it('numbers clauses at three depths, roman chapters and points that run on across chapters', () => {
    const tk = replayWordNumbering(get('tk').doc);
    expect(tk).toEqual(expect.arrayContaining(['1.', '1.4.', '1.4.2.', '1.4.2.1.', '5.3.2.3.']));
    const act = replayWordNumbering(get('act').doc);
    expect(act.slice(0, 6)).toEqual(['I bap.', '1.', '2.', '1)', '2)', '3)']);
    expect(act).toContain('III bap.');
    expect(act[act.length - 1]).toBe('6.');
  });

  it('refers only to defined lists, one abstract definition each, with the model level texts and indents', () => {
    const doc = get('tk').doc;
    const numbering = doc.xml('word/numbering.xml');
    const defined = new Set(findAll(numbering, 'w:num').map((n) => n.attrs['w:numId']));
    for (const part of W_PARTS(doc)) {
      for (const id of findAll(doc.xml(part), 'w:numId')) expect(defined.has(id.attrs['w:val']), `${part} numId ${id.attrs['w:val']}`).toBe(true);
    }
    const texts = findAll(numbering, 'w:lvlText').map((t) => t.attrs['w:val']);
    expect(texts).toEqual(expect.arrayContaining(['%1.', '%1.%2.', '%1.%2.%3.', '%1.%2.%3.%4.']));
    const level1 = findAll(numbering, 'w:lvl').find((l) => val(l, 'w:lvlText') === '%1.%2.')!;
    expect(val(level1, 'w:suff')).toBe('tab');
    expect(find(level1, 'w:ind')?.attrs['w:hanging']).toBe(String(Math.round(SPEC_NUMBERING[0]!.levels[1]!.indent.hanging * 20)));
  });

  it('writes lettered items as a literal label, a tab and a hanging indent, without Word numbering', () => {
    const { doc, model } = get('tk');
    const items = findAll(doc.xml('word/document.xml'), 'w:p').filter((p) => val(child(p, 'w:pPr'), 'w:pStyle') === 'TertipItem');
    const modelItems = [...model.body].filter((b) => b.type === 'paragraph' && b.style === 'item');
    expect(items).toHaveLength(modelItems.length);
    expect(items.map((p) => paragraphText(p).split('\t')[0])).toEqual(modelItems.map((b) => (b.type === 'paragraph' ? b.label : '')));
    expect(items.map((p) => paragraphText(p).split('\t')[0]).slice(0, 4)).toEqual(['a)', 'b)', 'ç)', 'd)']);
    // Each item's label hangs at the text of its clause (numbering level 1 here), one depth step wide.
    const clauseText = Math.round(SPEC_NUMBERING[0]!.levels[1]!.indent.left * 20);
    for (const p of items) {
      expect(find(p, 'w:numPr')).toBeUndefined();
      const ind = find(child(p, 'w:pPr')!, 'w:ind')!;
      expect(ind.attrs['w:hanging']).toBe(String(mmTwips(DEPTH_INDENT_MM)));
      expect(ind.attrs['w:left']).toBe(String(clauseText + mmTwips(DEPTH_INDENT_MM)));
    }
    const ru = findAll(get('ru').doc.xml('word/document.xml'), 'w:p').filter((p) => val(child(p, 'w:pPr'), 'w:pStyle') === 'TertipItem');
    expect(ru.map((p) => paragraphText(p).split('\t')[0]).slice(0, 4)).toEqual(['а)', 'б)', 'в)', 'г)']);
  });
});

describe('text', () => {
  it('shows every paragraph of the model letter for letter, in order', () => {
    for (const { name, model, doc } of cases) {
      const actual = findAll(doc.xml('word/document.xml'), 'w:p').map(paragraphText);
      expect(actual, name).toEqual(expectedParagraphTexts(model));
    }
  });

  it('keeps the run formatting: bold, italic, code without proofing, line breaks', () => {
    const body = get('tk').doc.xml('word/document.xml');
    const runs = findAll(body, 'w:r');
    const formatted = (el: string): string[] => runs.filter((r) => child(r, 'w:rPr') && find(child(r, 'w:rPr')!, el)).map((r) => textOf(r));
    expect(formatted('w:b')).toContain('bäş iş gününiň');
    expect(formatted('w:i')).toContain('öýde durmuş hyzmaty');
    expect(formatted('w:noProof')).toContain('HS-001-M');
    const approval = findAll(body, 'w:p')[0]!;
    expect(findAll(approval, 'w:br')).toHaveLength(4);
  });

  it('writes every footnote as a real w:footnote, referenced in order, a repeat by NOTEREF', () => {
    for (const { name, model, doc } of cases.filter((c) => c.model.footnotes.length > 0)) {
      const notes = findAll(doc.xml('word/footnotes.xml'), 'w:footnote');
      const own = notes.filter((n) => !n.attrs['w:type']);
      expect(own.map((n) => n.attrs['w:id']), name).toEqual(model.footnotes.map((_, i) => String(i + 1)));
      expect(own.map((n) => paragraphText(n)), name).toEqual(footnoteTexts(model).map((t) => ` ${t}`));
      for (const n of own) expect(find(n, 'w:footnoteRef')).toBeTruthy();
      for (const n of notes.filter((x) => x.attrs['w:type'])) expect(find(n, 'w:footnoteRef'), 'separator without a mark').toBeUndefined();
      const refs = findAll(doc.xml('word/document.xml'), 'w:footnoteReference').map((r) => r.attrs['w:id']);
      expect(refs, name).toEqual(['1', '2', '3', '4']);
      const noteLink = find(own[3]!, 'w:hyperlink')!;
      expect(doc.rels('word/footnotes.xml').get(noteLink.attrs['r:id'] ?? '')).toEqual({ type: expect.stringContaining('hyperlink'), target: 'https://www.stat.gov.tm/?a=1&b=2', mode: 'External' });
      const instr = findAll(doc.xml('word/document.xml'), 'w:instrText').map(textOf);
      expect(instr).toContain(' NOTEREF _TertipFootnote4 \\f \\h ');
      expect(findAll(doc.xml('word/document.xml'), 'w:bookmarkStart').map((b) => b.attrs['w:name'])).toContain('_TertipFootnote4');
    }
  });

  it('links cross-references to bookmarks that exist, and external links to their URL', () => {
    for (const { name, doc, model } of cases.filter((c) => c.name !== 'act')) {
      const body = doc.xml('word/document.xml');
      const bookmarks = new Set(findAll(body, 'w:bookmarkStart').map((b) => b.attrs['w:name']));
      const anchors = findAll(body, 'w:hyperlink').filter((h) => h.attrs['w:anchor'] !== undefined);
      expect(anchors.length, name).toBeGreaterThan(0);
      for (const h of anchors) expect(bookmarks.has(h.attrs['w:anchor']), `${name} → ${h.attrs['w:anchor']}`).toBe(true);
      const rels = doc.rels('word/document.xml');
      const external = findAll(body, 'w:hyperlink').filter((h) => h.attrs['r:id'] !== undefined);
      const hrefs = [...allRuns(model)].flatMap((r) => (r.kind === 'text' && r.href ? [r.href] : []));
      expect(external.map((h) => rels.get(h.attrs['r:id'] ?? '')?.target)).toEqual(hrefs);
      for (const h of external) expect(rels.get(h.attrs['r:id'] ?? '')?.mode).toBe('External');
    }
    const tk = get('tk').doc.xml('word/document.xml');
    const crossRef = findAll(tk, 'w:hyperlink').find((h) => textOf(h) === 'şu Standartyň 3.2-nji bendinde');
    expect(crossRef?.attrs['w:anchor']).toBe('c_3_2');
  });

  it('puts bookmarks around the anchored headings, clauses and table captions, with valid names', () => {
    const body = get('tk').doc.xml('word/document.xml');
    const starts = findAll(body, 'w:bookmarkStart');
    const ends = findAll(body, 'w:bookmarkEnd');
    expect(new Set(starts.map((s) => s.attrs['w:id'])).size).toBe(starts.length);
    expect(ends.map((e) => e.attrs['w:id']).sort()).toEqual(starts.map((s) => s.attrs['w:id']).sort());
    for (const s of starts) expect(s.attrs['w:name']).toMatch(/^[A-Za-z_][A-Za-z0-9_]{0,39}$/);
    const bookmarkedText = (name: string): string => paragraphText(findAll(body, 'w:p').find((p) => findAll(p, 'w:bookmarkStart').some((b) => b.attrs['w:name'] === name))!);
    expect(bookmarkedText('umumy')).toBe('Umumy düzgünler');
    expect(bookmarkedText('t_1')).toBe('Tablisa 1. Öýde berilýän durmuş hyzmatlarynyň sanawy');
    expect(bookmarkedText('yuz_dondermek')).toBe('Hyzmaty bermekden ýüz dönderilýän ýagdaýlar');
  });

  it('gives a figure and a clause whose long ids share the first 36 characters bookmarks of their own', async () => {
    // Word's bookmark names are cut to 40 characters: the two ids below would both become the same name.
    const stem = 'abcdefghij-abcdefghij-abcdefghij-abcd';
    const model = specModel('tk');
    model.body.push(
      { type: 'paragraph', style: 'body', runs: [{ kind: 'text', text: 'Bent.' }], anchor: `${stem}-clause` },
      { type: 'figure', image: { format: 'png', bytes: new Uint8Array(png(20, 10)), width: 20, height: 10 }, size: { width: 15, height: 7.5 }, alt: 'Shema', caption: [{ kind: 'text', text: '1-nji surat. Shema' }], anchor: `${stem}-figure` },
      { type: 'paragraph', style: 'body', runs: [{ kind: 'text', text: 'bende', anchor: `${stem}-clause` }, { kind: 'text', text: ' we ' }, { kind: 'text', text: 'surata', anchor: `${stem}-figure` }] },
    );
    const body = new Docx(await renderDocx(model)).xml('word/document.xml');
    const paragraphs = findAll(body, 'w:p');
    const bookmarkIn = (p: XNode | undefined): string | undefined => (p ? findAll(p, 'w:bookmarkStart')[0]?.attrs['w:name'] : undefined);
    const clause = bookmarkIn(paragraphs.find((p) => paragraphText(p) === 'Bent.'));
    const figure = bookmarkIn(paragraphs.find((p) => findAll(p, 'w:pStyle')[0]?.attrs['w:val'] === 'TertipFigure'));
    expect(clause).toBeDefined();
    expect(figure).toBeDefined();
    expect(figure).not.toBe(clause);
    const linkTo = (text: string): string | undefined => findAll(body, 'w:hyperlink').find((h) => textOf(h) === text)?.attrs['w:anchor'];
    expect(linkTo('bende')).toBe(clause);
    expect(linkTo('surata')).toBe(figure);
  });
});

function* allRuns(model: DocModel): Generator<import('../../../src/model/types.js').Run> {
  for (const b of [...model.front, ...model.body, ...model.annexes.flat()]) {
    if (b.type === 'paragraph' || b.type === 'heading') yield* b.runs;
    if (b.type === 'table') {
      yield* b.caption ?? [];
      for (const c of [...b.header, ...b.rows.flat()]) yield* c.runs;
    }
    if (b.type === 'signature') yield* [...b.left, ...b.right];
  }
}

describe('tables', () => {
  it('has a repeating header row, the table style, model column widths and a paragraph in every cell', () => {
    const { doc, model } = get('tk');
    const table = find(doc.xml('word/document.xml'), 'w:tbl')!;
    const modelTable = model.body.find((b) => b.type === 'table');
    if (modelTable?.type !== 'table') throw new Error('no table');
    expect(val(child(table, 'w:tblPr'), 'w:tblStyle')).toBe('TertipTable');
    const rows = table.children.filter((c) => c.name === 'w:tr');
    expect(rows).toHaveLength(1 + modelTable.rows.length);
    expect(modelTable.rows.length).toBeGreaterThanOrEqual(30);
    expect(find(rows[0]!, 'w:tblHeader')).toBeTruthy();
    expect(rows.slice(1).some((r) => find(r, 'w:tblHeader'))).toBe(false);
    const grid = findAll(table, 'w:gridCol').map((g) => Number(g.attrs['w:w']));
    const textWidth = mmTwips(210 - model.page.margins.left - model.page.margins.right);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(textWidth);
    const sum = modelTable.columns.reduce((a, c) => a + c.width, 0);
    modelTable.columns.forEach((c, i) => expect(Math.abs(grid[i]! - (c.width / sum) * textWidth)).toBeLessThanOrEqual(1 + (i === grid.length - 1 ? grid.length : 0)));
    const styles = rows.map((r) => find(r, 'w:pStyle')?.attrs['w:val']);
    expect(styles[0]).toBe('TertipTableHeader');
    expect(styles[1]).toBe('TertipTableText');
  });

  it('aligns body cells by their column and leaves header cells to the header style', () => {
    const tables = findAll(get('tk').doc.xml('word/document.xml'), 'w:tbl');
    const rows = tables[1]!.children.filter((c) => c.name === 'w:tr');
    const aligns = (row: XNode): Array<string | undefined> => findAll(row, 'w:tc').map((tc) => val(child(find(tc, 'w:p')!, 'w:pPr'), 'w:jc'));
    expect(aligns(rows[0]!)).toEqual([undefined, undefined, undefined, undefined]);
    expect(aligns(rows[1]!)).toEqual(['center', undefined, 'center', 'right']);
  });
});

describe('running header and footer', () => {
  function parts(doc: Docx): { header: Record<string, XNode>; footer: Record<string, XNode> } {
    const sect = find(doc.xml('word/document.xml'), 'w:sectPr')!;
    const rels = doc.rels('word/document.xml');
    const load = (el: string): Record<string, XNode> =>
      Object.fromEntries(findAll(sect, el).map((r) => [r.attrs['w:type'] ?? '', doc.xml(`word/${rels.get(r.attrs['r:id'] ?? '')?.target ?? ''}`)]));
    return { header: load('w:headerReference'), footer: load('w:footerReference') };
  }

  it('shows the running header from page 2 and the draft marking on every page', () => {
    const { doc, model } = get('tk');
    const { header } = parts(doc);
    expect(paragraphText(find(header.default!, 'w:p')!)).toBe(`${model.running.header}\t${model.running.draftMark}`);
    expect(paragraphText(find(header.first!, 'w:p')!)).toBe(`\t${model.running.draftMark}`);
    const mark = findAll(header.default!, 'w:r').find((r) => textOf(r) === 'TASLAMA')!;
    expect(val(child(mark, 'w:rPr'), 'w:rStyle')).toBe('TertipDraftMarkChar');
  });

  it('has no draft marking once the document is no longer a draft', () => {
    const { header } = parts(get('act').doc);
    expect(paragraphText(find(header.default!, 'w:p')!)).toBe(get('act').model.running.header);
    expect(paragraphText(find(header.first!, 'w:p')!)).toBe('');
  });

  it('shows "page X of Y" with PAGE and NUMPAGES fields in the footer of every page', () => {
    for (const [name, text] of [
      ['tk', 'Sahypa  / '],
      ['ru', 'Страница  из '],
    ] as const) {
      const { footer } = parts(get(name).doc);
      for (const f of [footer.default!, footer.first!]) {
        expect(findAll(f, 'w:instrText').map((i) => textOf(i).trim())).toEqual(['PAGE', 'NUMPAGES']);
        expect(paragraphText(find(f, 'w:p')!)).toBe(text);
        expect(findAll(f, 'w:fldChar').map((c) => c.attrs['w:fldCharType'])).toEqual(['begin', 'separate', 'end', 'begin', 'separate', 'end']);
      }
    }
  });
});

describe('table of contents', () => {
  it('is a TOC \\o "1-3" \\h field, marked for update, pre-filled with linked entries', () => {
    const { doc, model } = get('tk');
    const body = doc.xml('word/document.xml');
    const instr = findAll(body, 'w:instrText').map(textOf);
    expect(instr[0]).toContain('TOC \\o "1-3" \\h');
    const begin = findAll(body, 'w:fldChar')[0]!;
    expect(begin.attrs).toMatchObject({ 'w:fldCharType': 'begin', 'w:dirty': 'true' });
    const toc = model.front.find((b) => b.type === 'toc');
    if (toc?.type !== 'toc') throw new Error('no toc');
    const entries = findAll(body, 'w:p').filter((p) => /^TOC\d$/.test(val(child(p, 'w:pPr'), 'w:pStyle') ?? ''));
    expect(entries.map((p) => paragraphText(p))).toEqual(toc.entries.map((e) => `${e.text}\t`));
    expect(entries.map((p) => val(child(p, 'w:pPr'), 'w:pStyle'))).toEqual(toc.entries.map((e) => `TOC${e.level}`));
    const bookmarks = new Set(findAll(body, 'w:bookmarkStart').map((b) => b.attrs['w:name']));
    for (const p of entries) {
      const link = find(p, 'w:hyperlink')!;
      expect(bookmarks.has(link.attrs['w:anchor'])).toBe(true);
      expect(findAll(link, 'w:instrText').map(textOf)).toEqual([` PAGEREF ${link.attrs['w:anchor']} \\h `]);
    }
    expect(toc.entries.map((e) => e.text)).toContain('3. Hyzmata ýüz tutmak we ony bellemek');
    // The field's parts balance across the document.
    const types = findAll(body, 'w:fldChar').map((c) => c.attrs['w:fldCharType']);
    expect(types.filter((t) => t === 'begin').length).toBe(types.filter((t) => t === 'end').length);
  });
});

describe('core properties', () => {
  it('come from the model: title, subject, author, keywords, language, version, dates', () => {
    for (const { name, doc, model } of cases.slice(0, 2)) {
      const core = doc.xml('docProps/core.xml');
      const p = model.properties;
      const value = (el: string): string | undefined => {
        const n = find(core, el);
        return n ? textOf(n) : undefined;
      };
      expect(value('dc:title'), name).toBe(p.title);
      expect(value('dc:subject')).toBe(p.subject);
      expect(value('dc:creator')).toBe(p.author);
      expect(value('cp:keywords')).toBe(p.keywords.join('; '));
      expect(value('dc:language')).toBe(p.language);
      expect(value('cp:version')).toBe('1.2');
      expect(value('cp:lastModifiedBy')).toBe(p.author);
      expect(value('cp:contentStatus')).toBe('draft');
      expect(value('dcterms:created')).toBe('2026-04-15T09:30:00Z');
      expect(value('dcterms:modified')).toBe('2026-04-15T09:30:00Z');
    }
  });
});
