/**
 * Official typography of Turkmen and Russian regulatory texts (domain.md §2.1, §2.3, §2.4, §3):
 * Turkmen ordinal suffixes by vowel harmony, legal date forms, Roman numerals, lettered items,
 * numbers in words ("10 (on)", "10 (десять)") and the non-breaking spaces that official texts
 * require. Pure functions: no I/O, no state, no dependencies beyond the language itself.
 *
 * Every function throws a RangeError on input it cannot render faithfully (a negative number, an
 * impossible date): a wrong legal number or date must stop the build, not be printed.
 */
import { numberWords, romanNumeral, tkOrdinalSuffix } from '../core/numerals.js';
import type { Lang } from '../core/types.js';

const NBSP = '\u00A0';

function assertLang(lang: Lang): void {
  if (lang !== 'tk' && lang !== 'ru') throw new RangeError(`Unknown language: ${String(lang)}`);
}

export { numberWords, romanNumeral, tkOrdinalSuffix };


const ROMAN = /^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
const NUMBER_PATH = /^\d+(?:\.\d+)*$/;

/**
 * A clause label as a Turkmen ordinal: "6" → "6-njy", "2.3" → "2.3-nji", "2.1.6" → "2.1.6-njy"
 * ("2.3-nji bentde" = "in point 2.3"). The suffix agrees with the last number of the path, since
 * that is the last word spoken.
 *
 * - A trailing delimiter "." or ")" is dropped first: "2.3." → "2.3-nji", "5)" → "5-nji".
 * - Upper-case Roman numerals ("IV", chapter numbers) are returned as they are (after the
 *   delimiter is dropped): Turkmen writes "IV bap", not "IV-nji bap".
 * - A label that already carries a suffix gets it recomputed ("2.3-njy" → "2.3-nji"), so the
 *   function is idempotent and corrects a wrong hand-typed suffix.
 * - Anything else (letters, "2.x", empty) throws: it is not an ordinal, and guessing would print a
 *   wrong legal reference.
 */
export function tkOrdinal(label: string): string {
  let core = label.trim().replace(/[.)]$/u, '');
  core = core.replace(/-nj[iy]$/u, '');
  if (core !== '' && ROMAN.test(core)) return core;
  if (!NUMBER_PATH.test(core)) throw new RangeError(`tkOrdinal: not a number label: "${label}"`);
  const last = Number(core.slice(core.lastIndexOf('.') + 1));
  return `${core}-${tkOrdinalSuffix(last)}`;
}

// ---------------------------------------------------------------------------------------------
// Roman numerals and letters
// ---------------------------------------------------------------------------------------------



/** The 30 letters of the Turkmen Latin alphabet in official order (domain.md §3.1). */
const TK_LETTERS = [...'abçdeäfghijžklmnňoöprsştuüwyýz'];
/**
 * Russian letters for lettered items: the alphabet without ё й ъ ы ь, which legal practice skips
 * (ё and й are confusable with е and и; ъ ы ь never begin a word). GOST 2.105 additionally skips
 * з о ч for technical documents; that variant is not used for legal acts.
 */
const RU_LETTERS = [...'абвгдежзиклмнопрстуфхцчшщэюя'];

/**
 * The letter of the index-th lettered item (1-based), without its delimiter: tk a b ç d e ä …,
 * ru а б в г д е ж з и к …
 *
 * Beyond the alphabet the letter is repeated: the 31st Turkmen item is "aa", the 32nd "bb", the
 * 61st "aaa" (the Russian list has 28 letters: 29th "аа"). Legal texts never get that far; the
 * doubled form is the convention of lettered lists in office software, and it keeps every label a
 * single repeated letter of the document's own alphabet.
 */
