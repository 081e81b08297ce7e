/**
 * Turns the bytes of a spec file into text the parsers can trust: strict UTF-8, no BOM, LF line
 * ends, NFC, no control characters. Every refusal is a diagnostic with a position, never a throw.
 */
import { createHash } from 'node:crypto';
import { diag, type Diagnostic } from '../core/diagnostics.js';
import { LineIndex } from '../core/text.js';

export const MAX_FILE_BYTES = 1024 * 1024;

export interface ReadResult {
  /** The decoded, normalised text; undefined when the file cannot be used at all. */
  text?: string;
  diagnostics: Diagnostic[];
}

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Decodes and cleans the bytes of the file at `file` (a project-relative path, for messages). */
export function decodeSpecBytes(bytes: Uint8Array, file: string): ReadResult {
  const diagnostics: Diagnostic[] = [];
  if (bytes.length > MAX_FILE_BYTES) {
    diagnostics.push(
      diag('file-too-large', file, { line: 1, column: 1 }, `The file is ${formatBytes(bytes.length)}; a specification file may be at most ${formatBytes(MAX_FILE_BYTES)}.`),
    );
    return { diagnostics };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const pos = new LineIndex(prefix).position(prefix.length);
    diagnostics.push(
      diag('file-encoding', file, pos, `The byte 0x${(bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0')} here is not valid UTF-8: the file seems to be saved in another encoding (e.g. Windows-1251). Save it as UTF-8.`),
    );
    return { diagnostics };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') {
    diagnostics.push(diag('file-empty', file, { line: 1, column: 1 }, 'The file is empty: write the front matter and the body, or delete the file.'));
    return { diagnostics };
  }
  text = replaceControlCharacters(text, file, diagnostics);
  const normalised = text.normalize('NFC');
  if (normalised !== text) {
    const at = firstDifference(text, normalised);
    diagnostics.push(
      diag('text-nfc', file, new LineIndex(text).position(at), 'A letter here is typed as a base letter plus a combining mark (Unicode NFD); retype it as one letter. Tertip uses the composed form in the outputs.'),
    );
    text = normalised;
  }
  return { text, diagnostics };
}

/** C0 controls except TAB and LF, C1 controls, and the non-characters U+FFFE/U+FFFF. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
const MAX_REPORTED = 20;

function replaceControlCharacters(text: string, file: string, out: Diagnostic[]): string {
  FORBIDDEN.lastIndex = 0;
  if (!FORBIDDEN.test(text)) return text;
  const index = new LineIndex(text);
  let count = 0;
  const cleaned = text.replace(FORBIDDEN, (ch, offset: number) => {
    count++;
    if (count <= MAX_REPORTED) {
      const code = ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      const name = code === '0000' ? 'a NUL byte' : `the invisible character U+${code}`;
      out.push(diag('file-control-char', file, index.position(offset), `The text contains ${name}; delete it.`));
    }
    return ' ';
  });
  if (count > MAX_REPORTED) {
    out.push(diag('file-control-char', file, { line: 1, column: 1 }, `… and ${count - MAX_REPORTED} more invisible characters in this file.`));
  }
  return cleaned;
}

function firstDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return i;
  return n;
}

/** The offset of the first byte that starts an invalid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let need: number;
    let min: number;
    if (b < 0x80) { i++; continue; }
    else if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    if (i + need >= bytes.length) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KiB`;
  return `${n} bytes`;
}
