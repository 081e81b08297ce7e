/**
 * Unit conversions for WordprocessingML: the model measures in millimetres and points, Word in
 * twentieths of a point (twips) for distances and half-points for font sizes.
 */

/** A4 portrait, in millimetres (domain.md §2.1). */
export const A4_MM = { width: 210, height: 297 } as const;

const TWIPS_PER_MM = 1440 / 25.4;

export function mmToTwips(mm: number): number {
  return Math.round(mm * TWIPS_PER_MM);
}

export function ptToTwips(pt: number): number {
  return Math.round(pt * 20);
}

export function ptToHalfPoints(pt: number): number {
  return Math.round(pt * 2);
}

/** Word's line spacing for `lineRule="auto"` is in 240ths of a line. */
export function lineMultiple(multiple: number): number {
  return Math.round(multiple * 240);
}
