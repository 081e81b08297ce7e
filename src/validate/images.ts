/**
 * Images may come only from specs/assets/, as real PNG or JPEG files of bounded size: a path
 * in a pull request must never make the build read (and ship) a file from elsewhere
 * (../shared/hardening.md §8.3–8.4).
 */
import { closeSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

export interface ImagePolicy {
  /** Absolute path of the project's specs/ folder. */
  specsDir: string;
}

export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
export const MAX_IMAGE_SIDE = 4096;

export interface ImageInfo {
  absolute: string;
  format: 'png' | 'jpeg';
  width: number;
  height: number;
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
  const head = Buffer.alloc(64 * 1024);
  const fd = openSync(real, 'r');
  let n: number;
  try {
    n = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const dims = imageSize(head.subarray(0, n));
  if (!dims) return { problem: `The file "${url}" is not a PNG or JPEG image (its first bytes do not match).` };
  if (dims.width > MAX_IMAGE_SIDE || dims.height > MAX_IMAGE_SIDE || dims.width === 0 || dims.height === 0) {
    return { problem: `The image "${url}" is ${dims.width}×${dims.height} pixels; at most ${MAX_IMAGE_SIDE}×${MAX_IMAGE_SIDE} is allowed.` };
  }
  return { absolute: real, ...dims };
}

/** Reads the pixel size from the header without decoding the image. */
export function imageSize(b: Buffer): { format: 'png' | 'jpeg'; width: number; height: number } | undefined {
  if (b.length >= 24 && b.readUInt32BE(0) === 0x89504e47 && b.readUInt32BE(4) === 0x0d0a1a0a && b.toString('latin1', 12, 16) === 'IHDR') {
    return { format: 'png', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return undefined;
      const marker = b[i + 1] as number;
      const len = b.readUInt16BE(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { format: 'jpeg', height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
      }
      i += 2 + len;
    }
  }
  return undefined;
}
