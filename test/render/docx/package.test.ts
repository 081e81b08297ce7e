/**
 * The package as a whole: well-formed parts, content types, relationships, structural lint
 * (what Word is strictest about, hardening.md §6.2), byte-identical output, and the defensive
 * checks on the model.
 */
import { describe, expect, it } from 'vitest';
import { InternalError } from '../../../src/core/errors.js';
import type { Block, DocModel, Run } from '../../../src/model/types.js';
import { renderDocx } from '../../../src/render/docx/index.js';
import { actModel, specModel } from './fixture.js';
import { child, Docx, find, findAll, paragraphText, parseXml, textOf } from './ooxml.js';
import { orderProblems } from './schema-order.js';

/** A model small enough to read in a test: given blocks, no numbering, no notes. */
function tiny(body: Block[], extra: Partial<DocModel> = {}): DocModel {
  return { ...specModel('tk'), front: [], body, annexes: [], numbering: [], footnotes: [], ...extra };
}

function para(runs: Run[], extra: Partial<Extract<Block, { type: 'paragraph' }>> = {}): Block {
  return { type: 'paragraph', style: 'body', runs, ...extra };
}

function lint(doc: Docx): string[] {
  const problems: string[] = [];
  const types = doc.xml('[Content_Types].xml');
  const overrides = new Set(findAll(types, 'Override').map((o) => o.attrs.PartName));
  const defaults = new Set(findAll(types, 'Default').map((d) => d.attrs.Extension?.toLowerCase()));
  const numIds = new Set(findAll(doc.xml('word/numbering.xml'), 'w:num').map((n) => n.attrs['w:numId']));
  for (const name of doc.names) {
    if (name.endsWith('/')) continue;
    const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    if (name !== '[Content_Types].xml' && !overrides.has(`/${name}`) && !defaults.has(ext)) problems.push(`${name}: no content type`);
    if (!/\.(xml|rels)$/.test(name)) continue;
    const root = doc.xml(name); // throws if ill-formed
    if (name.endsWith('.rels')) {
      for (const r of findAll(root, 'Relationship')) {
        if (r.attrs.TargetMode === 'External') continue;
        const base = name.replace(/_rels\/[^/]*\.rels$/, '');
        const target = (r.attrs.Target ?? '').startsWith('/') ? (r.attrs.Target ?? '').slice(1) : base + (r.attrs.Target ?? '');
        if (!doc.has(target)) problems.push(`${name}: ${r.attrs.Id} → missing ${target}`);
      }
      continue;
    }
    const rels = doc.rels(name);
    const walk = (n: typeof root): void => {
      for (const [key, value] of Object.entries(n.attrs)) if (key.startsWith('r:') && !rels.has(value)) problems.push(`${name}: ${key}=${value} does not resolve`);
      n.children.forEach(walk);
    };
    walk(root);
    for (const tc of findAll(root, 'w:tc')) if (!child(tc, 'w:p')) problems.push(`${name}: a w:tc without w:p`);
    for (const tbl of findAll(root, 'w:tbl')) {
      const cols = findAll(child(tbl, 'w:tblGrid') ?? tbl, 'w:gridCol').length;
      tbl.children.filter((c) => c.name === 'w:tr').forEach((tr, i) => {
        const cells = tr.children.filter((c) => c.name === 'w:tc').length;
        if (cells !== cols) problems.push(`${name}: row ${i} has ${cells} cells for ${cols} grid columns`);
      });
      if (!tbl.children.some((c) => c.name === 'w:tr')) problems.push(`${name}: a table without rows`);
    }
    if (name.startsWith('word/')) problems.push(...orderProblems(root, name));
    for (const id of findAll(root, 'w:numId')) {
      const v = id.attrs['w:val'] ?? '';
      if (!/^\d+$/.test(v) || !numIds.has(v)) problems.push(`${name}: numId ${v} is not defined`);
    }
  }
  return problems;
}

