/**
 * Typing mistakes that survive proofreading because they look right: Cyrillic homoglyphs in
 * Turkmen words, Turkmen letters in Russian words, letters of the 1993 alphabet (ñ, $, ¢, ¥, £),
 * Romanian ș instead of ş, and the Azerbaijani manat sign (domain.md §3.2).
 */
import { tkLastSpokenWord, tkOrdinalSuffix } from '../core/numerals.js';
import type { Lang } from '../core/types.js';

export interface HygieneFinding {
  /** Offset in the checked text. */
  offset: number;
  rule: 'text-script' | 'text-legacy-letter' | 'tk-ordinal';
  message: string;
}

const WORD = /[\p{L}\p{M}$¢¥£]+/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
const TURKMEN_ONLY = /[äçňöşüýžÄÇŇÖŞÜÝŽ]/u;

const LEGACY: Array<[RegExp, string]> = [
  [/[ñÑ]/u, 'ñ is the 1993 letter; write ň (Ň)'],
  [/[șȘ]/u, 'ș (comma below) is Romanian; write ş (cedilla)'],
  [/[țȚ]/u, 'ț is not a Turkmen letter'],
  [/ı/u, 'dotless ı is Turkish, not Turkmen; write y or i'],
  [/[$¢¥£]/u, 'this currency sign stood for a letter in the 1993 alphabet ($ = Ş, ¢ = ş, ¥ = Ý, £ = Ž); write the letter'],
];

/** Characters that can start a finding; most passages have none, and the word scan is costly. */
const SUSPECT: Record<Lang, RegExp> = {
  tk: /[\u0400-\u04FFñÑșȘțȚı$¢¥£₼]/,
  ru: /[äçňöşüýžÄÇŇÖŞÜÝŽ₼]|[\u0400-\u04FF][A-Za-z]|[A-Za-z][\u0400-\u04FF]/,
};

export function checkHygiene(text: string, lang: Lang, limit = 20): HygieneFinding[] {
  const out: HygieneFinding[] = [];
  if (!SUSPECT[lang].test(text)) return out;
  const manat = text.indexOf('₼');
  if (manat >= 0) out.push({ offset: manat, rule: 'text-legacy-letter', message: '"₼" is the Azerbaijani manat sign; write "manat" or "TMT" ("манат").' });
  for (const m of text.matchAll(WORD)) {
    if (out.length >= limit) break;
    const word = m[0];
    const at = m.index ?? 0;
    const hasCyr = CYRILLIC.test(word);
    const hasLat = LATIN.test(word);
    if (hasCyr && hasLat) {
      out.push({ offset: at, rule: 'text-script', message: `The word "${word}" mixes Latin and Cyrillic letters (look-alikes such as а/a, е/e, о/o, р/p, с/c); retype it in one alphabet.` });
      continue;
    }
    if (lang === 'tk') {
      if (hasCyr) {
        out.push({ offset: at, rule: 'text-script', message: `The word "${word}" is written in Cyrillic in the Turkmen text; write it in the Turkmen Latin alphabet.` });
        continue;
      }
      if (/[$¢¥£]/u.test(word) && !/[\p{L}]/u.test(word)) continue;
      for (const [re, why] of LEGACY) {
        if (re.test(word)) {
          out.push({ offset: at, rule: 'text-legacy-letter', message: `In "${word}": ${why}.` });
          break;
        }
      }
    } else if (hasLat && TURKMEN_ONLY.test(word) && !hasCyr) {
      // Turkmen names and terms do occur in Russian text; only flag a Turkmen letter in a Cyrillic context.
      continue;
    } else if (hasCyr && TURKMEN_ONLY.test(word)) {
      out.push({ offset: at, rule: 'text-script', message: `The Russian word "${word}" contains a Turkmen letter; retype it.` });
    }
  }
  return out;
}

/**
 * A number written as a Turkmen ordinal ("6-njy", "2.3-nji", "2021-nji") whose suffix breaks
 * vowel harmony: "6-nji madda" reads wrong to every Turkmen reader and is a common slip, since
 * most numbers take -nji. A figure written in groups ("10 000-nji") is left alone: which groups
 * belong together cannot be told for certain from the text.
 */
const ORDINAL = /(?<![\p{L}\p{N}.,]|\d[ \u00a0\u2009\u202f])(\d+(?:\.\d+)*)-(nj[iy])/gu;

export function checkOrdinals(text: string, limit = 20): HygieneFinding[] {
  const out: HygieneFinding[] = [];
  if (!text.includes('-nj')) return out;
  for (const m of text.matchAll(ORDINAL)) {
    if (out.length >= limit) break;
    const path = m[1] as string;
    const last = Number(path.slice(path.lastIndexOf('.') + 1));
    if (!Number.isSafeInteger(last)) continue;
    const right = tkOrdinalSuffix(last);
    if (m[2] === right) continue;
    out.push({
      offset: m.index ?? 0,
      rule: 'tk-ordinal',
      message: `"${path}-${m[2]}" should be "${path}-${right}": the suffix follows the vowel of the last word spoken (${tkLastSpokenWord(last)} → -${right}).`,
    });
  }
  return out;
}
