/**
 * Images may come only from specs/assets/, as real PNG or JPEG files of bounded size (and, for a
 * PNG, bounded decompressed size), read whole and checked through: a path
 * in a pull request must never make the build read (and ship) a file from elsewhere
 * (../shared/hardening.md §8.3–8.4).
 */
import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { inflatePng, isPng, readPng } from '../core/png.js';

export interface ImagePolicy {
  /** Absolute path of the project's specs/ folder. */
  specsDir: string;
}

export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
export const MAX_IMAGE_SIDE = 4096;

export interface ImageInfo {
  absolute: string;
  /** The file's bytes, checked: what a build embeds. */
  bytes: Buffer;
  format: 'png' | 'jpeg';
  width: number;
  height: number;
}

/**
 * Size, modification time and inode of the file an image path names ("" when it names none), so a
 * cached validation can tell that an image was replaced. Cheap: one lstat, no reading.
 */
export function imageStamp(url: string, policy: ImagePolicy): string {
  if (!url.startsWith('assets/') || url.includes('..') || url.includes('\\')) return '';
  try {
    const st = lstatSync(join(policy.specsDir, url));
    return `${st.size}:${st.mtimeMs}:${st.ino}`;
  } catch {
    return '';
  }
}

/** Problems with an image URL; empty when the image is usable. */
export function checkImage(url: string, policy: ImagePolicy): string[] {
  const r = inspectImage(url, policy);
  return 'problem' in r ? [r.problem] : [];
}

export function inspectImage(url: string, policy: ImagePolicy): ImageInfo | { problem: string } {
  let decoded: string;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    return { problem: `The image path "${url}" is not a valid path.` };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(decoded) || decoded.startsWith('/') || decoded.includes('\\') || decoded !== url) {
    return { problem: `The image path "${url}" must be a plain relative path such as assets/diagram.png (no URL schemes, absolute paths, backslashes or %-escapes).` };
  }
  if (!decoded.startsWith('assets/') || decoded.split('/').some((seg) => seg === '..' || seg === '.' || seg === '')) {
    return { problem: `The image path "${url}" must point into specs/assets/, written as assets/<file>.png.` };
  }
  const ext = decoded.slice(decoded.lastIndexOf('.') + 1).toLowerCase();
  if (!['png', 'jpg', 'jpeg'].includes(ext)) return { problem: `The image "${url}" must be a .png, .jpg or .jpeg file.` };

  const assets = join(policy.specsDir, 'assets');
  const absolute = resolve(policy.specsDir, decoded);
  // No component of the path may be a link: a link inside assets/ could point anywhere.
  let walk = policy.specsDir;
  for (const seg of decoded.split('/')) {
    walk = join(walk, seg);
    try {
      if (lstatSync(walk).isSymbolicLink()) return { problem: `The image path "${url}" goes through a symbolic link, which is not allowed.` };
    } catch {
      return { problem: `The image "${url}" does not exist under specs/assets/.` };
    }
  }
  let real: string;
  try {
    real = realpathSync(absolute);
    const realAssets = realpathSync(assets);
    if (!real.startsWith(realAssets + sep)) return { problem: `The image "${url}" lies outside specs/assets/.` };
  } catch {
    return { problem: `The image "${url}" does not exist under specs/assets/.` };
  }
  const stat = lstatSync(real);
  if (!stat.isFile()) return { problem: `The image "${url}" is not a file.` };
  if (stat.size > MAX_IMAGE_BYTES) return { problem: `The image "${url}" is larger than 20 MB.` };
  // The whole file is checked, and these very bytes are what a build embeds: nothing is read twice.
  const bytes = readFileSync(real);
  const content = checkImageBytes(bytes);
  if ('problem' in content) return { problem: `The image "${url}" ${content.problem}.` };
  if (content.width > MAX_IMAGE_SIDE || content.height > MAX_IMAGE_SIDE || content.width === 0 || content.height === 0) {
    return { problem: `The image "${url}" is ${content.width}×${content.height} pixels; at most ${MAX_IMAGE_SIDE}×${MAX_IMAGE_SIDE} is allowed.` };
  }
  return { absolute: real, bytes, ...content };
}

