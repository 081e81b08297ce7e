/** The resolve stage: numbers, cross-reference wording, tables, templates and typography in each language. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Block, DocModel, ParagraphBlock, Run } from '../../src/model/types.js';
import { buildModel } from '../../src/resolve/model.js';
import { compileTemplate, renderTemplate } from '../../src/resolve/templates.js';
import type { GlobalIndex } from '../../src/resolve/xref.js';
import { prepareSchemas } from '../../src/schema/registry.js';
import { analyzeFile } from '../../src/validate/file.js';
import { spec } from '../helpers/fixtures.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

await prepareSchemas();

function model(lang: 'tk' | 'ru', text: string, buildDate = '2026-11-20'): DocModel {
  const file = `specs/services/demo/${lang}.md`;
  const r = analyzeFile(Buffer.from(text), { file, collection: 'services', folder: 'demo', lang }, { specsDir: '/nonexistent' });
  if (!r.parsed) throw new Error(JSON.stringify(r.analysis.diagnostics));
  const index: GlobalIndex = new Map([
    ['demo', { kind: 'service-specification', titles: { [lang]: String(r.parsed.data.title) }, anchors: new Map(r.analysis.digest.anchors.map((a) => [a.id, a])) }],
    ['other-act', { kind: 'normative-act', titles: { tk: 'Etrap durmuş işi gullugy hakynda Düzgünnama', ru: 'Положение о службе социальной работы этрапа' }, anchors: new Map([['tasks', { id: 'tasks', type: 'point' as const, numbers: [6] }]]) }],
  ]);
  return buildModel(r.parsed, { index, buildDate });
}

const text = (runs: readonly Run[]): string => runs.map((r) => (r.kind === 'text' ? r.text : r.kind === 'break' ? '\n' : `[^${r.number}]`)).join('');
const paragraphs = (blocks: Block[]): ParagraphBlock[] => blocks.filter((b): b is ParagraphBlock => b.type === 'paragraph');

describe('numbering and cross-references', () => {
  const extra = (t: string, lang: 'tk' | 'ru'): string =>
    t.replace(
      /(2\. (?:Ikinji bent|Второй пункт) \[\]\(#scope\)\.)/,
      `$1\n   1. ${lang === 'tk' ? 'Birinji' : 'Первый'}\n      - a\n      - b\n      - c\n3. [{ord} bendine laýyklykda / пунктом {n}](#scope) [](other-act#tasks)`,
    );

  it('labels clauses 1.1., 1.2., sub-clauses 1.2.1. and lettered items in the alphabet of the language', () => {
    const tk = paragraphs(model('tk', extra(spec('tk'), 'tk')).body);
    expect(tk.filter((p) => p.label).map((p) => p.label)).toEqual(['1.1.', '1.2.', '1.2.1.', 'a)', 'b)', 'ç)', '1.3.']);
    const ru = paragraphs(model('ru', extra(spec('ru'), 'ru')).body);
    expect(ru.filter((p) => p.label).map((p) => p.label)).toEqual(['1.1.', '1.2.', '1.2.1.', 'а)', 'б)', 'в)', '1.3.']);
  });

  it('gives clauses Word numbering whose levels produce the same labels', () => {
    const m = model('tk', extra(spec('tk'), 'tk'));
    const main = m.numbering.find((d) => d.ref === 'main');
    expect(main?.levels.map((l) => l.text)).toEqual(['%1.', '%1.%2.', '%1.%2.%3.', '%1.%2.%3.%4.']);
    const clause = paragraphs(m.body).find((p) => p.label === '1.2.1.');
    expect(clause?.numbering).toEqual({ ref: 'main', level: 2 });
    expect(paragraphs(m.body).find((p) => p.label === 'ç)')?.numbering).toBeUndefined();
  });

  it('words cross-references in each language, with internal links', () => {
    const tk = paragraphs(model('tk', extra(spec('tk'), 'tk')).body);
    const clause2 = tk.find((p) => p.label === '1.2.') as ParagraphBlock;
    expect(text(clause2.runs)).toBe('Ikinji bent 1.1-nji bende seret.');
    expect(clause2.runs.find((r) => r.kind === 'text' && r.anchor === 'scope')).toBeTruthy();
    const clause3 = tk.find((p) => p.label === '1.3.') as ParagraphBlock;
    expect(text(clause3.runs)).toBe('1.1-nji bendine laýyklykda / пунктом 1.1 6-njy bende seret («Etrap durmuş işi gullugy hakynda Düzgünnama»)');
    const ru = paragraphs(model('ru', extra(spec('ru'), 'ru')).body);
    expect(text((ru.find((p) => p.label === '1.2.') as ParagraphBlock).runs)).toBe('Второй пункт см. пункт 1.1.');
    expect(text((ru.find((p) => p.label === '1.3.') as ParagraphBlock).runs)).toContain('см. пункт 6 документа «Положение о службе социальной работы этрапа»');
  });

  it('numbers section headings and puts them in the table of contents', () => {
    const m = model('tk', spec('tk'));
    const headings = m.body.filter((b) => b.type === 'heading');
    expect(headings.map((h) => (h.type === 'heading' ? h.label : ''))).toEqual(Array.from({ length: 14 }, (_, i) => `${i + 1}.`));
    const toc = m.front.find((b) => b.type === 'toc');
    expect(toc?.type === 'toc' && toc.entries[0]).toEqual({ level: 1, text: '1. Umumy düzgünler', anchor: 'general' });
  });
});

describe('generated tables', () => {
  it('turns the front matter into captioned tables in the right sections, in the language of the file', () => {
    const m = model('ru', spec('ru'));
    const tables = m.body.filter((b) => b.type === 'table');
    const captions = tables.map((t) => (t.type === 'table' ? text(t.caption ?? []) : ''));
    expect(captions).toEqual([
      'Таблица 1. Критерии получения услуги',
      'Таблица 2. Цели, ожидаемые результаты и показатели',
      'Таблица 3. Содержание и объём услуги',
      'Таблица 4. Кадровое обеспечение',
      'Таблица 5. Базовые стандарты и стандарты качества',
      'Таблица 6. Показатели',
    ]);
    const activities = tables[2];
    expect(activities?.type === 'table' && text(activities.rows[0]?.[3]?.runs ?? [])).toBe('3 раза в неделю, по 60 минут');
    const indicators = tables[5];
    expect(indicators?.type === 'table' && indicators.rows[0]?.map((c) => text(c.runs))).toEqual(['I1', 'Доля получателей, оставшихся дома', 'процент', 'не установлено', '80 (31.12.2027)', 'ежеквартально', 'Записи по случаям']);
    const tk = model('tk', spec('tk')).body.filter((b) => b.type === 'table');
    expect(tk[2]?.type === 'table' && text(tk[2].rows[0]?.[3]?.runs ?? [])).toBe('hepdede 3 gezek, 60 minut');
    expect(paragraphs(m.body).some((p) => text(p.runs) === 'Подушевой норматив финансирования: 450\u00a0манат на получателя в месяц.')).toBe(true);
  });

  it('numbers Turkmen captions as ordinals by vowel harmony: the sixth table is "6-njy", not "6-nji"', () => {
    const tk = model('tk', spec('tk')).body.filter((b) => b.type === 'table');
    const numbers = tk.map((t) => (t.type === 'table' ? text(t.caption ?? []).split(' ')[0] : ''));
    expect(numbers).toEqual(['1-nji', '2-nji', '3-nji', '4-nji', '5-nji', '6-njy']);
  });
});

describe('templates', () => {
  it('prints a hostile title as the characters it is, never as Markdown or template syntax', () => {
    const hostile = '# Not a heading *not bold* [x](https://evil.example) {{doc.id}} www.x.tm a@b.tm <b>&amp;';
    const m = model('tk', spec('tk').replace('title: "Synag hyzmatynyň standarty"', `title: ${JSON.stringify(hostile)}`));
    const title = paragraphs(m.front).find((p) => p.style === 'title') as ParagraphBlock;
    expect(title.runs).toEqual([{ kind: 'text', text: hostile }]);
    expect(m.properties.title).toBe(hostile);
    expect(m.running.header).toContain(hostile);
  });

  it('writes the approval block in the official form of each language, blank while not approved', () => {
    const tk = paragraphs(model('tk', spec('tk')).front).find((p) => p.style === 'approval') as ParagraphBlock;
    expect(text(tk.runs)).toBe('Türkmenistanyň Zähmet we ilaty durmuş taýdan goramak ministriniň\n20___ ýylyň «___» ____________\nçykaran ___ belgili buýrugy bilen\ntassyklanyldy');
    const approved = (t: string): string => t.replace('status: draft', 'status: approved').replace('  number: null\n  date: null', '  number: "45-Ö"\n  date: "2026-04-15"');
    const tk2 = paragraphs(model('tk', approved(spec('tk'))).front).find((p) => p.style === 'approval') as ParagraphBlock;
    expect(text(tk2.runs)).toContain('2026-njy ýylyň 15-nji\u00a0aprelinde\nçykaran 45-Ö belgili buýrugy bilen');
    const ru2 = paragraphs(model('ru', approved(spec('ru'))).front).find((p) => p.style === 'approval') as ParagraphBlock;
    expect(text(ru2.runs)).toBe('УТВЕРЖДЕН\nприказом Министра труда и социальной защиты населения Туркменистана\nот 15\u00a0апреля 2026\u00a0года №\u00a045-Ö');
  });

  it('marks a draft and not an approved document', () => {
    expect(model('ru', spec('ru')).running.draftMark).toBe('ПРОЕКТ');
    expect(paragraphs(model('tk', spec('tk')).front).some((p) => p.style === 'draftMark')).toBe(true);
    const approved = spec('tk').replace('status: draft', 'status: approved').replace('  number: null\n  date: null', '  number: "45-Ö"\n  date: "2026-04-15"');
    expect(model('tk', approved).running.draftMark).toBe('');
  });

  it('stops on a field a template uses but the data lacks, naming the template', () => {
    expect(() => renderTemplate('tk', 'running.txt.hbs', {})).toThrow(/^templates\/tk\/running\.txt\.hbs: "\w+" not defined/);
  });

  it('uses the templates precompiled at install, which render exactly as compiled ones; an edited template is compiled from its text', async () => {
    const { loadLabels } = await import('../../src/resolve/labels.js');
    const helpers = Object.fromEntries(['dateLocative', 'datePossessive', 'dateQuoted', 'dateShort', 'upper', 'ordinal'].map((h) => [h, (v: unknown) => `<${h}:${String(v)}>`]));
    for (const lang of ['tk', 'ru'] as const) {
      // Every field any template reads, so each renders whole.
      const data = {
        labels: loadLabels(lang).tree,
        approvedForm: 'УТВЕРЖДЕН',
        approval: { authority: 'Ministrlik', date: '2026-04-15', number: '45-Ö' },
        doc: { draft: true, title: 'Ýüzlenme', docType: 'Standart', version: '1.0.0', statusLabel: 'taslama', owner: 'Ministrlik', year: '2026', shortTitle: 'Gysga', id: 'doc-id' },
        letter: { from: 'Kimden', addressee: 'Kime', date: '2026-11-01', reference: '12/3', subject: 'Mowzuk', body: 'Tekst.', signatory: { title: 'Ministr', name: 'A. B.' } },
        documents: [{ n: '1', title: 'Resminama', version: '1.0.0', status: 'taslama', files: ['a.docx', 'a.pdf'] }],
      };
      for (const name of readdirSync(join(ROOT, 'templates', lang)).filter((n) => n.endsWith('.hbs'))) {
        const source = readFileSync(join(ROOT, 'templates', lang, name), 'utf8');
        const ready = compileTemplate(`${lang}/${name}`, source);
        expect(ready.precompiled, `${lang}/${name} (run "npm run compile")`).toBe(true);
        expect(compileTemplate(`${lang}/${name}`, `${source}\n`).precompiled).toBe(false);
        const fresh = compileTemplate(`not-precompiled/${name}`, source);
        expect(fresh.precompiled).toBe(false);
        const out = ready.fn(data, { helpers });
        expect(out.length, `${lang}/${name}`).toBeGreaterThan(10);
        expect(out).toBe(fresh.fn(data, { helpers }));
      }
    }
  });
});

describe('labels', () => {
  it('has the same labels in both languages (plural forms and УТВЕРЖДЕН- agreement are Russian only)', async () => {
    const { loadLabels } = await import('../../src/resolve/labels.js');
    const keys = (tree: object, prefix = ''): string[] =>
      Object.entries(tree).flatMap(([k, v]) => (v && typeof v === 'object' && !Array.isArray(v) ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    const tk = keys(loadLabels('tk').tree);
    const ru = keys(loadLabels('ru').tree).filter((k) => !k.startsWith('plural.') && !k.startsWith('approvedForm.'));
    expect(ru).toEqual(tk);
    for (const k of tk) expect(loadLabels('tk').get(k), k).toBeTruthy();
  });
});