export function letterLabel(index: number, lang: Lang): string {
  assertLang(lang);
  if (!Number.isSafeInteger(index) || index < 1) {
    throw new RangeError(`letterLabel: expected a 1-based integer index, got ${index}`);
  }
  const letters = lang === 'tk' ? TK_LETTERS : RU_LETTERS;
  const letter = letters[(index - 1) % letters.length] as string;
  return letter.repeat(Math.ceil(index / letters.length));
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

/** Turkmen month names: nominative, possessive (3rd person), locative (domain.md §2.3). */
const TK_MONTHS: ReadonlyArray<readonly [nominative: string, possessive: string, locative: string]> = [
  ['ýanwar', 'ýanwary', 'ýanwarynda'],
  ['fewral', 'fewraly', 'fewralynda'],
  ['mart', 'marty', 'martynda'],
  // The only front-vowelled month: apreli, aprelinde.
  ['aprel', 'apreli', 'aprelinde'],
  ['maý', 'maýy', 'maýynda'],
  ['iýun', 'iýuny', 'iýunynda'],
  ['iýul', 'iýuly', 'iýulynda'],
  ['awgust', 'awgusty', 'awgustynda'],
  ['sentýabr', 'sentýabry', 'sentýabrynda'],
  ['oktýabr', 'oktýabry', 'oktýabrynda'],
  ['noýabr', 'noýabry', 'noýabrynda'],
  ['dekabr', 'dekabry', 'dekabrynda'],
];

/** Russian month names in the genitive, as dates require ("18 декабря"). */
const RU_MONTHS_GENITIVE = [
  'января', 'февраля', 'марта', 'апреля', 'мая', 'июня',
  'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря',
] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function parseIsoDate(iso: string): { year: number; month: number; day: number; yyyy: string; mm: string; dd: string } {
  const m = typeof iso === 'string' ? ISO_DATE.exec(iso) : null;
  if (!m) throw new RangeError(`formatDate: expected a date YYYY-MM-DD, got "${String(iso)}"`);
  const [, yyyy, mm, dd] = m as unknown as [string, string, string, string];
  const year = Number(yyyy);
  const month = Number(mm);
  const day = Number(dd);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`formatDate: no such date: "${iso}"`);
  }
  return { year, month, day, yyyy, mm, dd };
}

/**
 * A date in one of the four official forms. The space between the day and the month and the
 * space before "ý." / "г." / "года" are U+00A0: a day must not end a line apart from its month,
 * nor a year apart from its abbreviation (GOST R 7.0.97 practice, domain.md §2.1).
 *
 * | form       | tk                                  | ru                          |
 * |------------|-------------------------------------|-----------------------------|
 * | locative   | 2021-nji ýylyň 18-nji dekabrynda    | 18 декабря 2021 года        |
 * | possessive | 2021-nji ýylyň 18-nji dekabry       | 18 декабря 2021 года        |
 * | short      | 18.12.2021 ý.                       | 18.12.2021                  |
 * | quoted     | «18» dekabr 2021 ý.                 | «18» декабря 2021 г.        |
 *
 * - Turkmen running text uses the locative ("… çykaran buýrugy"), signature lines the possessive;
 *   Russian has one form for both (genitive month).
 * - The day has no leading zero in word forms ("5-nji aprelinde", «5» апреля), as in GOST's
 *   "5 июня 2016 г."; the short form pads day and month to two digits ("05.06.2016").
 * - The space between "2021-nji" and "ýylyň" stays an ordinary space.
 *
 * Throws a RangeError unless iso is a real calendar date written YYYY-MM-DD.
 */
export function formatDate(iso: string, lang: Lang, form: 'locative' | 'possessive' | 'short' | 'quoted'): string {
  assertLang(lang);
  const { year, month, day, yyyy, mm, dd } = parseIsoDate(iso);
  const tk = TK_MONTHS[month - 1] as readonly [string, string, string];
  const ru = RU_MONTHS_GENITIVE[month - 1] as string;
  switch (form) {
    case 'locative':
    case 'possessive':
      if (lang === 'ru') return `${day}${NBSP}${ru} ${year}${NBSP}года`;
      return `${year}-${tkOrdinalSuffix(year)} ýylyň ${day}-${tkOrdinalSuffix(day)}${NBSP}${form === 'locative' ? tk[2] : tk[1]}`;
    case 'short':
      return lang === 'ru' ? `${dd}.${mm}.${yyyy}` : `${dd}.${mm}.${yyyy}${NBSP}ý.`;
    case 'quoted':
      return lang === 'ru' ? `«${day}»${NBSP}${ru} ${year}${NBSP}г.` : `«${day}»${NBSP}${tk[0]} ${year}${NBSP}ý.`;
    default:
      throw new RangeError(`formatDate: unknown form "${String(form)}"`);
  }
}

