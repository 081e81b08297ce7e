/**
 * Figures: an image that stands alone in its paragraph becomes a numbered figure with a caption.
 * The image is read here, once, for every renderer, through the same checks validation made
 * (validate/images.ts: only real PNG or JPEG files under specs/assets/, no links, bounded size,
 * the whole content checked); the bytes those checks read are the bytes embedded, so a file
 * swapped after validation is checked again, not trusted.
 */
import type { Image } from 'mdast';
import type { Lang } from '../core/types.js';
import type { FigureBlock, PageSetup } from '../model/types.js';
import { inspectImage } from '../validate/images.js';
import { textRuns } from './inline.js';
import type { Labels } from './labels.js';
import { ordinalOf } from './tables.js';

export interface FigureContext {
  lang: Lang;
  labels: Labels;
  page: PageSetup;
  /** Absolute path of the project's specs/ folder; images cannot be read without it. */
  specsDir: string | undefined;
}

const MM = 72 / 25.4;
/** Screen images are drawn at 96 pixels per inch, as Word inserts them: 0.75 pt per pixel. */
const POINTS_PER_PIXEL = 0.75;
/** The tallest figure: an A4 text column less room for the caption and the text around it. */
export const MAX_FIGURE_HEIGHT_MM = 180;
/** The width of A4 in millimetres. */
const A4_WIDTH_MM = 210;

/** The printed size: 96 dpi, scaled down (never up) to the text width and the tallest figure. */
export function figureSize(pixels: { width: number; height: number }, page: PageSetup): { width: number; height: number } {
  const maxWidth = (A4_WIDTH_MM - page.margins.left - page.margins.right) * MM;
  const maxHeight = MAX_FIGURE_HEIGHT_MM * MM;
  const width = pixels.width * POINTS_PER_PIXEL;
  const height = pixels.height * POINTS_PER_PIXEL;
  const scale = Math.min(1, maxWidth / width, maxHeight / height);
  // Whole hundredths of a point: the same size in DOCX and PDF, and no float noise in either.
  return { width: Math.round(width * scale * 100) / 100, height: Math.round(height * scale * 100) / 100 };
}

/**
 * `n`: the figure's number, as the parse stage counted it (parse/numbering.ts); `anchor`: its id
 * ({#id} after the image), which cross-references point to.
 */
export function figureBlock(image: Image, ctx: FigureContext, n: number, anchor?: string): FigureBlock {
  if (ctx.specsDir === undefined) throw new Error(`the image "${image.url}" cannot be read: no specs/ folder was given`);
  const info = inspectImage(image.url, { specsDir: ctx.specsDir });
  if ('problem' in info) throw new Error(info.problem);
  const alt = (image.alt ?? '').replace(/\s+/g, ' ').trim();
  const title = (image.title ?? '').replace(/\s+/g, ' ').trim() || alt;
  const caption = ctx.labels.fill('figures.caption', { n, ord: ordinalOf(n, ctx.lang), title });
  return {
    type: 'figure',
    image: { format: info.format, bytes: new Uint8Array(info.bytes), width: info.width, height: info.height },
    size: figureSize(info, ctx.page),
    alt,
    caption: textRuns(caption, ctx.lang),
    ...(anchor ? { anchor } : {}),
  };
}
