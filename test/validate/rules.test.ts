/**
 * One fixture per rule: the valid document with one change, and the diagnostic that change must
 * cause — rule id, severity, file, line and column.
 */
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import type { RuleId } from '../../src/core/rules.js';
import { body, colOf, frontMatter, lineOf, spec, validDocument } from '../helpers/fixtures.js';
import { deflateSync } from 'node:zlib';
import { pngChunk } from '../../src/core/png.js';
import { jpegHead, png } from '../helpers/png.js';
import { makeProject, validate } from '../helpers/project.js';

const TK = 'specs/services/demo/tk.md';
const RU = 'specs/services/demo/ru.md';

interface Expect {
  rule: RuleId;
  severity: 'error' | 'warning';
  file: string;
  line: number;
  column: number;
}

async function diagnosticsOf(files: Record<string, string | Uint8Array>): Promise<Diagnostic[]> {
  return (await validate(makeProject(files))).diagnostics;
}

function pick(list: Diagnostic[], rule: RuleId): Array<Pick<Diagnostic, 'rule' | 'severity' | 'file' | 'line' | 'column'>> {
  return list.filter((d) => d.rule === rule).map(({ rule: r, severity, file, line, column }) => ({ rule: r, severity, file, line, column }));
}

/** Asserts that `files` yields exactly the expected diagnostics of that rule (and, with `only`, nothing else). */
async function expectRule(files: Record<string, string | Uint8Array>, expected: Expect[], only = true): Promise<Diagnostic[]> {
  const list = await diagnosticsOf(files);
  const rule = expected[0]?.rule as RuleId;
  expect(pick(list, rule)).toEqual(expected);
  if (only) expect(list.filter((d) => d.rule !== rule)).toEqual([]);
  return list;
}

/** `markdown` as paragraphs of its own at the end of the "pathway" section. */
function figureIn(text: string, markdown: string): string {
  const at = text.indexOf('\n## ', text.indexOf('{#pathway}'));
  return `${text.slice(0, at)}\n\n${markdown}\n${text.slice(at)}`;
}

function withTk(text: string): Record<string, string | Uint8Array> {
  return { ...validDocument(), [TK]: text };
}

function withBoth(fn: (text: string, lang: 'tk' | 'ru') => string): Record<string, string> {
  return { [TK]: fn(spec('tk'), 'tk'), [RU]: fn(spec('ru'), 'ru') };
}

describe('files', () => {
  it('file-too-large: over 1 MiB', async () => {
    await expectRule(withTk(spec('tk') + `\n${'Tekst. '.repeat(160_000)}\n`), [{ rule: 'file-too-large', severity: 'error', file: TK, line: 1, column: 1 }], false);
  });

  it('file-encoding: Windows-1251 bytes point at the first bad byte', async () => {
    const good = spec('tk');
    const bad = Buffer.concat([Buffer.from(good.slice(0, good.indexOf('## Umumy'))), Buffer.from('## '), Buffer.from([0xcf, 0xf0, 0xe8]), Buffer.from('\n')]);
    const line = lineOf(good, '## Umumy');
    await expectRule(withTk(bad), [{ rule: 'file-encoding', severity: 'error', file: TK, line, column: 4 }], false);
  });

  it('file-control-char: a NUL byte is reported where it is', async () => {
    const text = spec('tk').replace('Ikinji bent', 'Ikinji\u0000bent');
    await expectRule(withTk(text), [{ rule: 'file-control-char', severity: 'error', file: TK, line: lineOf(text, 'Ikinji'), column: colOf(text, '\u0000') }]);
  });

  it('file-control-char: an escaped control character in a YAML string', async () => {
    const text = spec('tk').replace('title: "Synag', 'title: "\\0Synag');
    await expectRule(withTk(text), [{ rule: 'file-control-char', severity: 'error', file: TK, line: 5, column: 8 }], false);
  });

  it('file-empty: an empty file', async () => {
    await expectRule(withTk(''), [{ rule: 'file-empty', severity: 'error', file: TK, line: 1, column: 1 }], false);
  });

  it('file-symlink: a link under specs/ is reported, not followed', async () => {
    const root = makeProject(validDocument());
    symlinkSync('/etc/passwd', join(root, 'specs/services/demo/notes.md'));
    const list = (await validate(root)).diagnostics;
    expect(pick(list, 'file-symlink')).toEqual([{ rule: 'file-symlink', severity: 'error', file: 'specs/services/demo/notes.md', line: 1, column: 1 }]);
  });

  it('file-unexpected: a non-Markdown file is ignored with a warning', async () => {
    await expectRule({ ...validDocument(), 'specs/services/demo/notes.txt': 'x' }, [{ rule: 'file-unexpected', severity: 'warning', file: 'specs/services/demo/notes.txt', line: 1, column: 1 }]);
  });

  it('file-location: a Markdown file in the wrong place', async () => {
    await expectRule({ ...validDocument(), 'specs/services/demo/en.md': spec('tk'), 'specs/notes.md': '# x' }, [
      { rule: 'file-location', severity: 'error', file: 'specs/notes.md', line: 1, column: 1 },
      { rule: 'file-location', severity: 'error', file: 'specs/services/demo/en.md', line: 1, column: 1 },
    ]);
  });

  it('a BOM and CRLF line ends are accepted and positions still match', async () => {
    const text = `\uFEFF${spec('tk').replace(/\n/g, '\r\n')}`.replace('status: draft', 'status: drafty');
    await expectRule(withTk(text), [{ rule: 'fm-schema', severity: 'error', file: TK, line: 7, column: 9 }], false);
  });
});