describe('package', () => {
  it('passes the structural lint for every sample', async () => {
    for (const model of [specModel('tk'), specModel('ru'), actModel()]) {
      expect(lint(new Docx(await renderDocx(model))), model.lang).toEqual([]);
    }
  });

  it('the lint itself catches properties out of schema order', () => {
    const root = parseXml('<w:p xmlns:w="w"><w:pPr><w:jc w:val="left"/><w:pStyle w:val="X"/></w:pPr></w:p>');
    expect(orderProblems(root, 'x')).toEqual(['x: w:pPr > w:pStyle comes after w:jc']);
  });

  it('zips [Content_Types].xml first, the other parts sorted, all dated properties.date', async () => {
    const bytes = await renderDocx(specModel('tk'));
    const doc = new Docx(bytes);
    expect(doc.names[0]).toBe('[Content_Types].xml');
    expect(doc.names.slice(1)).toEqual([...doc.names.slice(1)].sort());
    // Local file headers: signature PK\3\4, DOS time at 10, DOS date at 12.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let offset = 0;
    let entries = 0;
    while (view.getUint32(offset, true) === 0x04034b50) {
      const time = view.getUint16(offset + 10, true);
      const date = view.getUint16(offset + 12, true);
      expect([(date >> 9) + 1980, (date >> 5) & 15, date & 31, time >> 11, (time >> 5) & 63]).toEqual([2026, 4, 15, 9, 30]);
      offset += 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true) + view.getUint32(offset + 18, true);
      entries++;
    }
    expect(entries).toBe(doc.names.length);
  });

  it('is byte-identical for the same model, whatever was rendered in between, and leaves Math.random alone', async () => {
    const random = Math.random;
    const first = await renderDocx(specModel('tk'));
    await renderDocx(specModel('ru'));
    await renderDocx(actModel());
    const again = await renderDocx(specModel('tk'));
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    expect(Math.random).toBe(random);
    const ru1 = await renderDocx(specModel('ru'));
    const ru2 = await renderDocx(specModel('ru'));
    expect(Buffer.from(ru1).equals(Buffer.from(ru2))).toBe(true);
  });

  it('takes its dates from properties.date only', async () => {
    const model = specModel('tk');
    const other = await renderDocx({ ...model, properties: { ...model.properties, date: '2027-01-02T03:04:06Z' } });
    expect(find(new Docx(other).xml('docProps/core.xml'), 'dcterms:created')?.children[0]?.text).toBe('2027-01-02T03:04:06Z');
    await expect(renderDocx({ ...model, properties: { ...model.properties, date: 'yesterday' } })).rejects.toThrow(/not an ISO 8601 date/);
  });

  it('has an app.xml, a settings part and a header/footer pair with their relationships', async () => {
    const doc = new Docx(await renderDocx(specModel('tk')));
    for (const part of ['docProps/app.xml', 'word/settings.xml', 'word/styles.xml', 'word/numbering.xml', 'word/footnotes.xml', 'word/header1.xml', 'word/footer1.xml']) expect(doc.has(part), part).toBe(true);
  });
});

