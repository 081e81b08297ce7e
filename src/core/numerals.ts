/**
 * Numerals shared by validation (Turkmen ordinal suffixes in the text), the resolve stage (labels,
 * numbers in words) and the DOCX renderer (replaying Word's numbering).
 */
import type { Lang } from './types.js';

const ROMAN_STEPS: ReadonlyArray<readonly [number, string]> = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** Upper-case Roman numeral with subtractive notation (IV, not IIII), 1..3999: chapters "II bap.", "Глава II.". */
export function romanNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) {
    throw new RangeError(`romanNumeral: expected an integer in 1..3999, got ${n}`);
  }
  let rest = n;
  let out = '';
  for (const [value, symbol] of ROMAN_STEPS) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

function assertLang(lang: Lang): void {
  if (lang !== 'tk' && lang !== 'ru') throw new RangeError(`Unknown language: ${String(lang)}`);
}

// ---------------------------------------------------------------------------------------------
// Numbers in words
// ---------------------------------------------------------------------------------------------

const TK_UNITS = ['', 'bir', 'iki', 'üç', 'dört', 'bäş', 'alty', 'ýedi', 'sekiz', 'dokuz'] as const;
const TK_TENS = ['', 'on', 'ýigrimi', 'otuz', 'kyrk', 'elli', 'altmyş', 'ýetmiş', 'segsen', 'togsan'] as const;
/** Scale words of the 3-digit groups, from the thousands up (index 1 = müň, 2 = million, 3 = milliard…). */
const TK_SCALES = ['', 'müň', 'million', 'milliard', 'trillion', 'kwadrillion', 'kwintillion'] as const;
const TK_HUNDRED = 'ýüz';
const TK_ZERO = 'nol';