/**
 * What a PNG or JPEG file holds, checked all the way through: a PNG's chunks, checksums and image
 * data (decompressed with a cap: core/png.ts), a JPEG's markers up to its frame header. A problem
 * completes the sentence "The image X ...".
 */
export function checkImageBytes(bytes: Buffer): { format: 'png' | 'jpeg'; width: number; height: number } | { problem: string } {
  if (isPng(bytes)) {
    const png = readPng(bytes);
    if ('problem' in png) return png;
    if (png.width > MAX_IMAGE_SIDE || png.height > MAX_IMAGE_SIDE) return { format: 'png', width: png.width, height: png.height };
    const raw = inflatePng(png);
    if ('problem' in raw) return raw;
    return { format: 'png', width: png.width, height: png.height };
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return checkJpeg(bytes);
  return { problem: 'is not a PNG or JPEG image (its first bytes do not match)' };
}

/** Start-of-frame markers (C0-CF), not DHT (C4), JPG (C8) or DAC (CC), which share the range. */
const isFrame = (marker: number): boolean => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
/** What pdfkit embeds correctly (DCTDecode, 8 bits): baseline, extended sequential, progressive. */
const EMBEDDABLE_FRAMES = new Set([0xc0, 0xc1, 0xc2]);
const RESAVE = 're-save it as a standard (baseline or progressive) 8-bit JPEG';

function checkJpeg(b: Buffer): { format: 'jpeg'; width: number; height: number } | { problem: string } {
  let i = 2;
  let orientation = 1;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return { problem: 'is damaged (a JPEG marker is missing)' };
    const marker = b[i + 1] as number;
    // Fill bytes before a marker are legal JPEG, but pdfkit's reader stops at them.
    if (marker === 0xff) return { problem: `has fill bytes between its segments, which the PDF library cannot read; ${RESAVE}` };
    if (marker === 0xcc) return { problem: `is arithmetic-coded; ${RESAVE}` };
    const len = b.readUInt16BE(i + 2);
    if (len < 2 || i + 2 + len > b.length) return { problem: 'is cut short or damaged' };
    if (marker === 0xe1 && b.toString('latin1', i + 4, i + 10) === 'Exif\0\0') orientation = exifOrientation(b.subarray(i + 10, i + 2 + len));
    if (isFrame(marker)) {
      if (len < 8) return { problem: 'is damaged (its frame header is too short)' };
      if (!EMBEDDABLE_FRAMES.has(marker)) return { problem: `is a lossless, hierarchical or arithmetic-coded JPEG; ${RESAVE}` };
      if (b[i + 4] !== 8) return { problem: `has ${b[i + 4]} bits per sample; ${RESAVE}` };
      const height = b.readUInt16BE(i + 5);
      const width = b.readUInt16BE(i + 7);
      const components = b[i + 9] as number;
      // PDF/A's output intent is sRGB: a CMYK picture would break conformance.
      if (components === 4) return { problem: 'is a CMYK JPEG; save it as RGB (sRGB)' };
      if (components !== 1 && components !== 3) return { problem: `is a JPEG with ${components} colour components; save it as RGB (sRGB)` };
      // Word and PDF readers do not agree on the rotation flag of photos.
      if (orientation !== 1) return { problem: 'carries a rotation flag (EXIF orientation) that Word and PDF readers apply differently; rotate the picture itself and save it again' };
      return { format: 'jpeg', width, height };
    }
    i += 2 + len;
  }
  return { problem: 'is damaged (no JPEG frame header)' };
}

/** Tag 0x0112 of the first IFD of an Exif block (a TIFF structure), or 1 when absent or unreadable. */
function exifOrientation(tiff: Buffer): number {
  if (tiff.length < 8) return 1;
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number): number => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number): number => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return 1;
  const count = u16(ifd);
  for (let k = 0; k < count; k++) {
    const at = ifd + 2 + k * 12;
    if (at + 12 > tiff.length) return 1;
    if (u16(at) === 0x0112) return u16(at + 8);
  }
  return 1;
}