describe('defensive checks', () => {
  it('rejects XML-illegal characters anywhere in the model, naming where', async () => {
    for (const bad of ['\uFFFE', '\uFFFF', '\u0007', '\u0000', '\uD800x', 'x\uDC00']) {
      await expect(renderDocx(tiny([para([{ kind: 'text', text: `a${bad}b` }])]))).rejects.toThrow(InternalError);
    }
    const model = specModel('tk');
    await expect(renderDocx({ ...model, running: { ...model.running, header: 'x\uFFFF' } })).rejects.toThrow(/model\.running\.header/);
    await expect(renderDocx({ ...model, properties: { ...model.properties, title: '\u0001' } })).rejects.toThrow(/model\.properties\.title/);
  });

  it('keeps emoji (valid surrogate pairs), escapes markup characters and keeps tabs and line feeds as Word tabs and breaks', async () => {
    const doc = new Docx(await renderDocx(tiny([para([{ kind: 'text', text: 'a < b & "c" > d 😀\te\nf' }])])));
    const p = find(doc.xml('word/document.xml'), 'w:p')!;
    expect(paragraphText(p)).toBe('a < b & "c" > d 😀\te\nf');
    expect(doc.raw('word/document.xml')).toContain('a &lt; b &amp; &quot;c&quot; &gt; d 😀');
  });

  it('keeps an ampersand in a link target', async () => {
    const url = 'https://example.tm/a?b=1&c=2';
    const doc = new Docx(await renderDocx(tiny([para([{ kind: 'text', text: 'link', href: url }])])));
    expect([...doc.rels('word/document.xml').values()].map((r) => r.target)).toContain(url);
  });

  it('refuses numbering Word would count differently from the labels', async () => {
    const model = specModel('tk');
    const body = model.body.map((b) => (b.type === 'paragraph' && b.label === '2.2.' ? { ...b, label: '2.3.' } : b));
    await expect(renderDocx({ ...model, body })).rejects.toThrow(/Word would number .* "2\.2\." but its label is "2\.3\."/);
    const unknown = model.body.map((b) => (b.type === 'paragraph' && b.label === '2.2.' ? { ...b, numbering: { ref: 'nope', level: 1 } } : b));
    await expect(renderDocx({ ...model, body: unknown })).rejects.toThrow(/numbering "nope"/);
  });

  it('refuses footnotes referenced out of order or that do not exist', async () => {
    const note = (n: number): Run => ({ kind: 'footnote', number: n });
    const notes: Run[][] = [[{ kind: 'text', text: 'one' }], [{ kind: 'text', text: 'two' }]];
    await expect(renderDocx(tiny([para([note(2), note(1)])], { footnotes: notes }))).rejects.toThrow(/footnote 2 is referenced before footnote 1/);
    await expect(renderDocx(tiny([para([note(3)])], { footnotes: notes }))).rejects.toThrow(/footnote 3/);
  });

  it('pads a short table row with empty cells and refuses a row longer than the grid', async () => {
    const cell = (text: string) => ({ runs: [{ kind: 'text' as const, text }] });
    const table = (rows: ReturnType<typeof cell>[][]): Block => ({ type: 'table', columns: [{ width: 1 }, { width: 2 }], header: [cell('A'), cell('B')], rows });
    const doc = new Docx(await renderDocx(tiny([table([[cell('x')], []])])));
    const body = doc.xml('word/document.xml');
    expect(findAll(body, 'w:tr').map((tr) => findAll(tr, 'w:tc').length)).toEqual([2, 2, 2]);
    expect(findAll(body, 'w:tc').every((tc) => child(tc, 'w:p'))).toBe(true);
    // The document ends with a paragraph after the table.
    expect(child(find(body, 'w:body')!, 'w:p')).toBeTruthy();
    await expect(renderDocx(tiny([table([[cell('1'), cell('2'), cell('3')]])]))).rejects.toThrow(/3 cells for 2 columns/);
  });

  it('formats a paragraph directly only where the model overrides its style', async () => {
    const doc = new Docx(
      await renderDocx(
        tiny([
          para([{ kind: 'text', text: 'plain' }]),
          para([{ kind: 'text', text: 'centred' }], { align: 'center', keepWithNext: true }),
          para([{ kind: 'text', text: 'same as style' }], { align: 'justify', keepWithNext: false }),
          { type: 'heading', level: 2, runs: [{ kind: 'text', text: 'Not in the TOC' }], outline: false },
          { type: 'heading', level: 2, label: 'A.', runs: [{ kind: 'text', text: 'Literal label' }], outline: true },
        ]),
      ),
    );
    const [plain, centred, same, hidden, literal] = findAll(doc.xml('word/document.xml'), 'w:p').map((p) => child(p, 'w:pPr')!);
    expect(plain!.children.map((c) => c.name)).toEqual(['w:pStyle']);
    expect(find(centred!, 'w:jc')?.attrs['w:val']).toBe('center');
    expect(find(centred!, 'w:keepNext')).toBeTruthy();
    expect(same!.children.map((c) => c.name)).toEqual(['w:pStyle']);
    expect(find(hidden!, 'w:outlineLvl')?.attrs['w:val']).toBe('9');
    expect(find(literal!, 'w:outlineLvl')).toBeUndefined();
    expect(paragraphText(findAll(doc.xml('word/document.xml'), 'w:p')[4]!)).toBe('A. Literal label');
  });

  it('bookmarks a repeated anchor once', async () => {
    const doc = new Docx(await renderDocx(tiny([para([{ kind: 'text', text: 'a' }], { anchor: 'x' }), para([{ kind: 'text', text: 'b' }], { anchor: 'x' })])));
    expect(findAll(doc.xml('word/document.xml'), 'w:bookmarkStart').map((b) => b.attrs['w:name'])).toEqual(['x']);
  });

  it('renders an empty model as a valid document', async () => {
    const doc = new Docx(await renderDocx(tiny([])));
    expect(lint(doc)).toEqual([]);
    expect(findAll(doc.xml('word/document.xml'), 'w:p').length).toBeGreaterThan(0);
  });

  it('starts every annex on a new page and honours explicit page breaks and spacers', async () => {
    const { model, doc } = { model: specModel('tk'), doc: new Docx(await renderDocx(specModel('tk'))) };
    const paragraphs = findAll(doc.xml('word/document.xml'), 'w:p');
    const breakBefore = paragraphs.filter((p) => find(child(p, 'w:pPr') ?? p, 'w:pageBreakBefore')).map(paragraphText);
    // The TOC and the first section follow explicit page breaks; the annex starts a page itself.
    expect(breakBefore).toEqual(['Mazmuny', 'Umumy düzgünler', 'Öýde durmuş hyzmatlaryny bermegiň\nstandartyna 1-nji goşundy', 'Öýde durmuş hyzmatlaryny bermegiň\nstandartyna 2-nji goşundy']);
    const title = paragraphs.find((p) => paragraphText(p) === model.properties.title)!;
    // spacer of 96 pt + the Title style's 12 pt before
    expect(find(child(title, 'w:pPr')!, 'w:spacing')?.attrs['w:before']).toBe(String((96 + 12) * 20));
    expect(textOf(title)).toBe(model.properties.title);
  });
});

describe('column widths', () => {
  it('scale to the text width exactly, and fall back to equal columns for unusable weights', async () => {
    const { scaleWidths } = await import('../../../src/render/docx/blocks.js');
    expect(scaleWidths([1, 2, 1], 1000)).toEqual([250, 500, 250]);
    expect(scaleWidths([1, 1, 1], 1000)).toEqual([333, 333, 334]);
    expect(scaleWidths([1, 0, 1], 900)).toEqual([300, 300, 300]);
    expect(scaleWidths([Number.NaN, 2], 10)).toEqual([5, 5]);
  });
});
