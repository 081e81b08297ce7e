/**
 * The PDF's fonts: PT Serif in four faces, read from the npm package @expo-google-fonts/pt-serif
 * (never from the system, so every machine produces the same bytes), embedded and subset.
 *
 * Two rules from performance.md shape this module:
 * - a fontkit font object is created per document (trap 3: fontkit caches glyphs with the code
 *   points they were first created with, so a shared object corrupts later documents' ToUnicode maps);
 * - the object is registered with pdfkit under a family name (trap 2: a Buffer or path is re-parsed
 *   for every styled table cell).
 * Only the font BYTES and the (immutable) coverage sets are cached between documents.
 *
 * pdfkit never reports a character it cannot draw (hardening.md §7.1: a .notdef box, silently), so
 * every character is checked here: `checkGlyphs` for validation (file:line:col before any build),
 * `assertDrawable` while rendering.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FontkitFont } from 'fontkit';
import { readFontTables, type FontTables } from './subset.js';

export type Face = 'regular' | 'bold' | 'italic' | 'boldItalic';

export const FACES: readonly Face[] = ['regular', 'bold', 'italic', 'boldItalic'];

const PACKAGE = '@expo-google-fonts/pt-serif';

const FILES: Record<Face, string> = {
  regular: `${PACKAGE}/400Regular/PTSerif_400Regular.ttf`,
  bold: `${PACKAGE}/700Bold/PTSerif_700Bold.ttf`,
  italic: `${PACKAGE}/400Regular_Italic/PTSerif_400Regular_Italic.ttf`,
  boldItalic: `${PACKAGE}/700Bold_Italic/PTSerif_700Bold_Italic.ttf`,
};

/** Human-readable face names for error messages. */
const FACE_NAMES: Record<Face, string> = {
  regular: 'PT Serif Regular',
  bold: 'PT Serif Bold',
  italic: 'PT Serif Italic',
  boldItalic: 'PT Serif Bold Italic',
};

/**
 * Characters PT Serif lacks that have a typographically equivalent glyph: the thin space and the
 * narrow no-break space (both non-breaking in our texts, e.g. "10 000") are drawn as U+00A0.
 */
const SUBSTITUTES: ReadonlyMap<number, number> = new Map([
  [0x2009, 0x00a0],
  [0x202f, 0x00a0],
]);

export function faceOf(bold: boolean | undefined, italic: boolean | undefined): Face {
  if (bold) return italic ? 'boldItalic' : 'bold';
  return italic ? 'italic' : 'regular';
}

export function faceName(face: Face): string {
  return FACE_NAMES[face];
}

// ---------------------------------------------------------------------------------------------
// Bytes and fontkit objects
// ---------------------------------------------------------------------------------------------

const bytesCache = new Map<Face, Uint8Array>();

/** The TTF file of a face, resolved inside the installed package (read once per process). */
export function fontBytes(face: Face): Uint8Array {
  let bytes = bytesCache.get(face);
  if (!bytes) {
    const require = createRequire(import.meta.url);
    bytes = readFileSync(require.resolve(FILES[face]));
    bytesCache.set(face, bytes);
  }
  return bytes;
}

const tablesCache = new Map<Face, FontTables>();

/** The face's TrueType tables as plain bytes and numbers, for subsetting (read once per process). */
export function fontTables(face: Face): FontTables {
  let tables = tablesCache.get(face);
  if (!tables) {
    tables = readFontTables(fontBytes(face));
    tablesCache.set(face, tables);
  }
  return tables;
}

type FontkitModule = typeof import('fontkit');
let fontkitModule: FontkitModule | undefined;

/** fontkit, imported lazily like pdfkit (start-up dominates small builds: performance.md trap 5). */
export async function loadFontkit(): Promise<FontkitModule> {
  fontkitModule ??= await import('fontkit');
  coverageByFace(fontkitModule);
  return fontkitModule;
}

/**
 * fontkit for synchronous callers: the ESM instance once rendering has imported it, else the
 * CommonJS build (validation runs synchronously and never needs pdfkit).
 */
export function fontkitInstance(): FontkitModule {
  return fontkitModule ?? (createRequire(import.meta.url)('fontkit') as FontkitModule);
}

const processFonts = new Map<string, FontkitFont>();

/**
 * A fontkit object per face kept for the whole process, for one purpose only: 'shaping' (layout,
 * never paths) or 'outlines' (paths, never layout). Kept apart because paths create component
 * glyphs without code points (performance.md trap 3); neither is ever embedded in a document.
 */
