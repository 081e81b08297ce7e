/**
 * The part of fontkit 2 (which ships no types) that the PDF renderer uses. Declared here rather
 * than imported through createRequire so that the renderer and pdfkit share ONE fontkit module
 * instance (pdfkit imports fontkit's ESM build; a CommonJS copy would be loaded a second time).
 */
declare module 'fontkit' {
  export interface FontkitGlyphPosition {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
  }

  export interface FontkitPathCommand {
    command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath';
    args: number[];
  }

  export interface FontkitGlyph {
    id: number;
    codePoints: number[];
    advanceWidth: number;
    path: { commands: FontkitPathCommand[] };
    bbox: { minX: number; minY: number; maxX: number; maxY: number };
  }

  export interface FontkitGlyphRun {
    glyphs: FontkitGlyph[];
    positions: FontkitGlyphPosition[];
    advanceWidth: number;
  }

  export interface FontkitFont {
    postscriptName: string;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    characterSet: number[];
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): FontkitGlyph;
    layout(text: string): FontkitGlyphRun;
    getGlyph(glyphId: number): FontkitGlyph;
  }

  export function create(buffer: Uint8Array, postscriptName?: string): FontkitFont;
}
