/**
 * The numbers of a passage, language-independently: digits, with months written in words
 * counted as their number, so "2021-nji ýylyň 18-nji dekabrynda", "18 декабря 2021 г." and
 * "18.12.2021" all give 12, 18 and 2021.
 */
const GROUPED = /\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)/g;
const DIGITS = /\d+/g;

const TK_MONTHS = ['ýanwar', 'fewral', 'mart', 'aprel', 'maý', 'iýun', 'iýul', 'awgust', 'sentýabr', 'oktýabr', 'noýabr', 'dekabr'];
const RU_MONTHS = ['январ', 'феврал', 'март', 'апрел', 'ма[йяе](?!\\p{L})', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'];

const MONTH_PATTERNS = [TK_MONTHS, RU_MONTHS].map(
  (names) => new RegExp(`(?<![\\p{L}])(?:${names.map((n, i) => `(?<m${i}>${n})`).join('|')})`, 'giu'),
);

/** Whether a month name stands next to a day number ("18-nji dekabrynda", "18 декабря", "«15» aprel"). */
function isDateContext(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 12), index);
  return /\d[»"]?(?:-nj[iy])?[\s\u00a0]*$/u.test(before);
}

export function extractNumbers(text: string): number[] {
  const out: number[] = [];
  // Months count only beside a day number, so a passage without digits has no numbers at all.
  if (!/\d/.test(text)) return out;
  const rest = text.replace(GROUPED, (m) => {
    out.push(Number(m.replace(/[^\d]/g, '')));
    return ' ';
  });
  for (const m of rest.matchAll(DIGITS)) out.push(Number(m[0]));
  for (const re of MONTH_PATTERNS) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      if (m.index === undefined || !isDateContext(text, m.index)) continue;
      const groups = m.groups ?? {};
      const month = Object.keys(groups).find((k) => groups[k] !== undefined);
      if (month) out.push(Number(month.slice(1)) + 1);
    }
  }
  return out.sort((a, b) => a - b);
}

/** Numbers in `a` missing from `b` (as multisets). */
export function missingNumbers(a: readonly number[], b: readonly number[]): number[] {
  const counts = new Map<number, number>();
  for (const n of b) counts.set(n, (counts.get(n) ?? 0) + 1);
  const out: number[] = [];
  for (const n of a) {
    const c = counts.get(n) ?? 0;
    if (c > 0) counts.set(n, c - 1);
    else out.push(n);
  }
  return out;
}