// ---------------------------------------------------------------------------------------------
// Non-breaking spaces
// ---------------------------------------------------------------------------------------------

/**
 * A regex source that matches s in NFC and in NFD, so "ý" typed as "y" + U+0301 still matches.
 * Texts are normalised to NFC on read, but applyTypography must not depend on it.
 */
function bothForms(s: string): string {
  return [...s]
    .map((c) => {
      const escaped = c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const nfd = c.normalize('NFD');
      return nfd === c ? escaped : `(?:${escaped}|${nfd})`;
    })
    .join('');
}

/** Stem plus the inflected endings that occur after a number; see TK_UNIT_WORDS. */
function inflected(stem: string, endings: readonly string[]): string {
  const alternatives = [...endings].sort((a, b) => b.length - a.length).map(bothForms);
  return `${bothForms(stem)}(?:${alternatives.join('|')})?`;
}

/**
 * Turkmen words that stay with the number before them. Turkmen is agglutinative, so "ýyl" also
 * stands for "ýylda", "ýylyň", "ýyllyk"…: each stem is listed with the case, possessive and
 * derivational endings met after a number (consonant voicing t → d before a vowel: sagady,
 * manady). The endings are spelt out rather than "any letters", so that unrelated words sharing
 * the stem (aýal "woman", işgär "worker", ýyldyz "star") are not taken for units.
 */
const TK_UNIT_WORDS: readonly string[] = [
  // "2021 ý." (ýyl abbreviated): the year and its abbreviation are one unit.
  bothForms('ý.'),
  inflected('ýyl', ['y', 'yň', 'yny', 'yna', 'ynda', 'yndan', 'ynyň', 'a', 'da', 'dan', 'lap', 'lyk', 'lar', 'lary', 'laryň', 'larda', 'lardan']),
  inflected('manat', ['da', 'dan', 'lyk', 'lar']),
  inflected('manad', ['y', 'yň', 'a', 'yna', 'ynda', 'yndan', 'yny']),
  inflected('gün', ['i', 'iň', 'üň', 'ü', 'e', 'de', 'den', 'üni', 'üniň', 'ünüň', 'üne', 'ünde', 'ünden', 'lük', 'läp', 'ler', 'leri', 'leriň', 'lerde', 'lerden']),
  // "10 (on) iş güni": the number stays with "iş", which only here means "working".
  inflected('iş', []),
  inflected('sagat', ['da', 'dan', 'lyk', 'lap', 'lar']),
  inflected('sagad', ['y', 'yň', 'a', 'yna', 'ynda', 'yndan', 'yny']),
  inflected('aý', ['y', 'yň', 'yny', 'yna', 'ynda', 'yndan', 'a', 'da', 'dan', 'lap', 'lyk', 'lar', 'lary']),
];

/**
 * Russian words that stay with the number before them: the brief's list (г., года, год, лет,
 * манат, дней, дня, день, рабочих, часов, часа, месяцев, месяца) and the other case forms of the
 * same words (в 2021 году, 1 рабочий день, 1 час, 1 месяц, 2020–2021 гг.).
 */
const RU_UNIT_WORDS: readonly string[] = [
  'гг.', 'г.',
  'года', 'году', 'годом', 'годах', 'годы', 'год', 'лет',
  'манатов', 'манат',
  'дней', 'дня', 'день', 'дням', 'днях',
  'рабочих', 'рабочий', 'рабочего', 'рабочие', 'рабочим',
  'часов', 'часа', 'часу', 'час',
  'месяцев', 'месяца', 'месяцам', 'месяц',
].map(bothForms); // й is и + U+0306 in NFD

/** A space that may be replaced (U+0020) or has been (U+00A0): matching both keeps the rules idempotent. */
const GAP = '[ \\u00A0]';
/** A number: digits with decimal or date separators (25, 2,5, 18.12.2021), not glued to a word. */
const NUMBER = '(?<![\\p{L}\\p{M}\\p{N}_])[0-9]+(?:[.,][0-9]+)*';
/** The number in words that may follow it: "10 (on) iş", «10 (десять) рабочих дней». */
const IN_WORDS = '\\([\\p{L}\\p{M}]+(?:[ \\u00A0][\\p{L}\\p{M}]+)*\\)';