const RU_UNITS_M = ['', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'] as const;
/** Тысяча is feminine: одна тысяча, две тысячи. */
const RU_UNITS_F = ['', 'одна', 'две', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'] as const;
const RU_TEENS = [
  'десять', 'одиннадцать', 'двенадцать', 'тринадцать', 'четырнадцать',
  'пятнадцать', 'шестнадцать', 'семнадцать', 'восемнадцать', 'девятнадцать',
] as const;
const RU_TENS = ['', '', 'двадцать', 'тридцать', 'сорок', 'пятьдесят', 'шестьдесят', 'семьдесят', 'восемьдесят', 'девяносто'] as const;
const RU_HUNDREDS = ['', 'сто', 'двести', 'триста', 'четыреста', 'пятьсот', 'шестьсот', 'семьсот', 'восемьсот', 'девятьсот'] as const;
/** [one, few (2–4), many (5–20, 0)] forms of the scale nouns. */
const RU_SCALES: ReadonlyArray<readonly [string, string, string] | null> = [
  null,
  ['тысяча', 'тысячи', 'тысяч'],
  ['миллион', 'миллиона', 'миллионов'],
];

const MAX_WORDS = 999_999_999;

function digitsOf(n: number): [hundreds: number, tens: number, units: number] {
  return [Math.floor(n / 100), Math.floor(n / 10) % 10, n % 10];
}

/** 1..999 in Turkmen. 100 is "ýüz", not "bir ýüz": the hundred takes "bir" only in amounts read digit by digit. */
function tkGroup(n: number): string[] {
  const [h, t, u] = digitsOf(n);
  const words: string[] = [];
  if (h > 0) {
    if (h > 1) words.push(TK_UNITS[h] as string);
    words.push(TK_HUNDRED);
  }
  if (t > 0) words.push(TK_TENS[t] as string);
  if (u > 0) words.push(TK_UNITS[u] as string);
  return words;
}

function ruGroup(n: number, feminine: boolean): string[] {
  const [h, t, u] = digitsOf(n);
  const words: string[] = [];
  if (h > 0) words.push(RU_HUNDREDS[h] as string);
  if (t === 1) {
    words.push(RU_TEENS[u] as string);
    return words;
  }
  if (t > 1) words.push(RU_TENS[t] as string);
  if (u > 0) words.push((feminine ? RU_UNITS_F : RU_UNITS_M)[u] as string);
  return words;
}

/** Russian plural class of a count: 1 → one, 2–4 → few, else many (11–14 are "many"). */
function ruPluralIndex(n: number): 0 | 1 | 2 {
  const mod100 = n % 100;
  const mod10 = n % 10;
  if (mod100 >= 11 && mod100 <= 14) return 2;
  if (mod10 === 1) return 0;
  if (mod10 >= 2 && mod10 <= 4) return 1;
  return 2;
}

/** The 3-digit groups of n, least significant first. */
function groupsOf(n: number): number[] {
  const groups: number[] = [];
  let rest = n;
  do {
    groups.push(rest % 1000);
    rest = Math.floor(rest / 1000);
  } while (rest > 0);
  return groups;
}

/**
 * Cardinal number in words, as written in parentheses after the digits in legal texts:
 * "10 (on) iş güni", «10 (десять) рабочих дней» (domain.md §2.2).
 *
 * - Turkmen: "bir müň iki ýüz elli" (1 000 takes "bir", 100 does not), "bir million".
 * - Russian: nominative, masculine ("двадцать один"); тысяча is feminine ("одна тысяча",
 *   "две тысячи", "пять тысяч"); "один миллион", "два миллиона", "пять миллионов".
 *
 * Range 0..999 999 999; zero is "nol" / "ноль".
 */
export function numberWords(n: number, lang: Lang): string {
  assertLang(lang);
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_WORDS) {
    throw new RangeError(`numberWords: expected an integer in 0..${MAX_WORDS}, got ${n}`);
  }
  if (n === 0) return lang === 'tk' ? TK_ZERO : 'ноль';
  const groups = groupsOf(n);
  const words: string[] = [];
  for (let g = groups.length - 1; g >= 0; g--) {
    const value = groups[g] as number;
    if (value === 0) continue;
    if (lang === 'tk') {
      words.push(...tkGroup(value));
      if (g > 0) words.push(TK_SCALES[g] as string);
    } else {
      words.push(...ruGroup(value, g === 1));
      const scale = RU_SCALES[g];
      if (scale) words.push(scale[ruPluralIndex(value)]);
    }
  }
  return words.join(' ');
}

// ---------------------------------------------------------------------------------------------
// Turkmen ordinals
// ---------------------------------------------------------------------------------------------

const TK_FRONT_VOWELS = 'eäiöü';
const TK_BACK_VOWELS = 'aouy';

/** Palatal harmony: the suffix follows the last vowel of the word (front e ä i ö ü → -nji; back a o u y → -njy). */
function harmonySuffix(word: string): 'nji' | 'njy' {
  for (let i = word.length - 1; i >= 0; i--) {
    const c = word[i] as string;
    if (TK_FRONT_VOWELS.includes(c)) return 'nji';
    if (TK_BACK_VOWELS.includes(c)) return 'njy';
  }
  throw new RangeError(`No vowel in "${word}"`);
}

/** The last word spoken when n is read out in Turkmen: "2009" → "dokuz", "2010" → "on", "2000" → "müň". */
export function tkLastSpokenWord(n: number): string {
  if (n === 0) return TK_ZERO;
  const groups = groupsOf(n);
  const g = groups.findIndex((v) => v !== 0);
  if (g > 0) return TK_SCALES[Math.min(g, TK_SCALES.length - 1)] as string;
  return tkGroup(groups[0] as number).at(-1) as string;
}

/**
 * The Turkmen ordinal suffix of n ("1-nji", "6-njy"), written after a hyphen: vowel harmony of
 * the last spoken word of the number (domain.md §2.3). That word is the units word if the units
 * digit is not 0, else the tens word, else "ýüz" (front → -nji), else "müň" (front → -nji);
 * "million" and above are back-vowelled (-njy), as is "nol" (0).
 *
 * The suffix is derived from the words themselves (the tables used by numberWords), not from a
 * second hand-made table, so the two cannot drift apart.
 */
export function tkOrdinalSuffix(n: number): 'nji' | 'njy' {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`tkOrdinalSuffix: expected a non-negative integer, got ${n}`);
  }
  return harmonySuffix(tkLastSpokenWord(n));
}