describe('text', () => {
  it('text-nfc: a decomposed letter', async () => {
    const text = spec('tk').replace('Ikinji bent', 'Ikinji ben\u0303t');
    const list = await expectRule(withTk(text), [{ rule: 'text-nfc', severity: 'warning', file: TK, line: lineOf(text, 'Ikinji'), column: colOf(text, 'ben') + 2 }], false);
    expect(list.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('text-script: a Cyrillic look-alike inside a Turkmen word', async () => {
    const text = spec('tk').replace('Ikinji bent', 'Ikinji bеnt');
    await expectRule(withTk(text), [{ rule: 'text-script', severity: 'warning', file: TK, line: lineOf(text, 'Ikinji'), column: colOf(text, 'bеnt') }]);
  });

  it('tk-ordinal: a Turkmen ordinal against vowel harmony, at its column, with the right form', async () => {
    const text = spec('tk').replace('Ikinji bent', 'Ikinji bent 6-nji maddada, 2021-nji ýylda, 2.9-nji bentde, 10 000-nji we 96-njy');
    const list = await expectRule(withTk(text), [
      { rule: 'tk-ordinal', severity: 'warning', file: TK, line: lineOf(text, 'Ikinji'), column: colOf(text, '6-nji') },
      { rule: 'tk-ordinal', severity: 'warning', file: TK, line: lineOf(text, 'Ikinji'), column: colOf(text, '2.9-nji') },
    ], false);
    expect(list.filter((d) => d.rule === 'tk-ordinal').map((d) => d.message)).toEqual([
      '"6-nji" should be "6-njy": the suffix follows the vowel of the last word spoken (alty → -njy).',
      '"2.9-nji" should be "2.9-njy": the suffix follows the vowel of the last word spoken (dokuz → -njy).',
    ]);
  });

  it('text-legacy-letter: ñ from the 1993 alphabet', async () => {
    const text = spec('tk').replace('Ikinji bent', 'Ikinji beñt');
    await expectRule(withTk(text), [{ rule: 'text-legacy-letter', severity: 'warning', file: TK, line: lineOf(text, 'Ikinji'), column: colOf(text, 'beñt') }]);
  });
});

describe('front matter', () => {
  it('fm-missing: no front matter', async () => {
    await expectRule(withTk(body('tk')), [{ rule: 'fm-missing', severity: 'error', file: TK, line: 1, column: 1 }], false);
  });

  it('fm-unclosed: no closing line', async () => {
    await expectRule(withTk(frontMatter('tk').replace(/---\n$/, '')), [{ rule: 'fm-unclosed', severity: 'error', file: TK, line: 1, column: 1 }], false);
  });

  for (const tag of ['js', 'javascript', 'JS', ' coffee', 'toString']) {
    it(`fm-language: "---${tag}" is refused and never evaluated`, async () => {
      (globalThis as { tertipPwned?: boolean }).tertipPwned = false;
      const text = `---${tag}\n{ title: (globalThis.tertipPwned = true) }\n---\n`;
      await expectRule(withTk(text), [{ rule: 'fm-language', severity: 'error', file: TK, line: 1, column: 4 }], false);
      expect((globalThis as { tertipPwned?: boolean }).tertipPwned).toBe(false);
    });
  }

  it('fm-too-large: front matter over 256 KiB', async () => {
    const text = spec('tk').replace('version:', `keywords: ["${'a'.repeat(270_000)}"]\nversion:`);
    await expectRule(withTk(text), [{ rule: 'fm-too-large', severity: 'error', file: TK, line: 1, column: 1 }], false);
  });

  it('fm-syntax: a duplicated key', async () => {
    const text = spec('tk').replace('status: draft', 'status: draft\nstatus: review');
    await expectRule(withTk(text), [{ rule: 'fm-syntax', severity: 'error', file: TK, line: 8, column: 1 }], false);
  });

  it('fm-syntax: a tab used for indentation', async () => {
    const text = spec('tk').replace('  created:', '\tcreated:');
    const list = await diagnosticsOf(withTk(text));
    expect(pick(list, 'fm-syntax')[0]).toMatchObject({ rule: 'fm-syntax', severity: 'error', file: TK, line: 9 });
  });

  it('fm-syntax: lists nested too deep are refused before parsing', async () => {
    const text = spec('tk').replace('version:', `keywords: ${'['.repeat(200)}${']'.repeat(200)}\nversion:`);
    await expectRule(withTk(text), [{ rule: 'fm-syntax', severity: 'error', file: TK, line: 6, column: 75 }], false);
  });

  it('fm-yaml-feature: anchors, aliases, tags and merge keys', async () => {
    const text = spec('tk').replace('owner:\n', 'x: &a { b: 1 }\ny: *a\nz: !!str 3\nw: { <<: { c: 1 } }\nowner:\n');
    const list = await diagnosticsOf(withTk(text));
    expect(pick(list, 'fm-yaml-feature')).toEqual([
      { rule: 'fm-yaml-feature', severity: 'error', file: TK, line: 11, column: 4 },
      { rule: 'fm-yaml-feature', severity: 'error', file: TK, line: 12, column: 4 },
      { rule: 'fm-yaml-feature', severity: 'error', file: TK, line: 13, column: 4 },
      { rule: 'fm-yaml-feature', severity: 'error', file: TK, line: 14, column: 6 },
    ]);
  });

  it('fm-yaml-feature: a billion-laughs bomb is refused quickly', async () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const text = `---\n${lines.join('\n')}\n---\n\n## X {#general}\n`;
    const t0 = Date.now();
    const list = await diagnosticsOf(withTk(text));
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(pick(list, 'fm-yaml-feature').length).toBeGreaterThan(0);
  });

  it('fm-schema: a value outside its enumeration, with a suggestion', async () => {
    const text = spec('tk').replace('status: draft', 'status: drafts');
    const list = await expectRule(withTk(text), [{ rule: 'fm-schema', severity: 'error', file: TK, line: 7, column: 9 }], false);
    expect(list.find((d) => d.rule === 'fm-schema')?.message).toContain('Did you mean "draft"?');
  });

  it('fm-schema: an unquoted version that YAML reads as a number', async () => {
    const text = spec('tk').replace('version: "0.1.0"', 'version: 1.10');
    const list = await expectRule(withTk(text), [{ rule: 'fm-schema', severity: 'error', file: TK, line: 6, column: 10 }], false);
    expect(list.find((d) => d.rule === 'fm-schema')?.message).toMatch(/quotes/);
  });

  it('fm-schema: an impossible calendar date', async () => {
    const text = spec('tk').replace('created: "2026-10-01"', 'created: "2026-02-30"');
    await expectRule(withTk(text), [{ rule: 'fm-schema', severity: 'error', file: TK, line: 9, column: 12 }], false);
  });

  it('fm-required: a missing top-level field points at the closing line', async () => {
    const text = spec('tk').replace(/basis: \{ figures[^\n]*\n/, '');
    const end = lineOf(text, 'perCapitaNorm') + 1;
    await expectRule(withTk(text), [{ rule: 'fm-required', severity: 'error', file: TK, line: end, column: 1 }], false);
  });

  it('fm-required: a missing nested field points at its parent key', async () => {
    const text = spec('tk').replace('  updated: "2026-11-01"\n', '');
    await expectRule(withTk(text), [{ rule: 'fm-required', severity: 'error', file: TK, line: 8, column: 1 }], false);
  });

  it('fm-unknown-field: an unknown key, with a suggestion', async () => {
    const text = spec('tk').replace('targetGroups:', 'targetGroup:');
    const list = await diagnosticsOf(withTk(text));
    expect(pick(list, 'fm-unknown-field')).toEqual([{ rule: 'fm-unknown-field', severity: 'error', file: TK, line: lineOf(text, 'targetGroup:'), column: 1 }]);
    expect(list.find((d) => d.rule === 'fm-unknown-field')?.message).toContain('Did you mean "targetGroups"?');
  });

  it('fm-kind-unknown: an unknown kind', async () => {
    const text = spec('tk').replace('kind: service-specification', 'kind: service-spec');
    await expectRule(withTk(text), [{ rule: 'fm-kind-unknown', severity: 'error', file: TK, line: 3, column: 7 }], false);
  });

  it('fm-kind-collection: a kind filed in the wrong collection', async () => {
    const files = { 'specs/sops/demo/tk.md': spec('tk'), 'specs/sops/demo/ru.md': spec('ru') };
    const list = await diagnosticsOf(files);
    expect(pick(list, 'fm-kind-collection')).toEqual([
      { rule: 'fm-kind-collection', severity: 'error', file: 'specs/sops/demo/ru.md', line: 3, column: 7 },
      { rule: 'fm-kind-collection', severity: 'error', file: 'specs/sops/demo/tk.md', line: 3, column: 7 },
    ]);
  });

  it('fm-id-folder: the id differs from the folder', async () => {
    await expectRule(withBoth((t) => t.replace('id: demo', 'id: demo-two')), [
      { rule: 'fm-id-folder', severity: 'error', file: RU, line: 2, column: 5 },
      { rule: 'fm-id-folder', severity: 'error', file: TK, line: 2, column: 5 },
    ]);
  });

  it('fm-lang-file: the lang differs from the file name', async () => {
    await expectRule(withTk(spec('tk').replace('lang: tk', 'lang: ru')), [{ rule: 'fm-lang-file', severity: 'error', file: TK, line: 4, column: 7 }]);
  });

  it('fm-duplicate-item: two items with the same id', async () => {
    const f = withBoth((t, l) => t.replace('goals:\n', `goals:\n  - { id: G1, text: "${l === 'tk' ? 'Başga' : 'Другая'}" }\n`));
    const line = lineOf(f[TK] as string, 'goals:') + 2;
    await expectRule(f, [
      { rule: 'fm-duplicate-item', severity: 'error', file: RU, line, column: 11 },
      { rule: 'fm-duplicate-item', severity: 'error', file: TK, line, column: 11 },
    ]);
  });

  it('fm-dangling-ref: a result tied to a goal that does not exist', async () => {
    const f = withBoth((t) => t.replace('goal: G1', 'goal: G9'));
    const text = f[TK] as string;
    await expectRule(f, [
      { rule: 'fm-dangling-ref', severity: 'error', file: RU, line: lineOf(text, 'goal: G9'), column: colOf(text, 'G9') },
      { rule: 'fm-dangling-ref', severity: 'error', file: TK, line: lineOf(text, 'goal: G9'), column: colOf(text, 'G9') },
    ]);
  });

  it('fm-date-order: updated before created', async () => {
    await expectRule(withBoth((t) => t.replace('updated: "2026-11-01"', 'updated: "2026-01-01"')), [
      { rule: 'fm-date-order', severity: 'error', file: RU, line: 10, column: 12 },
      { rule: 'fm-date-order', severity: 'error', file: TK, line: 10, column: 12 },
    ]);
  });

  it('fm-status: an approved document without the order number and date', async () => {
    const list = await diagnosticsOf(withBoth((t) => t.replace('status: draft', 'status: approved')));
    expect(pick(list, 'fm-status').filter((d) => d.file === TK)).toEqual([
      { rule: 'fm-status', severity: 'error', file: TK, line: 17, column: 11 },
      { rule: 'fm-status', severity: 'error', file: TK, line: 18, column: 9 },
    ]);
  });
});

describe('documents', () => {
  it('doc-duplicate-id: the same id in two collections', async () => {
    const list = await diagnosticsOf({ ...validDocument(), 'specs/acts/demo/tk.md': spec('tk') });
    expect(pick(list, 'doc-duplicate-id')).toEqual([{ rule: 'doc-duplicate-id', severity: 'error', file: TK, line: 2, column: 5 }]);
  });

  it('doc-missing-lang: a warning while draft', async () => {
    await expectRule({ [TK]: spec('tk') }, [{ rule: 'doc-missing-lang', severity: 'warning', file: TK, line: 7, column: 9 }]);
  });

  it('doc-missing-lang: an error from review on', async () => {
    await expectRule({ [TK]: spec('tk').replace('status: draft', 'status: review') }, [{ rule: 'doc-missing-lang', severity: 'error', file: TK, line: 7, column: 9 }]);
  });
});

describe('body structure', () => {
  it('body-empty: front matter only', async () => {
    await expectRule(withTk(frontMatter('tk')), [{ rule: 'body-empty', severity: 'error', file: TK, line: lineOf(frontMatter('tk'), 'perCapitaNorm') + 2, column: 1 }], false);
  });

  it('body-outside-section: text before the first section', async () => {
    const text = spec('tk').replace('## Umumy', 'Giriş.\n\n## Umumy');
    await expectRule(withTk(text), [{ rule: 'body-outside-section', severity: 'error', file: TK, line: lineOf(text, 'Giriş.'), column: 1 }], false);
  });

  it('heading-level: a level-5 heading', async () => {
    const text = spec('tk').replace('Ikinji bent', 'Ikinji bent\n\n##### Kiçi');
    await expectRule(withTk(text), [{ rule: 'heading-level', severity: 'error', file: TK, line: lineOf(text, '##### Kiçi'), column: 1 }], false);
  });

  it('section-id-missing: a section heading without an id', async () => {
    const text = spec('tk').replace('## Möhletler {#timeframes}', '## Möhletler');
    const list = await diagnosticsOf(withTk(text));
    expect(pick(list, 'section-id-missing')).toEqual([{ rule: 'section-id-missing', severity: 'error', file: TK, line: lineOf(text, '## Möhletler'), column: 1 }]);
    expect(list.find((d) => d.rule === 'section-id-missing')?.message).toContain('{#timeframes}');
  });

  it('section-required: a required section is missing in both languages', async () => {
    const f = withBoth((t) => t.replace(/## [^\n]*\{#rights\}\n\n[^\n]*\n\n/, ''));
    await expectRule(f, [
      { rule: 'section-required', severity: 'error', file: RU, line: lineOf(f[RU] as string, '{#records}'), column: 1 },
      { rule: 'section-required', severity: 'error', file: TK, line: lineOf(f[TK] as string, '{#records}'), column: 1 },
    ]);
  });

  it('section-unknown: a section id the kind does not define', async () => {
    const f = withBoth((t) => `${t}\n## Goşmaça {#extras}\n\nTekst.\n`);
    await expectRule(f, [
      { rule: 'section-unknown', severity: 'error', file: RU, line: lineOf(f[RU] as string, '{#extras}'), column: 1 },
      { rule: 'section-unknown', severity: 'error', file: TK, line: lineOf(f[TK] as string, '{#extras}'), column: 1 },
    ]);
  });

  it('section-duplicate: a section twice', async () => {
    const f = withBoth((t) => `${t}\n## Hasaba alyş {#records}\n\nTekst.\n`);
    const list = await expectRule(f, [
      { rule: 'section-duplicate', severity: 'error', file: RU, line: lineOf(f[RU] as string, '## Hasaba alyş {#records}'), column: 1 },
      { rule: 'section-duplicate', severity: 'error', file: TK, line: lineOf(f[TK] as string, '## Hasaba alyş {#records}'), column: 1 },
    ], false);
    expect(list.find((d) => d.rule === 'section-duplicate')?.related?.[0]?.line).toBeGreaterThan(1);
  });

  it('section-order: two sections swapped', async () => {
    const swap = (t: string): string => {
      const a = /## [^\n]*\{#rights\}\n\n[^\n]*\n\n/.exec(t)?.[0] as string;
      return t.replace(a, '') + '\n' + a;
    };
    const f = withBoth(swap);
    await expectRule(f, [
      { rule: 'section-order', severity: 'error', file: RU, line: lineOf(f[RU] as string, '{#rights}'), column: 1 },
      { rule: 'section-order', severity: 'error', file: TK, line: lineOf(f[TK] as string, '{#rights}'), column: 1 },
    ]);
  });

  it('anchor-syntax: a malformed id', async () => {
    const f = withBoth((t) => t.replace('{#timeframes}', '{#Time_Frames}'));
    const list = await diagnosticsOf(f);
    const line = lineOf(f[TK] as string, 'Time_Frames');
    expect(pick(list, 'anchor-syntax')).toEqual([
      { rule: 'anchor-syntax', severity: 'error', file: RU, line, column: colOf(f[RU] as string, '{#Time') },
      { rule: 'anchor-syntax', severity: 'error', file: TK, line, column: colOf(f[TK] as string, '{#Time') },
    ]);
  });

  it('anchor-duplicate: two clauses with the same id', async () => {
    const f = withBoth((t) => t.replace(/2\. (Ikinji|Второй)/, '2. {#scope} $1'));
    await expectRule(f, [
      { rule: 'anchor-duplicate', severity: 'error', file: RU, line: lineOf(f[RU] as string, '2. {#scope}') + 0, column: 1 },
      { rule: 'anchor-duplicate', severity: 'error', file: TK, line: lineOf(f[TK] as string, '2. {#scope}'), column: 1 },
    ]);
  });

  it('clause-depth: four levels of numbered clauses', async () => {
    const f = withBoth((t) => t.replace(/(2\. [^\n]*)\n/, '$1\n   1. a\n      1. b\n         1. c\n'));
    await expectRule(f, [
      { rule: 'clause-depth', severity: 'error', file: RU, line: lineOf(f[RU] as string, '1. c'), column: 10 },
      { rule: 'clause-depth', severity: 'error', file: TK, line: lineOf(f[TK] as string, '1. c'), column: 10 },
    ]);
  });

  it('list-start: a numbered list that starts at 3', async () => {
    const f = withBoth((t) => t.replace('1. {#scope}', '3. {#scope}'));
    await expectRule(f, [
      { rule: 'list-start', severity: 'warning', file: RU, line: lineOf(f[RU] as string, '3. {#scope}'), column: 1 },
      { rule: 'list-start', severity: 'warning', file: TK, line: lineOf(f[TK] as string, '3. {#scope}'), column: 1 },
    ]);
  });
});

describe('Markdown content', () => {
  it('md-html: raw HTML and HTML comments', async () => {
    const text = spec('tk').replace('Ikinji bent', 'Ikinji <b>bent</b>') + '\n<!-- reviewer note -->\n';
    const list = await diagnosticsOf(withTk(text));
    expect(pick(list, 'md-html')).toEqual([
      { rule: 'md-html', severity: 'error', file: TK, line: lineOf(text, 'Ikinji'), column: colOf(text, '<b>') },
      { rule: 'md-html', severity: 'error', file: TK, line: lineOf(text, 'Ikinji'), column: colOf(text, '</b>') },
      { rule: 'md-html', severity: 'error', file: TK, line: lineOf(text, '<!--'), column: 1 },
    ]);
  });

  it('md-link: a javascript: link', async () => {
    const text = spec('tk').replace('Ikinji bent', 'Ikinji [bent](javascript:alert(1))');
    await expectRule(withTk(text), [{ rule: 'md-link', severity: 'error', file: TK, line: lineOf(text, 'Ikinji'), column: colOf(text, '[bent]') }]);
  });

  it('md-image: an image path that leaves specs/assets', async () => {
    const text = figureIn(spec('tk'), '![x](../../../../etc/passwd)\n\n![y](assets/%2e%2e/x.png)\n\n![z](file:///etc/passwd)');
    await expectRule(withTk(text), [
      { rule: 'md-image', severity: 'error', file: TK, line: lineOf(text, '![x]'), column: 1 },
      { rule: 'md-image', severity: 'error', file: TK, line: lineOf(text, '![y]'), column: 1 },
      { rule: 'md-image', severity: 'error', file: TK, line: lineOf(text, '![z]'), column: 1 },
    ], false);
  });

  it('md-image: a file that is not really a PNG', async () => {
    const text = figureIn(spec('tk'), '![x](assets/fake.png)');
    await expectRule({ ...withTk(text), 'specs/assets/fake.png': 'not a png' }, [{ rule: 'md-image', severity: 'error', file: TK, line: lineOf(text, '![x]'), column: 1 }], false);
  });

  it('md-image: a PNG that inflates beyond its size, a CMYK JPEG, a JPEG with a rotation flag', async () => {
    const text = figureIn(spec('tk'), '![Bomba](assets/bomb.png)\n\n![CMYK](assets/cmyk.jpg)\n\n![Öwrülen](assets/rotated.jpg)\n\n![Dogry](assets/good.jpg)');
    // A 10×10 header (signature + IHDR: 33 bytes) over 20 MB of zeros, deflated to about 20 KB.
    const bomb = Buffer.concat([png(10, 10).subarray(0, 33), pngChunk('IDAT', deflateSync(Buffer.alloc(20 * 1024 * 1024))), pngChunk('IEND', new Uint8Array(0))]);
    const list = await diagnosticsOf({
      ...withTk(text),
      'specs/assets/bomb.png': bomb,
      'specs/assets/cmyk.jpg': jpegHead(40, 30, 4),
      'specs/assets/rotated.jpg': jpegHead(40, 30, 3, 6),
      'specs/assets/good.jpg': jpegHead(40, 30, 3, 1),
    });
    expect(list.filter((d) => d.rule === 'md-image').map((d) => [d.line, d.message])).toEqual([
      [lineOf(text, '![Bomba]'), 'The image "assets/bomb.png" holds more image data than its size allows.'],
      [lineOf(text, '![CMYK]'), 'The image "assets/cmyk.jpg" is a CMYK JPEG; save it as RGB (sRGB).'],
      [lineOf(text, '![Öwrülen]'), 'The image "assets/rotated.jpg" carries a rotation flag (EXIF orientation) that Word and PDF readers apply differently; rotate the picture itself and save it again.'],
    ]);
  });

  it('md-image: JPEGs the PDF library cannot embed correctly (fill bytes, arithmetic coding, lossless, 12-bit)', async () => {
    const names = ['fill', 'dac', 'lossless', 'twelve'];
    const text = figureIn(spec('tk'), names.map((n) => `![${n}](assets/${n}.jpg)`).join('\n\n'));
    const list = await diagnosticsOf({
      ...withTk(text),
      'specs/assets/fill.jpg': jpegHead(40, 30, 3, undefined, { prefix: [0xff] }),
      'specs/assets/dac.jpg': jpegHead(40, 30, 3, undefined, { prefix: [0xff, 0xcc, 0x00, 0x04, 0x00, 0x00] }),
      'specs/assets/lossless.jpg': jpegHead(40, 30, 3, undefined, { marker: 0xc3 }),
      'specs/assets/twelve.jpg': jpegHead(40, 30, 3, undefined, { precision: 12 }),
    });
    expect(list.filter((d) => d.rule === 'md-image').map((d) => d.message)).toEqual([
      'The image "assets/fill.jpg" has fill bytes between its segments, which the PDF library cannot read; re-save it as a standard (baseline or progressive) 8-bit JPEG.',
      'The image "assets/dac.jpg" is arithmetic-coded; re-save it as a standard (baseline or progressive) 8-bit JPEG.',
      'The image "assets/lossless.jpg" is a lossless, hierarchical or arithmetic-coded JPEG; re-save it as a standard (baseline or progressive) 8-bit JPEG.',
      'The image "assets/twelve.jpg" has 12 bits per sample; re-save it as a standard (baseline or progressive) 8-bit JPEG.',
    ]);
  });

  it('a caption and a description get the text checks: a character the PDF font cannot draw', async () => {
    const text = figureIn(spec('tk'), '![Shema](assets/p.png "Ugrukdyrma ☂ ýoly")');
    const list = await diagnosticsOf({ ...withTk(text), 'specs/assets/p.png': png(10, 10) });
    expect(pick(list, 'render-glyph')).toEqual([{ rule: 'render-glyph', severity: 'error', file: TK, line: lineOf(text, '![Shema]'), column: colOf(text, '☂') }]);
  });

  it('md-figure: an image inside a line of text, in a table, as the text of a list item, or without a description', async () => {
    const text = spec('tk')
      .replace('Ikinji bent', 'Ikinji ![ýol](assets/p.png) bent')
      .replace(/(2\. [^\n]*)\n/, '$1\n\n| a | b |\n| - | - |\n| ![ýol](assets/p.png#t) | 2 |\n\n3. ![ýol](assets/p.png#l)\n');
    const withAlt = figureIn(text, '![](assets/p.png#a)');
    const list = await diagnosticsOf({ ...withTk(withAlt), 'specs/assets/p.png': png(10, 10) });
    expect(pick(list, 'md-figure')).toEqual([
      { rule: 'md-figure', severity: 'error', file: TK, line: lineOf(withAlt, 'Ikinji'), column: colOf(withAlt, '![ýol]') },
      { rule: 'md-figure', severity: 'error', file: TK, line: lineOf(withAlt, '| ![ýol]'), column: 3 },
      { rule: 'md-figure', severity: 'error', file: TK, line: lineOf(withAlt, '3. ![ýol]'), column: 4 },
      { rule: 'md-figure', severity: 'error', file: TK, line: lineOf(withAlt, '![](assets'), column: 1 },
    ]);
  });

  it('md-figure: the first paragraph of a list item is its text even after a nested list', async () => {
    const text = figureIn(spec('tk'), '1. - punkt\n\n   ![Ýol](assets/p.png)');
    const list = await diagnosticsOf({ ...withTk(text), 'specs/assets/p.png': png(10, 10) });
    expect(pick(list, 'md-figure')).toEqual([{ rule: 'md-figure', severity: 'error', file: TK, line: lineOf(text, '   ![Ýol]'), column: 4 }]);
  });

  it('md-figure: no figures in footnotes', async () => {
    const text = spec('tk').replace('Ikinji bent', 'Ikinji bent[^1]') + '\n[^1]: Bellik.\n\n    ![ýol](assets/p.png)\n';
    const list = await diagnosticsOf({ ...withTk(text), 'specs/assets/p.png': png(10, 10) });
    expect(pick(list, 'md-figure')).toEqual([{ rule: 'md-figure', severity: 'error', file: TK, line: lineOf(text, '    ![ýol]'), column: 5 }]);
  });

  it('parity-figures: a section with a figure in one language only', async () => {
    const files = { ...withBoth((t, lang) => (lang === 'tk' ? figureIn(t, '![Ýol](assets/p.png)') : t)), 'specs/assets/p.png': png(10, 10) };
    await expectRule(files, [{ rule: 'parity-figures', severity: 'error', file: RU, line: lineOf(files[RU] as string, '## Порядок'), column: 1 }]);
  });

  it('figure ids: a reference to a figure resolves; a malformed id, an id used twice and ids that differ between the versions are reported', async () => {
    const figure = (id: string): string => `![Ýol](assets/p.png) {#${id}}`;
    const good = { ...withBoth((t) => figureIn(t.replace('[](#scope)', '[](#scope) [](#route-map)'), figure('route-map'))), 'specs/assets/p.png': png(10, 10) };
    expect(await diagnosticsOf(good)).toEqual([]);

    const bad = {
      ...withBoth((t, lang) => figureIn(t, `${figure('Route')}\n\n${figure('scope')}\n\n${figure(lang === 'tk' ? 'map' : 'plan')}`)),
      'specs/assets/p.png': png(10, 10),
    };
    const list = await diagnosticsOf(bad);
    const [tk, ru] = [bad[TK] as string, bad[RU] as string];
    expect(pick(list, 'anchor-syntax')).toEqual([
      { rule: 'anchor-syntax', severity: 'error', file: RU, line: lineOf(ru, '{#Route}'), column: colOf(ru, '{#Route}') },
      { rule: 'anchor-syntax', severity: 'error', file: TK, line: lineOf(tk, '{#Route}'), column: colOf(tk, '{#Route}') },
    ]);
    // {#scope} is a clause's id already; the figure comes later, so it is the figure that is reported.
    expect(pick(list, 'anchor-duplicate')).toEqual([
      { rule: 'anchor-duplicate', severity: 'error', file: RU, line: lineOf(ru, 'p.png) {#scope}'), column: 1 },
      { rule: 'anchor-duplicate', severity: 'error', file: TK, line: lineOf(tk, 'p.png) {#scope}'), column: 1 },
    ]);
    // A malformed id is left out, not the figure: it is still figure 1, and nothing else is reported of it.
    expect(pick(list, 'md-figure')).toEqual([]);
    expect(pick(list, 'parity-figures')).toEqual([{ rule: 'parity-figures', severity: 'error', file: RU, line: lineOf(ru, '{#plan}'), column: 1 }]);
    expect(list.find((d) => d.rule === 'parity-figures')?.message).toBe('Figure 3 has {#plan} here but {#map} in the Turkmen version; a figure has the same id in both versions.');
  });

  it('figure ids: a malformed id on the continuation line of a list item, or escaped, is reported where it is typed', async () => {
    const text = figureIn(spec('tk'), '1. Bent.\n\n   ![A](assets/p.png)\n   {#Bad}\n\n![B](assets/p.png) \\{#Worse}');
    const list = await diagnosticsOf({ ...withTk(text), 'specs/assets/p.png': png(10, 10) });
    expect(pick(list, 'anchor-syntax')).toEqual([
      { rule: 'anchor-syntax', severity: 'error', file: TK, line: lineOf(text, '{#Bad}'), column: 4 },
      { rule: 'anchor-syntax', severity: 'error', file: TK, line: lineOf(text, '{#Worse}'), column: colOf(text, '{#Worse}') },
    ]);
  });

  it('md-figure: an image inside a cross-reference, where the reference text would replace it', async () => {
    const text = spec('tk').replace('[](#scope)', '[![ýol](assets/p.png)](#scope)');
    const list = await diagnosticsOf({ ...withTk(text), 'specs/assets/p.png': png(10, 10) });
    expect(pick(list, 'md-figure')).toEqual([{ rule: 'md-figure', severity: 'error', file: TK, line: lineOf(text, '[![ýol]'), column: colOf(text, '![ýol]') }]);
  });

  it('md-too-deep: nesting beyond 32 levels', async () => {
    const text = spec('tk').replace('Ikinji bent', 'Ikinji bent') + `\n${'> '.repeat(40)}x\n`;
    const list = await diagnosticsOf(withTk(text));
    expect(pick(list, 'md-too-deep')).toHaveLength(1);
    expect(pick(list, 'md-too-deep')[0]).toMatchObject({ severity: 'error', file: TK, line: lineOf(text, '> > >') });
  });

  it('md-table: a row with more cells than the header', async () => {
    const f = withBoth((t) => t.replace(/(2\. [^\n]*)\n/, '$1\n\n| a | b |\n| - | - |\n| 1 | 2 | 3 |\n'));
    await expectRule(f, [
      { rule: 'md-table', severity: 'error', file: RU, line: lineOf(f[RU] as string, '| 1 | 2 | 3 |'), column: 1 },
      { rule: 'md-table', severity: 'error', file: TK, line: lineOf(f[TK] as string, '| 1 | 2 | 3 |'), column: 1 },
    ]);
  });

  it('md-unsupported: a code block', async () => {
    const text = spec('tk') + '\n```\ncode\n```\n';
    await expectRule(withTk(text), [{ rule: 'md-unsupported', severity: 'error', file: TK, line: lineOf(text, '```'), column: 1 }]);
  });
});

describe('cross-references', () => {
  it('xref-broken: a missing clause and a missing document', async () => {
    const f = withBoth((t) => t.replace('[](#scope)', '[](#scop) [](nowhere#x)'));
    const line = lineOf(f[TK] as string, '[](#scop)');
    const list = await expectRule(f, [
      { rule: 'xref-broken', severity: 'error', file: RU, line, column: colOf(f[RU] as string, '[](#scop)') },
      { rule: 'xref-broken', severity: 'error', file: RU, line, column: colOf(f[RU] as string, '[](nowhere') },
      { rule: 'xref-broken', severity: 'error', file: TK, line, column: colOf(f[TK] as string, '[](#scop)') },
      { rule: 'xref-broken', severity: 'error', file: TK, line, column: colOf(f[TK] as string, '[](nowhere') },
    ]);
    expect(list[0]?.message).toContain('Did you mean {#scope}?');
  });

  it('xref-template: an unknown placeholder in the link text', async () => {
    const f = withBoth((t) => t.replace('[](#scope)', '[{number}](#scope)'));
    await expectRule(f, [
      { rule: 'xref-template', severity: 'error', file: RU, line: lineOf(f[RU] as string, '{number}'), column: colOf(f[RU] as string, '[{number}]') },
      { rule: 'xref-template', severity: 'error', file: TK, line: lineOf(f[TK] as string, '{number}'), column: colOf(f[TK] as string, '[{number}]') },
    ]);
  });
});

describe('parity between the language versions', () => {
  it('parity-front-matter: a target changed in the translation, with both locations', async () => {
    const ru = spec('ru').replace('value: 80', 'value: 85');
    const list = await expectRule({ [TK]: spec('tk'), [RU]: ru }, [{ rule: 'parity-front-matter', severity: 'error', file: RU, line: lineOf(ru, 'value: 85'), column: colOf(ru, '85') }]);
    expect(list[0]?.related).toEqual([{ file: TK, line: lineOf(ru, 'value: 85'), column: colOf(ru, '85'), endLine: lineOf(ru, 'value: 85'), endColumn: colOf(ru, '85') + 2, message: 'the Turkmen value' }]);
  });

  it('parity-sections: a section only in the translation', async () => {
    const ru = spec('ru').replace('## Сроки {#timeframes}', '## Дополнительно {#extras}\n\nТекст.\n\n## Сроки {#timeframes}');
    const list = await diagnosticsOf({ [TK]: spec('tk'), [RU]: ru });
    expect(pick(list, 'parity-sections')).toEqual([{ rule: 'parity-sections', severity: 'error', file: RU, line: lineOf(ru, '{#extras}'), column: 1 }]);
  });

  it('parity-clauses: a clause only in the translation', async () => {
    const ru = spec('ru').replace(/(2\. Второй[^\n]*)\n/, '$1\n3. Третий.\n');
    await expectRule({ [TK]: spec('tk'), [RU]: ru }, [{ rule: 'parity-clauses', severity: 'error', file: RU, line: lineOf(ru, '3. Третий'), column: 1 }]);
  });

  it('parity-xrefs: a reference dropped in the translation', async () => {
    const ru = spec('ru').replace('Второй пункт [](#scope).', 'Второй пункт.');
    await expectRule({ [TK]: spec('tk'), [RU]: ru }, [{ rule: 'parity-xrefs', severity: 'error', file: RU, line: lineOf(ru, 'Второй пункт.'), column: 1 }]);
  });

  it('parity-numbers: a percentage changed in one language is a warning with both locations', async () => {
    const ru = spec('ru').replace('25 %', '30 %');
    const list = await expectRule({ [TK]: spec('tk'), [RU]: ru }, [{ rule: 'parity-numbers', severity: 'warning', file: RU, line: lineOf(ru, '30 %'), column: 4 }]);
    expect(list[0]?.message).toContain('30');
    expect(list[0]?.related?.[0]).toMatchObject({ file: TK, line: lineOf(ru, '30 %') });
  });

  it('parity-numbers: a number changed inside a translated front-matter text', async () => {
    const ru = spec('ru').replace('подготовка 72 часа', 'подготовка 27 часов');
    const line = lineOf(ru, 'подготовка 27');
    await expectRule({ [TK]: spec('tk'), [RU]: ru }, [{ rule: 'parity-numbers', severity: 'warning', file: RU, line, column: colOf(ru, '"Среднее') }]);
  });

  it('parity-numbers: a date in words equals the same date in the other language', async () => {
    const list = await diagnosticsOf(validDocument());
    expect(pick(list, 'parity-numbers')).toEqual([]);
  });
});

describe('packs', () => {
  const pack = (docs: string): string => `id: main
title: { tk: "Esasy", ru: "Основной" }
documents: [${docs}]
languages: [tk, ru]
formats: [docx, pdf]
letter:
  addressee: { tk: "Ministr", ru: "Министру" }
  reference: "12/3-456"
  date: "2026-11-20"
  subject: { tk: "Taslamalar", ru: "Проекты" }
  body: { tk: "Iberýäris.", ru: "Направляем." }
  signatory: { title: { tk: "Başlyk", ru: "Начальник" }, name: { tk: "A. Ataýew", ru: "А. Атаев" } }
  from: { tk: "Bölüm", ru: "Отдел" }
`;

  it('a valid pack has no problems', async () => {
    const r = await validate(makeProject({ ...validDocument(), 'specs/packs/main.yaml': pack('"*"') }));
    expect(r.diagnostics).toEqual([]);
    expect(r.packs[0]?.documents).toEqual(['demo']);
  });

  it('pack-unknown-document: a pack lists a document that does not exist', async () => {
    await expectRule({ ...validDocument(), 'specs/packs/main.yaml': pack('demo, dmeo') }, [{ rule: 'pack-unknown-document', severity: 'error', file: 'specs/packs/main.yaml', line: 3, column: 19 }]);
  });

  it('pack-schema: a pack with an unknown format', async () => {
    await expectRule({ ...validDocument(), 'specs/packs/main.yaml': pack('"*"').replace('[docx, pdf]', '[docx, odt]') }, [{ rule: 'pack-schema', severity: 'error', file: 'specs/packs/main.yaml', line: 5, column: 17 }]);
  });
});

describe('printing', () => {
  it('render-glyph: a character the PDF font lacks, in the body and in a front-matter text', async () => {
    const f = withBoth((t) => t.replace(/(Ikinji bent|Второй пункт)/, '$1 你').replace(/(title: "[^"]*)"/, '$1 😀"'));
    await expectRule(f, [
      { rule: 'render-glyph', severity: 'error', file: RU, line: 5, column: colOf(f[RU] as string, '😀') },
      { rule: 'render-glyph', severity: 'error', file: RU, line: lineOf(f[RU] as string, '你'), column: colOf(f[RU] as string, '你') },
      { rule: 'render-glyph', severity: 'error', file: TK, line: 5, column: colOf(f[TK] as string, '😀') },
      { rule: 'render-glyph', severity: 'error', file: TK, line: lineOf(f[TK] as string, '你'), column: colOf(f[TK] as string, '你') },
    ]);
  });
});