function unitRule(words: readonly string[]): RegExp {
  return new RegExp(`(${NUMBER})${GAP}(?:(${IN_WORDS})${GAP})?(${words.join('|')})(?![\\p{L}\\p{M}])`, 'giu');
}

const UNIT_RULES: Record<Lang, RegExp> = { tk: unitRule(TK_UNIT_WORDS), ru: unitRule(RU_UNIT_WORDS) };

/** Initials (one or more "X." with or without spaces between) followed by a capitalised surname. */
const INITIALS = /(?<![\p{L}\p{M}\p{N}.])(\p{Lu}\p{M}*\.(?:[ \u00A0]?\p{Lu}\p{M}*\.)*)[ \u00A0](?=\p{Lu}\p{M}*[\p{L}\p{M}]*\p{Ll})/gu;

/**
 * Official typography as non-breaking spaces (U+00A0), and nothing else: letters, punctuation
 * and the length of the text are kept; an ordinary space U+0020 becomes U+00A0 where a line must
 * not break. The one insertion is after "№" (see rule 1). Line breaks, tabs and runs of several
 * spaces are left as they are. Idempotent: each rule accepts a gap that is already U+00A0 and
 * writes U+00A0.
 *
 * 1. "№ 45-Ö", "№45" → "№\u00A045-Ö", "№\u00A045". Why: the number sign never ends a line apart
 *    from its number, and GOST R 7.0.97 writes "№ 253" with a space, so a missing space is added.
 * 2. "25 %" → "25\u00A0%". Why: a percent sign opening a line reads as a stray symbol. "25%" stays
 *    as written: choosing spaced or unspaced percent is the author's call, not ours.
 * 3. Number + unit word ("2021 ý.", "10 manat", "5 iş", "2021 г.", "10 рабочих", "3 месяца"), also
 *    across the number in words ("10 (on) iş", «10 (десять) рабочих»). Why: a quantity split from
 *    what it counts is misread at the line start ("2021 / ý."). The number must not carry a
 *    suffix: "2021-nji ýylyň" is an ordinal phrase, left as in formatDate.
 * 4. Initials + surname: "M. Sylapow" → "M.\u00A0Sylapow", "И.О. Фамилия" → "И.О.\u00A0Фамилия",
 *    "И. О. Фамилия" → "И.\u00A0О.\u00A0Фамилия". Why: a name must not be split across lines
 *    (GOST R 7.0.97 signature blocks, domain.md §2.1). "H.Familiýa" without a space stays as written.
 * 5. "§ 5" → "§\u00A05". Why: same as "№"; no space is added to "§5".
 *
 * `lang` selects the unit words of rule 3; the other rules apply to both languages, since
 * Russian texts quote Turkmen names and numbers and vice versa.
 */
export function applyTypography(text: string, lang: Lang): string {
  assertLang(lang);
  let out = text;
  // Rule 1: "№". A space is replaced; a missing one is inserted before a number or a letter.
  out = out.replace(/№ (?=\S)/gu, `№${NBSP}`).replace(/№(?=[\p{L}\p{N}])/gu, `№${NBSP}`);
  // Rule 5: "§" before a number.
  out = out.replace(/§ (?=[0-9])/gu, `§${NBSP}`);
  // Rule 2: a number and a spaced percent sign.
  out = out.replace(/(?<=[0-9]) (?=%)/gu, NBSP);
  // Rule 3: a number and the word that counts with it.
  out = out.replace(UNIT_RULES[lang], (_m, num: string, words: string | undefined, unit: string) =>
    words === undefined ? `${num}${NBSP}${unit}` : `${num}${NBSP}${words}${NBSP}${unit}`,
  );
  // Rule 4: initials and surname; spaces between spaced initials too.
  out = out.replace(INITIALS, (_m, initials: string) => `${initials.replace(/ /g, NBSP)}${NBSP}`);
  return out;
}
