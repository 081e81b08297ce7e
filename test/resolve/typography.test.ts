/**
 * Turkmen and Russian official typography (domain.md §2.1, §2.3, §3): every attested ordinal,
 * every month form, both alphabets, numbers in words and each non-breaking-space rule, with the
 * invariants applyTypography promises (only spaces become U+00A0, idempotent) checked on the
 * whole table and on generated text.
 */
import { describe, expect, it } from 'vitest';
import {
  applyTypography,
  formatDate,
  letterLabel,
  numberWords,
  romanNumeral,
  tkOrdinal,
  tkOrdinalSuffix,
} from '../../src/resolve/typography.js';

const NB = '\u00A0';
/** Shows U+00A0 as "⍽" in failure messages. */
const show = (s: string): string => s.replace(/\u00A0/g, '⍽');

describe('tkOrdinalSuffix', () => {
  // Attested forms (domain.md §2.3 table and the acts quoted in §2.2), plus the rule rows.
  const attested: Array<[number, 'nji' | 'njy']> = [
    [51, 'nji'], [141, 'nji'], [2021, 'nji'], [2022, 'nji'], [263, 'nji'], [94, 'nji'],
    [15, 'nji'], [2015, 'nji'], [96, 'njy'], [26, 'njy'], [186, 'njy'], [247, 'nji'],
    [2007, 'nji'], [2018, 'nji'], [19, 'njy'], [159, 'njy'], [2009, 'njy'], [2019, 'njy'],
    [2010, 'njy'], [20, 'nji'], [2020, 'nji'], [30, 'njy'], [40, 'njy'], [250, 'nji'],
    [460, 'njy'], [70, 'nji'], [80, 'nji'], [90, 'njy'], [100, 'nji'], [2000, 'nji'],
    // From citations: "16-njy maddasynyň", "81-nji maddanyň", "4-nji bendinde", "5-nji bendini", "96-njy madda".
    [16, 'njy'], [81, 'nji'], [4, 'nji'], [5, 'nji'], [24, 'nji'], [14, 'nji'], [18, 'nji'],
  ];
  it.each(attested)('%i-%s', (n, suffix) => {
    expect(tkOrdinalSuffix(n)).toBe(suffix);
  });

  // One row per last spoken word: bir iki üç dört bäş alty ýedi sekiz dokuz / on ýigrimi … togsan / ýüz müň million.
  const byWord: Array<[number, string, 'nji' | 'njy']> = [
    [1, 'bir', 'nji'], [2, 'iki', 'nji'], [3, 'üç', 'nji'], [4, 'dört', 'nji'], [5, 'bäş', 'nji'],
    [6, 'alty', 'njy'], [7, 'ýedi', 'nji'], [8, 'sekiz', 'nji'], [9, 'dokuz', 'njy'],
    [10, 'on', 'njy'], [20, 'ýigrimi', 'nji'], [30, 'otuz', 'njy'], [40, 'kyrk', 'njy'],
    [50, 'elli', 'nji'], [60, 'altmyş', 'njy'], [70, 'ýetmiş', 'nji'], [80, 'segsen', 'nji'],
    [90, 'togsan', 'njy'], [100, 'ýüz', 'nji'], [300, 'ýüz', 'nji'], [1000, 'müň', 'nji'],
    [60_000, 'müň', 'nji'], [1_000_000, 'million', 'njy'], [3_000_000, 'million', 'njy'],
    [2_000_000_000, 'milliard', 'njy'], [0, 'nol', 'njy'],
  ];
  it.each(byWord)('%i ends in "%s" → -%s', (n, word, suffix) => {
    expect(tkOrdinalSuffix(n)).toBe(suffix);
    if (n <= 999_999_999) expect(numberWords(n, 'tk').split(' ').at(-1)).toBe(word);
  });

  it('follows the digit rule of domain.md §2.3 for every number below a million', () => {
    const units: Record<number, 'nji' | 'njy'> = { 1: 'nji', 2: 'nji', 3: 'nji', 4: 'nji', 5: 'nji', 6: 'njy', 7: 'nji', 8: 'nji', 9: 'njy' };
    const tens: Record<number, 'nji' | 'njy'> = { 1: 'njy', 2: 'nji', 3: 'njy', 4: 'njy', 5: 'nji', 6: 'njy', 7: 'nji', 8: 'nji', 9: 'njy' };
    const wrong: number[] = [];
    for (let n = 1; n < 1_000_000; n++) {
      const u = n % 10;
      const t = Math.floor(n / 10) % 10;
      const expected = u !== 0 ? units[u] : t !== 0 ? tens[t] : 'nji';
      if (tkOrdinalSuffix(n) !== expected) wrong.push(n);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('the last units or tens word decides, not the thousands', () => {
    expect(tkOrdinalSuffix(1_000_006)).toBe('njy');
    expect(tkOrdinalSuffix(6_000_001)).toBe('nji');
    expect(tkOrdinalSuffix(9_000)).toBe('nji');
    expect(tkOrdinalSuffix(1_060_000)).toBe('nji');
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('rejects %s', (n) => {
    expect(() => tkOrdinalSuffix(n)).toThrow(RangeError);
  });
});

describe('tkOrdinal', () => {
  const cases: Array<[string, string]> = [
    ['6', '6-njy'],
    ['1', '1-nji'],
    ['2.3', '2.3-nji'],
    ['2.1.6', '2.1.6-njy'],
    ['2.3.', '2.3-nji'],
    ['5)', '5-nji'],
    ['9.', '9-njy'],
    ['10.10', '10.10-njy'],
    ['3.20', '3.20-nji'],
    ['16', '16-njy'],
    ['96', '96-njy'],
    ['2.19', '2.19-njy'],
    ['1.2.3.40', '1.2.3.40-njy'],
    ['6.5', '6.5-nji'], // the last number decides, not the first
    [' 7 ', '7-nji'],
    // Idempotent, and a wrong hand-typed suffix is corrected.
    ['2.3-nji', '2.3-nji'],
    ['2.3-njy', '2.3-nji'],
    ['6-nji', '6-njy'],
    // Roman numerals are not suffixed.
    ['IV', 'IV'],
    ['I', 'I'],
    ['XII', 'XII'],
    ['MCMXCIV', 'MCMXCIV'],
    ['II.', 'II'],
  ];
  it.each(cases)('%j → %j', (label, expected) => {
    expect(tkOrdinal(label)).toBe(expected);
    expect(tkOrdinal(expected)).toBe(expected);
  });

  it.each(['', ' ', '.', ')', 'a', 'ç)', 'ž', '2.x', '2..3', '.3', '3-', 'iv', 'IIII', 'VV', '45-Ö', '-1', '1,5'])(
    'rejects %j',
    (label) => {
      expect(() => tkOrdinal(label)).toThrow(RangeError);
    },
  );
});

describe('romanNumeral', () => {
  const cases: Array<[number, string]> = [
    [1, 'I'], [2, 'II'], [3, 'III'], [4, 'IV'], [5, 'V'], [6, 'VI'], [9, 'IX'], [10, 'X'],
    [14, 'XIV'], [19, 'XIX'], [40, 'XL'], [49, 'XLIX'], [90, 'XC'], [400, 'CD'], [444, 'CDXLIV'],
    [900, 'CM'], [1994, 'MCMXCIV'], [2021, 'MMXXI'], [3888, 'MMMDCCCLXXXVIII'], [3999, 'MMMCMXCIX'],
  ];
  it.each(cases)('%i → %s', (n, roman) => {
    expect(romanNumeral(n)).toBe(roman);
  });

  it('is canonical, unique and reversible on 1..3999', () => {
    const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
    const parse = (s: string): number =>
      [...s].reduce((sum, c, i) => {
        const v = values[c] as number;
        const next = values[s[i + 1] ?? ''] ?? 0;
        return sum + (v < next ? -v : v);
      }, 0);
    const canonical = /^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
    const seen = new Set<string>();
    for (let n = 1; n <= 3999; n++) {
      const r = romanNumeral(n);
      expect(r).toMatch(canonical);
      expect(parse(r)).toBe(n);
      seen.add(r);
    }
    expect(seen.size).toBe(3999);
  });

  it.each([0, -1, 4000, 1.5, Number.NaN])('rejects %s', (n) => {
    expect(() => romanNumeral(n)).toThrow(RangeError);
  });
});

describe('letterLabel', () => {
  const TK = 'abçdeäfghijžklmnňoöprsştuüwyýz';
  const RU = 'абвгдежзиклмнопрстуфхцчшщэюя';

  it('runs through the 30 Turkmen letters in official order', () => {
    const labels = Array.from({ length: 30 }, (_, i) => letterLabel(i + 1, 'tk'));
    expect(labels.join('')).toBe(TK);
    expect(labels.every((l) => [...l].length === 1 && l === l.normalize('NFC'))).toBe(true);
    // The official order is the collation order (domain.md §3.1: ä after e, ž after j, ň after n, ý after y).
    expect([...labels].sort(new Intl.Collator('tk').compare)).toEqual(labels);
    for (const foreign of 'cqvx') expect(labels).not.toContain(foreign);
  });

  it('runs through 28 Russian letters, skipping ё й ъ ы ь', () => {
    const labels = Array.from({ length: 28 }, (_, i) => letterLabel(i + 1, 'ru'));
    expect(labels.join('')).toBe(RU);
    for (const skipped of 'ёйъыь') expect(labels).not.toContain(skipped);
  });

  const cases: Array<[number, 'tk' | 'ru', string]> = [
    [1, 'tk', 'a'], [2, 'tk', 'b'], [3, 'tk', 'ç'], [4, 'tk', 'd'], [6, 'tk', 'ä'], [12, 'tk', 'ž'],
    [17, 'tk', 'ň'], [19, 'tk', 'ö'], [23, 'tk', 'ş'], [26, 'tk', 'ü'], [27, 'tk', 'w'], [29, 'tk', 'ý'],
    [30, 'tk', 'z'], [31, 'tk', 'aa'], [32, 'tk', 'bb'], [33, 'tk', 'çç'], [60, 'tk', 'zz'], [61, 'tk', 'aaa'],
    [1, 'ru', 'а'], [3, 'ru', 'в'], [9, 'ru', 'и'], [10, 'ru', 'к'], [25, 'ru', 'щ'], [26, 'ru', 'э'],
    [28, 'ru', 'я'], [29, 'ru', 'аа'], [30, 'ru', 'бб'], [56, 'ru', 'яя'], [57, 'ru', 'ааа'],
  ];
  it.each(cases)('%i (%s) → %s', (index, lang, label) => {
    expect(letterLabel(index, lang)).toBe(label);
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects index %s', (index) => {
    expect(() => letterLabel(index, 'tk')).toThrow(RangeError);
  });

  it('rejects an unknown language', () => {
    expect(() => letterLabel(1, 'en' as never)).toThrow(RangeError);
  });
});

describe('formatDate', () => {
  it('gives the four forms of 18 December 2021 in both languages', () => {
    expect(formatDate('2021-12-18', 'tk', 'locative')).toBe(`2021-nji ýylyň 18-nji${NB}dekabrynda`);
    expect(formatDate('2021-12-18', 'tk', 'possessive')).toBe(`2021-nji ýylyň 18-nji${NB}dekabry`);
    expect(formatDate('2021-12-18', 'tk', 'short')).toBe(`18.12.2021${NB}ý.`);
    expect(formatDate('2021-12-18', 'tk', 'quoted')).toBe(`«18»${NB}dekabr 2021${NB}ý.`);
    expect(formatDate('2021-12-18', 'ru', 'locative')).toBe(`18${NB}декабря 2021${NB}года`);
    expect(formatDate('2021-12-18', 'ru', 'possessive')).toBe(`18${NB}декабря 2021${NB}года`);
    expect(formatDate('2021-12-18', 'ru', 'short')).toBe('18.12.2021');
    expect(formatDate('2021-12-18', 'ru', 'quoted')).toBe(`«18»${NB}декабря 2021${NB}г.`);
  });

  // Attested in the acts of domain.md §2.2.
  const attested: Array<[string, 'locative' | 'possessive' | 'quoted' | 'short', string]> = [
    ['2020-04-15', 'locative', `2020-nji ýylyň 15-nji${NB}aprelinde`],
    ['2020-10-14', 'locative', `2020-nji ýylyň 14-nji${NB}oktýabrynda`],
    ['2020-07-24', 'possessive', `2020-nji ýylyň 24-nji${NB}iýuly`],
    ['2020-04-15', 'quoted', `«15»${NB}aprel 2020${NB}ý.`],
    ['2020-04-27', 'short', `27.04.2020${NB}ý.`],
    ['2019-06-26', 'locative', `2019-njy ýylyň 26-njy${NB}iýunynda`],
    ['2009-06-09', 'possessive', `2009-njy ýylyň 9-njy${NB}iýuny`],
    ['2010-02-16', 'locative', `2010-njy ýylyň 16-njy${NB}fewralynda`],
    ['2000-05-30', 'locative', `2000-nji ýylyň 30-njy${NB}maýynda`],
  ];
  it.each(attested)('tk %s %s', (iso, form, expected) => {
    expect(show(formatDate(iso, 'tk', form))).toBe(show(expected));
  });

  const months: Array<[number, string, string, string, string]> = [
    [1, 'ýanwar', 'ýanwary', 'ýanwarynda', 'января'],
    [2, 'fewral', 'fewraly', 'fewralynda', 'февраля'],
    [3, 'mart', 'marty', 'martynda', 'марта'],
    [4, 'aprel', 'apreli', 'aprelinde', 'апреля'],
    [5, 'maý', 'maýy', 'maýynda', 'мая'],
    [6, 'iýun', 'iýuny', 'iýunynda', 'июня'],
    [7, 'iýul', 'iýuly', 'iýulynda', 'июля'],
    [8, 'awgust', 'awgusty', 'awgustynda', 'августа'],
    [9, 'sentýabr', 'sentýabry', 'sentýabrynda', 'сентября'],
    [10, 'oktýabr', 'oktýabry', 'oktýabrynda', 'октября'],
    [11, 'noýabr', 'noýabry', 'noýabrynda', 'ноября'],
    [12, 'dekabr', 'dekabry', 'dekabrynda', 'декабря'],
  ];
  it.each(months)('month %i: %s / %s / %s / %s', (month, nom, poss, loc, gen) => {
    const mm = String(month).padStart(2, '0');
    const iso = `2022-${mm}-05`;
    expect(formatDate(iso, 'tk', 'locative')).toBe(`2022-nji ýylyň 5-nji${NB}${loc}`);
    expect(formatDate(iso, 'tk', 'possessive')).toBe(`2022-nji ýylyň 5-nji${NB}${poss}`);
    expect(formatDate(iso, 'tk', 'quoted')).toBe(`«5»${NB}${nom} 2022${NB}ý.`);
    expect(formatDate(iso, 'tk', 'short')).toBe(`05.${mm}.2022${NB}ý.`);
    expect(formatDate(iso, 'ru', 'locative')).toBe(`5${NB}${gen} 2022${NB}года`);
    expect(formatDate(iso, 'ru', 'possessive')).toBe(`5${NB}${gen} 2022${NB}года`);
    expect(formatDate(iso, 'ru', 'quoted')).toBe(`«5»${NB}${gen} 2022${NB}г.`);
    expect(formatDate(iso, 'ru', 'short')).toBe(`05.${mm}.2022`);
  });

  it('puts the day suffix and year suffix by harmony for every day of a year', () => {
    for (let day = 1; day <= 31; day++) {
      const text = formatDate(`2016-01-${String(day).padStart(2, '0')}`, 'tk', 'locative');
      expect(text).toBe(`2016-njy ýylyň ${day}-${tkOrdinalSuffix(day)}${NB}ýanwarynda`);
    }
  });

  it('uses U+00A0 exactly where a line must not break, and ordinary spaces elsewhere', () => {
    for (const lang of ['tk', 'ru'] as const) {
      for (const form of ['locative', 'possessive', 'short', 'quoted'] as const) {
        const text = formatDate('2021-12-18', lang, form);
        expect(text).not.toMatch(/\s{2}/u);
        expect(text).not.toMatch(/[\u202F\u2009]/u);
        expect(text).toBe(text.normalize('NFC'));
      }
    }
    // The year and its ordinal word stay separable: "2021-nji ýylyň" has an ordinary space.
    expect(formatDate('2021-12-18', 'tk', 'locative').startsWith('2021-nji ýylyň ')).toBe(true);
  });

  it('accepts leap days', () => {
    expect(formatDate('2020-02-29', 'ru', 'short')).toBe('29.02.2020');
    expect(formatDate('2000-02-29', 'tk', 'possessive')).toBe(`2000-nji ýylyň 29-njy${NB}fewraly`);
  });

  it.each([
    '2021-02-29', '1900-02-29', '2021-04-31', '2021-06-31', '2021-13-01', '2021-00-10', '2021-12-00',
    '2021-12-32', '0000-01-01', '2021-4-5', '21-12-18', '18.12.2021', '2021-12-18T00:00:00Z', ' 2021-12-18',
    '', 'abcd-ef-gh',
  ])('rejects %j', (iso) => {
    expect(() => formatDate(iso, 'tk', 'locative')).toThrow(RangeError);
    expect(() => formatDate(iso, 'ru', 'short')).toThrow(RangeError);
  });

  it('rejects an unknown form or language', () => {
    expect(() => formatDate('2021-12-18', 'tk', 'long' as never)).toThrow(RangeError);
    expect(() => formatDate('2021-12-18', 'en' as never, 'short')).toThrow(RangeError);
  });
});

describe('numberWords', () => {
  const tk: Array<[number, string]> = [
    [0, 'nol'], [1, 'bir'], [2, 'iki'], [3, 'üç'], [4, 'dört'], [5, 'bäş'], [6, 'alty'], [7, 'ýedi'],
    [8, 'sekiz'], [9, 'dokuz'], [10, 'on'], [11, 'on bir'], [16, 'on alty'], [19, 'on dokuz'],
    [20, 'ýigrimi'], [25, 'ýigrimi bäş'], [30, 'otuz'], [40, 'kyrk'], [50, 'elli'], [60, 'altmyş'],
    [70, 'ýetmiş'], [80, 'segsen'], [90, 'togsan'], [99, 'togsan dokuz'], [100, 'ýüz'], [101, 'ýüz bir'],
    [200, 'iki ýüz'], [250, 'iki ýüz elli'], [999, 'dokuz ýüz togsan dokuz'], [1000, 'bir müň'],
    [1250, 'bir müň iki ýüz elli'], [2000, 'iki müň'], [2021, 'iki müň ýigrimi bir'], [10_000, 'on müň'],
    [100_000, 'ýüz müň'], [345_678, 'üç ýüz kyrk bäş müň alty ýüz ýetmiş sekiz'], [1_000_000, 'bir million'],
    [2_500_000, 'iki million bäş ýüz müň'], [1_000_001, 'bir million bir'],
    [999_999_999, 'dokuz ýüz togsan dokuz million dokuz ýüz togsan dokuz müň dokuz ýüz togsan dokuz'],
  ];
  it.each(tk)('tk %i → %s', (n, words) => {
    expect(numberWords(n, 'tk')).toBe(words);
  });

  const ru: Array<[number, string]> = [
    [0, 'ноль'], [1, 'один'], [2, 'два'], [3, 'три'], [4, 'четыре'], [5, 'пять'], [10, 'десять'],
    [11, 'одиннадцать'], [12, 'двенадцать'], [14, 'четырнадцать'], [19, 'девятнадцать'], [20, 'двадцать'],
    [21, 'двадцать один'], [40, 'сорок'], [72, 'семьдесят два'], [90, 'девяносто'], [100, 'сто'],
    [101, 'сто один'], [111, 'сто одиннадцать'], [200, 'двести'], [345, 'триста сорок пять'],
    [999, 'девятьсот девяносто девять'], [1000, 'одна тысяча'], [1001, 'одна тысяча один'],
    [2000, 'две тысячи'], [3000, 'три тысячи'], [4000, 'четыре тысячи'], [5000, 'пять тысяч'],
    [11_000, 'одиннадцать тысяч'], [12_000, 'двенадцать тысяч'], [21_000, 'двадцать одна тысяча'],
    [22_000, 'двадцать две тысячи'], [25_000, 'двадцать пять тысяч'], [111_000, 'сто одиннадцать тысяч'],
    [1250, 'одна тысяча двести пятьдесят'], [2021, 'две тысячи двадцать один'],
    [1_000_000, 'один миллион'], [2_000_000, 'два миллиона'], [5_000_000, 'пять миллионов'],
    [11_000_000, 'одиннадцать миллионов'], [21_000_000, 'двадцать один миллион'],
    [1_002_000, 'один миллион две тысячи'],
    [999_999_999, 'девятьсот девяносто девять миллионов девятьсот девяносто девять тысяч девятьсот девяносто девять'],
  ];
  it.each(ru)('ru %i → %s', (n, words) => {
    expect(numberWords(n, 'ru')).toBe(words);
  });

  it('uses only the Turkmen number vocabulary, single-spaced, in NFC', () => {
    const vocabulary = new Set(
      'nol bir iki üç dört bäş alty ýedi sekiz dokuz on ýigrimi otuz kyrk elli altmyş ýetmiş segsen togsan ýüz müň million'.split(' '),
    );
    for (let n = 0; n <= 30_000; n += 7) {
      for (const lang of ['tk', 'ru'] as const) {
        const words = numberWords(n, lang);
        expect(words).toMatch(/^\S+(?: \S+)*$/u);
        expect(words).toBe(words.normalize('NFC'));
        if (lang === 'tk') for (const w of words.split(' ')) expect(vocabulary.has(w)).toBe(true);
      }
    }
  });

  it.each([-1, 1_000_000_000, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects %s', (n) => {
    expect(() => numberWords(n, 'tk')).toThrow(RangeError);
    expect(() => numberWords(n, 'ru')).toThrow(RangeError);
  });
});

describe('applyTypography', () => {
  type Row = [rule: string, lang: 'tk' | 'ru', input: string, expected: string];
  const rows: Row[] = [
    // Rule 1: "№" — a space is replaced, a missing one inserted.
    ['№', 'tk', 'çykaran № 45-Ö belgili buýrugy', `çykaran №${NB}45-Ö belgili buýrugy`],
    ['№', 'tk', '№45', `№${NB}45`],
    ['№', 'tk', '«№133-iş»', `«№${NB}133-iş»`],
    ['№', 'tk', '2017 ý., № 3, 96-njy madda', `2017${NB}ý., №${NB}3, 96-njy madda`],
    ['№', 'ru', '№ 434-VI', `№${NB}434-VI`],
    ['№', 'ru', '(приложение № 2)', `(приложение №${NB}2)`],
    ['№', 'ru', 'от 05.06.2016 № 253', `от 05.06.2016 №${NB}253`],
    ['№', 'ru', '№№ 1, 2', `№№${NB}1, 2`],
    ['№', 'ru', `№${NB}45`, `№${NB}45`],
    ['№', 'ru', '№\n45', '№\n45'],
    ['№', 'ru', '№  45', '№  45'],
    ['№', 'ru', 'знак №', 'знак №'],
    // Rule 2: spaced percent.
    ['%', 'tk', '25 %', `25${NB}%`],
    ['%', 'tk', '25%', '25%'],
    ['%', 'ru', 'не менее 2,5 % получателей', `не менее 2,5${NB}% получателей`],
    ['%', 'tk', 'bäş %', 'bäş %'],
    // Rule 3, Turkmen units.
    ['unit', 'tk', '2021 ý.', `2021${NB}ý.`],
    ['unit', 'tk', '18.12.2021 ý.', `18.12.2021${NB}ý.`],
    ['unit', 'tk', '2020–2025 ý. üçin', `2020–2025${NB}ý. üçin`],
    ['unit', 'tk', '3 ýyl', `3${NB}ýyl`],
    ['unit', 'tk', '5 ýylyň dowamynda', `5${NB}ýylyň dowamynda`],
    ['unit', 'tk', '2 ýylda bir gezek', `2${NB}ýylda bir gezek`],
    ['unit', 'tk', '3 ýyllyk meýilnama', `3${NB}ýyllyk meýilnama`],
    ['unit', 'tk', '100 manat', `100${NB}manat`],
    ['unit', 'tk', '100 manatdan az däl', `100${NB}manatdan az däl`],
    ['unit', 'tk', '1 250 manady', `1 250${NB}manady`],
    ['unit', 'tk', '10 gün', `10${NB}gün`],
    ['unit', 'tk', '3 günüň içinde', `3${NB}günüň içinde`],
    ['unit', 'tk', '10 iş gününiň dowamynda', `10${NB}iş gününiň dowamynda`],
    ['unit', 'tk', '10 (on) iş gününiň dowamynda', `10${NB}(on)${NB}iş gününiň dowamynda`],
    ['unit', 'tk', '25 (ýigrimi bäş) manat', `25${NB}(ýigrimi bäş)${NB}manat`],
    ['unit', 'tk', '24 sagat', `24${NB}sagat`],
    ['unit', 'tk', '72 sagadyň dowamynda', `72${NB}sagadyň dowamynda`],
    ['unit', 'tk', '2,5 sagat', `2,5${NB}sagat`],
    ['unit', 'tk', '6 aý', `6${NB}aý`],
    ['unit', 'tk', '6 aýyň dowamynda', `6${NB}aýyň dowamynda`],
    ['unit', 'tk', '12 aýlap', `12${NB}aýlap`],
    ['unit', 'tk', '2021 Ý.', `2021${NB}Ý.`],
    // Rule 3, not units: unrelated words sharing a stem, ordinals, glued numbers, the other language.
    ['not unit', 'tk', '5 aýal', '5 aýal'],
    ['not unit', 'tk', '2 işgär', '2 işgär'],
    ['not unit', 'tk', '3 ýyldyz', '3 ýyldyz'],
    ['not unit', 'tk', '4 aýratyn topar', '4 aýratyn topar'],
    ['not unit', 'tk', '2021-nji ýylyň', '2021-nji ýylyň'],
    ['not unit', 'tk', 'A4 manat', 'A4 manat'],
    ['not unit', 'tk', '25 adam', '25 adam'],
    ['not unit', 'tk', '10 лет', '10 лет'],
    ['not unit', 'tk', '10\nmanat', '10\nmanat'],
    ['not unit', 'tk', '10  manat', '10  manat'],
    // Rule 3, Russian units.
    ['unit', 'ru', '2021 г.', `2021${NB}г.`],
    ['unit', 'ru', '2020–2021 гг.', `2020–2021${NB}гг.`],
    ['unit', 'ru', '18 декабря 2021 года', `18 декабря 2021${NB}года`],
    ['unit', 'ru', 'в 2021 году', `в 2021${NB}году`],
    ['unit', 'ru', 'на 1 год', `на 1${NB}год`],
    ['unit', 'ru', 'старше 60 лет', `старше 60${NB}лет`],
    ['unit', 'ru', '100 манат', `100${NB}манат`],
    ['unit', 'ru', '5 дней', `5${NB}дней`],
    ['unit', 'ru', '2 дня', `2${NB}дня`],
    ['unit', 'ru', '1 день', `1${NB}день`],
    ['unit', 'ru', '10 рабочих дней', `10${NB}рабочих дней`],
    ['unit', 'ru', '10 (десять) рабочих дней', `10${NB}(десять)${NB}рабочих дней`],
    ['unit', 'ru', '5 часов', `5${NB}часов`],
    ['unit', 'ru', '24 часа', `24${NB}часа`],
    ['unit', 'ru', '6 месяцев', `6${NB}месяцев`],
    ['unit', 'ru', '3 месяца', `3${NB}месяца`],
    ['not unit', 'ru', '10 летчиков', '10 летчиков'],
    ['not unit', 'ru', '2 городах', '2 городах'],
    ['not unit', 'ru', '5 человек', '5 человек'],
    ['not unit', 'ru', '5 manat', '5 manat'],
    ['not unit', 'ru', '2021-го года', '2021-го года'],
    // Rule 4: initials and surname.
    ['initials', 'tk', 'Ministr M. Sylapow', `Ministr M.${NB}Sylapow`],
    ['initials', 'tk', 'E.O. Familiýa', `E.O.${NB}Familiýa`],
    ['initials', 'tk', 'Ş. Öwezow', `Ş.${NB}Öwezow`],
    ['initials', 'tk', 'Ý.Ä. Çaryýewa', `Ý.Ä.${NB}Çaryýewa`],
    ['initials', 'tk', 'Ž. Žumaýew we Ň. Ňazarow', `Ž.${NB}Žumaýew we Ň.${NB}Ňazarow`],
    ['initials', 'ru', 'И.О. Фамилия', `И.О.${NB}Фамилия`],
    ['initials', 'ru', 'И. О. Фамилия', `И.${NB}О.${NB}Фамилия`],
    ['initials', 'ru', 'Ё. Ёлкин', `Ё.${NB}Ёлкин`],
    ['not initials', 'tk', 'orunbasary H.Familiýa gözegçilik', 'orunbasary H.Familiýa gözegçilik'],
    ['not initials', 'tk', 'M. SYLAPOW', 'M. SYLAPOW'],
    ['not initials', 'tk', 'I bap. Umumy düzgünler', 'I bap. Umumy düzgünler'],
    ['not initials', 'tk', '2021 ý. Soňra', `2021${NB}ý. Soňra`],
    ['not initials', 'ru', 'т. е. Иванов', 'т. е. Иванов'],
    ['not initials', 'ru', 'М. и', 'М. и'],
    // Rule 5: "§".
    ['§', 'ru', '§ 5', `§${NB}5`],
    ['§', 'ru', '§§ 5–7', `§§${NB}5–7`],
    ['§', 'ru', '§5', '§5'],
    ['§', 'ru', '§ a', '§ a'],
    // Combined.
    [
      'all',
      'tk',
      'Şu buýrugyň ýerine ýetirilişine ministriň orunbasary M. Sylapow gözegçilik etmeli. Ýygyndy, 2020 ý., №3; 10 (on) iş gününiň dowamynda 25 % çenli.',
      `Şu buýrugyň ýerine ýetirilişine ministriň orunbasary M.${NB}Sylapow gözegçilik etmeli. Ýygyndy, 2020${NB}ý., №${NB}3; 10${NB}(on)${NB}iş gününiň dowamynda 25${NB}% çenli.`,
    ],
    [
      'all',
      'ru',
      'УТВЕРЖДЕНО приказом от 15 апреля 2020 г. № 45-Ö; И.О. Фамилия; § 2; 10 (десять) рабочих дней; 25 %.',
      `УТВЕРЖДЕНО приказом от 15 апреля 2020${NB}г. №${NB}45-Ö; И.О.${NB}Фамилия; §${NB}2; 10${NB}(десять)${NB}рабочих дней; 25${NB}%.`,
    ],
  ];

  it.each(rows)('%s (%s): %j', (_rule, lang, input, expected) => {
    expect(show(applyTypography(input, lang))).toBe(show(expected));
  });

  it('also works on text in NFD (ý = y + U+0301, й = и + U+0306, Ş = S + U+0327)', () => {
    const nfd = (s: string) => s.normalize('NFD');
    expect(applyTypography(nfd('2021 ý.'), 'tk')).toBe(nfd(`2021${NB}ý.`));
    expect(applyTypography(nfd('5 ýylyň'), 'tk')).toBe(nfd(`5${NB}ýylyň`));
    expect(applyTypography(nfd('Ş. Öwezow'), 'tk')).toBe(nfd(`Ş.${NB}Öwezow`));
    expect(applyTypography(nfd('5 дней'), 'ru')).toBe(nfd(`5${NB}дней`));
    expect(applyTypography(nfd('1 рабочий день'), 'ru')).toBe(nfd(`1${NB}рабочий день`));
  });

  /** The text with U+00A0 read as a space and "№" as always followed by one: what must be unchanged. */
  const skeleton = (s: string): string => s.replace(/№(?=[\p{L}\p{N}])/gu, '№ ').replace(/\u00A0/g, ' ');
  const insertions = (s: string): number => [...s.matchAll(/№(?=[\p{L}\p{N}])/gu)].length;

  function checkInvariants(input: string, lang: 'tk' | 'ru'): void {
    const out = applyTypography(input, lang);
    // Idempotent.
    expect(show(applyTypography(out, lang))).toBe(show(out));
    // Letters, digits and punctuation untouched; only spaces became U+00A0, plus one per "№" glued to its number.
    expect(skeleton(out)).toBe(skeleton(input));
    expect(out.length - input.length).toBe(insertions(input));
    for (let i = 0, j = 0; i < input.length; i++, j++) {
      if (input[i] === '№' && /[\p{L}\p{N}]/u.test(input[i + 1] ?? '')) {
        expect(out.slice(j, j + 2)).toBe(`№${NB}`);
        j++;
        continue;
      }
      if (out[j] !== input[i]) expect([input[i], out[j]]).toEqual([' ', NB]);
    }
  }

  it('keeps the invariants on every table row, in both languages', () => {
    for (const [, , input] of rows) {
      checkInvariants(input, 'tk');
      checkInvariants(input, 'ru');
    }
  });

  it('keeps the invariants on generated text', () => {
    const tokens = [
      '2021', '25', '10', '2,5', '18.12.2021', ' ', ' ', ' ', NB, '\n', '№', '%', '§', 'ý.', 'г.', 'M.', 'И.', 'О.',
      'Sylapow', 'Фамилия', 'manat', 'iş', 'gün', 'ýyl', 'aý', 'aýal', '(on)', '(десять)', 'лет', 'рабочих',
      'года', '-nji', 'ä', 'ç', 'ň', 'ö', 'ş', 'ü', 'ž', 'Ý', '.', ',', ')', '(', 'y\u0301', 'A',
    ];
    let seed = 20211218;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let k = 0; k < 3000; k++) {
      let text = '';
      const length = 1 + Math.floor(random() * 12);
      for (let t = 0; t < length; t++) text += tokens[Math.floor(random() * tokens.length)];
      checkInvariants(text, k % 2 === 0 ? 'tk' : 'ru');
    }
  });

  it('leaves the output of formatDate as it is', () => {
    for (const iso of ['2021-12-18', '2020-04-15', '2019-06-26', '2000-01-01', '1996-09-30']) {
      for (const lang of ['tk', 'ru'] as const) {
        for (const form of ['locative', 'possessive', 'short', 'quoted'] as const) {
          const date = formatDate(iso, lang, form);
          expect(show(applyTypography(date, lang))).toBe(show(date));
          expect(show(applyTypography(`${date} №45`, lang))).toBe(show(`${date} №${NB}45`));
        }
      }
    }
  });

  it('leaves text without any of its triggers byte-identical', () => {
    const plain = 'Türkmenistanyň Zähmet we ilaty durmuş taýdan goramak ministrligi; ŽžŇňŞşÝýÄäÇçÖöÜü — «УТВЕРЖДАЮ» ЁёЙй';
    expect(applyTypography(plain, 'tk')).toBe(plain);
    expect(applyTypography(plain, 'ru')).toBe(plain);
  });

  it('rejects an unknown language', () => {
    expect(() => applyTypography('2021 ý.', 'en' as never)).toThrow(RangeError);
  });
});
