/** Numerals shared by the resolve stage (labels) and the DOCX renderer (replaying Word's numbering). */

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