export function processFont(purpose: 'shaping' | 'outlines', face: Face): FontkitFont {
  const key = `${purpose}:${face}`;
  let font = processFonts.get(key);
  if (!font) {
    font = fontkitInstance().create(fontBytes(face));
    processFonts.set(key, font);
  }
  return font;
}

/** Fresh fontkit objects for ONE document (performance.md trap 3). */
export function createDocumentFonts(fontkit: FontkitModule): Record<Face, FontkitFont> {
  return {
    regular: fontkit.create(fontBytes('regular')),
    bold: fontkit.create(fontBytes('bold')),
    italic: fontkit.create(fontBytes('italic')),
    boldItalic: fontkit.create(fontBytes('boldItalic')),
  };
}

// ---------------------------------------------------------------------------------------------
// Coverage
// ---------------------------------------------------------------------------------------------

let faceCoverage: Record<Face, ReadonlySet<number>> | undefined;
let commonCoverage: ReadonlySet<number> | undefined;

/**
 * The code points each face maps, read from the fonts' cmap tables with a throw-away parse
 * (synchronously, so validation can call it without importing pdfkit). The sets are immutable
 * numbers, so caching them cannot leak state between documents the way fontkit objects do.
 */
function coverageByFace(fontkit?: FontkitModule): Record<Face, ReadonlySet<number>> {
  if (!faceCoverage) {
    fontkit ??= fontkitInstance();
    const sets = {} as Record<Face, ReadonlySet<number>>;
    for (const face of FACES) {
      const set = new Set(fontkit.create(fontBytes(face)).characterSet);
      for (const [from, to] of SUBSTITUTES) if (set.has(to)) set.add(from);
      sets[face] = set;
    }
    faceCoverage = sets;
  }
  return faceCoverage;
}

/**
 * Code points that all four faces can draw (U+2009 and U+202F included: they are drawn as U+00A0).
 * A character outside this set would come out as an empty box in some style, so validation treats
 * it as an error.
 */
export function fontCoverage(): ReadonlySet<number> {
  if (!commonCoverage) {
    const byFace = coverageByFace();
    commonCoverage = new Set([...byFace.regular].filter((cp) => FACES.every((face) => byFace[face].has(cp))));
  }
  return commonCoverage;
}

/**
 * Characters of `text` that the embedded fonts cannot draw, checked against every face (the text
 * may be set bold or italic). `index` is the UTF-16 offset in `text`, as editors count columns.
 * Line breaks and tabs are not reported: the layout treats them as white space.
 */
export function checkGlyphs(text: string): Array<{ char: string; codePoint: number; index: number }> {
  const coverage = fontCoverage();
  const missing: Array<{ char: string; codePoint: number; index: number }> = [];
  let index = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0) as number;
    if (!isLayoutWhitespace(codePoint) && !coverage.has(codePoint)) missing.push({ char, codePoint, index });
    index += char.length;
  }
  return missing;
}

function isLayoutWhitespace(codePoint: number): boolean {
  return codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d;
}

// ---------------------------------------------------------------------------------------------
// Drawing
// ---------------------------------------------------------------------------------------------

/** A character the fonts cannot draw: the message names it, its code point, face and context. */
export class MissingGlyphError extends Error {
  override name = 'MissingGlyphError';

  constructor(
    readonly char: string,
    readonly codePoint: number,
    readonly face: Face,
    readonly context: string,
  ) {
    super(`${FACE_NAMES[face]} has no glyph for "${char}" (${formatCodePoint(codePoint)}) in "${context}"`);
  }
}

export function formatCodePoint(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The text as it is drawn: substitutes applied (U+2009, U+202F → U+00A0). */
export function drawableText(text: string): string {
  return text.replace(/[\u2009\u202f]/g, '\u00a0');
}

/**
 * Throws a MissingGlyphError for the first character of `text` that `face` cannot draw, with up to
 * 30 characters on either side as context, so the author can find the place in the source.
 */
export function assertDrawable(text: string, face: Face): void {
  const coverage = coverageByFace()[face];
  let index = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0) as number;
    if (!coverage.has(codePoint)) {
      const context = text.slice(Math.max(0, index - 30), index + char.length + 30).replace(/\s+/g, ' ');
      throw new MissingGlyphError(char, codePoint, face, context);
    }
    index += char.length;
  }
}
