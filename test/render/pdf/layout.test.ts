/**
 * The layout pieces on their own, with a fixed-pitch measure (every character 1 pt wide) so the
 * numbers are easy to follow: line breaking, justification, hyphenation, and the model checks.
 */
import { describe, expect, it } from 'vitest';
import type { Block, DocModel } from '../../../src/model/types.js';
import { hyphenatorFor } from '../../../src/render/pdf/hyphenate.js';
import { renderPdf } from '../../../src/render/pdf/index.js';
import { toWords, type Measure } from '../../../src/render/pdf/inline.js';
import { breakLines, type Line, type LineItem } from '../../../src/render/pdf/linebreak.js';
import { runs, TK_MODEL } from './fixture.js';

const measure: Measure = { width: (text) => [...text].length };
const style = { face: 'regular' as const, size: 10, allCaps: false };
let links = 0;
const counter = { next: () => ++links };

function lay(source: string, end: number, align: 'justify' | 'left' = 'justify', lang: 'tk' | 'ru' = 'tk'): Line[] {
  return breakLines(toWords(runs(source), style, measure, counter), { firstStart: 0, restStart: 0, end, align, hyphenate: hyphenatorFor(lang), measure });
}

/** A line as the text layer reads it (hidden whole words instead of their outlines). */
function read(line: Line): string {
  return line.items.map((item) => (item.kind === 'text' ? item.frag.text : item.kind === 'hidden' ? item.text : '')).join('');
}

/** A line as it is seen on the page. */
function seen(line: Line): string {
  return line.items.map((item) => (item.kind === 'hidden' ? '' : item.frag.text)).join('');
}

function right(item: LineItem): number {
  return item.x + (item.kind === 'hidden' ? item.width : item.frag.width);
}

describe('hyphenation patterns', () => {
  it('finds Turkmen and Russian break points, keeping two letters before and three after', () => {
    const tk = hyphenatorFor('tk');
    expect(tk('hyzmatlary')).toEqual([3, 6]);
    expect(tk('Türkmenistanyň')).toEqual([4, 6, 9, 11]);
    expect(hyphenatorFor('ru')('обслуживания')).toContain(2);
    for (const point of tk('ýerine-ýetirilişine')) {
      expect(point).toBeGreaterThanOrEqual(2);
      expect('ýerine-ýetirilişine'.length - point).toBeGreaterThanOrEqual(3);
    }
    // After a hard hyphen.
    expect(tk('sosial-ykdysady')).toContain(7);
  });
});

describe('line breaking', () => {
  it('justifies every line but the last to the exact width, stretching only the spaces', () => {
    const lines = lay('bir iki üç dört bäş alty ýedi sekiz dokuz on', 20);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines.slice(0, -1)) {
      expect(right(line.items[line.items.length - 1] as LineItem)).toBeCloseTo(20, 5);
      // Words keep their natural width; spaces are real items in the text.
      expect(read(line)).toMatch(/^\S+( \S+)*$/);
    }
    const last = lines[lines.length - 1] as Line;
    expect(right(last.items[last.items.length - 1] as LineItem)).toBeLessThan(20);
  });

  it('keeps the space between differently styled runs as a glyph of its own', () => {
    const words = toWords([{ kind: 'text', text: 'häkimlik ', bold: true }, { kind: 'text', text: 'ýazmaça ', italic: true }, { kind: 'text', text: 'hasabat' }], style, measure, counter);
    const [line] = breakLines(words, { firstStart: 0, restStart: 0, end: 100, align: 'justify', hyphenate: hyphenatorFor('tk'), measure });
    expect(read(line as Line)).toBe('häkimlik ýazmaça hasabat');
    const spaces = (line as Line).items.filter((item) => item.kind === 'text' && item.frag.text === ' ');
    expect(spaces.map((item) => (item.kind === 'text' ? item.frag.face : ''))).toEqual(['bold', 'italic']);
  });

  it('hyphenates a word that leaves the line loose; the text layer still reads it whole', () => {
    // "Şu hyzmatlary" does not fit in 10: without hyphenation the first line would be "Şu" alone.
    const lines = lay('Şu hyzmatlary berýär', 12);
    expect(seen(lines[0] as Line)).toBe('Şu hyzmat-');
    expect(read(lines[0] as Line)).toBe('Şu hyzmatlary');
    expect(seen(lines[1] as Line)).toBe('lary berýär');
    // The second part is drawn, not written: the text layer continues with the next word.
    expect(read(lines[1] as Line)).toBe(' berýär');
  });

  it('does not hyphenate when the line is only slightly loose, nor the last word of a paragraph', () => {
    expect(lay('aaaa bbbb cccc hyzmatlary dddd', 15).map(seen)).toEqual(['aaaa bbbb cccc', 'hyzmatlary dddd']);
    const tight = lay('aaaaaaaaaa bb hyzmatlary', 13);
    expect(tight.map(seen)).toEqual(['aaaaaaaaaa bb', 'hyzmatlary']);
  });

  it('splits a word longer than the line, at a hyphenation point if one fits', () => {
    const lines = lay('hyzmatlarynyňkä', 8, 'left');
    expect(lines.map(seen).every((text) => text.length <= 8)).toBe(true);
    expect(lines.map(read).join('')).toBe('hyzmatlarynyňkä');
  });

  it('breaks the line at a break run', () => {
    const lines = breakLines(toWords([{ kind: 'text', text: 'bir' }, { kind: 'break' }, { kind: 'text', text: 'iki' }], style, measure, counter), {
      firstStart: 0,
      restStart: 0,
      end: 100,
      align: 'justify',
      hyphenate: hyphenatorFor('tk'),
      measure,
    });
    expect(lines.map(read)).toEqual(['bir', 'iki']);
  });
});

describe('model consistency', () => {
  const mini = (body: Block[], extra: Partial<DocModel> = {}): DocModel => ({ ...TK_MODEL, front: [], body, annexes: [], footnotes: [], ...extra });

  it('rejects a link to an anchor that is not in the document', async () => {
    await expect(renderPdf(mini([{ type: 'paragraph', style: 'body', runs: runs('Seret [3.2. bende](#missing)') }]))).rejects.toThrow(/"missing"/);
  });

  it('rejects a TOC entry whose heading is missing', async () => {
    await expect(renderPdf(mini([{ type: 'toc', title: 'Mazmuny', entries: [{ level: 1, text: 'Yok', anchor: 'nowhere' }] }]))).rejects.toThrow(/"nowhere"/);
  });

  it('rejects footnote references without notes and notes without references', async () => {
    await expect(renderPdf(mini([{ type: 'paragraph', style: 'body', runs: runs('Tekst^2') }], { footnotes: [runs('Bir')] }))).rejects.toThrow(/footnote reference 2/);
    await expect(renderPdf(mini([{ type: 'paragraph', style: 'body', runs: runs('Tekst') }], { footnotes: [runs('Bir')] }))).rejects.toThrow(/footnote 1 is never referenced/);
  });

  it('rejects a document date that is not ISO 8601', async () => {
    await expect(renderPdf(mini([], { properties: { ...TK_MODEL.properties, date: 'yesterday' } }))).rejects.toThrow(/not an ISO 8601 date/);
  });
});
