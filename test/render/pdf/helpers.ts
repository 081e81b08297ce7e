/**
 * Reading rendered PDFs the way users' software does: pdf.js (Firefox's viewer) for text, outline,
 * annotations, metadata and structure; poppler's pdftotext when it is installed; and the raw file
 * for dictionary-level facts (pdfkit writes dictionaries uncompressed, only streams are deflated).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type PDFDocumentProxy = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
let pdfjs: PdfJs | undefined;

export async function loadPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  pdfjs ??= await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes ownership of (detaches) the buffer it is given: pass a copy.
  return pdfjs.getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false }).promise;
}

export async function pdfjsOps(): Promise<PdfJs['OPS']> {
  pdfjs ??= await import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs.OPS;
}

export interface TextItem {
  str: string;
  hasEOL: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
  fontName: string;
}

export async function pageItems(doc: PDFDocumentProxy, pageNumber: number): Promise<TextItem[]> {
  const page = await doc.getPage(pageNumber);
  const content = await page.getTextContent();
  const items: TextItem[] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    items.push({ str: item.str, hasEOL: item.hasEOL, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width, height: item.height, fontName: item.fontName });
  }
  return items;
}

/** A page's text as pdf.js gives it: items in content order, a line break after each line. */
export async function pageText(doc: PDFDocumentProxy, pageNumber: number): Promise<string> {
  return (await pageItems(doc, pageNumber)).map((item) => item.str + (item.hasEOL ? '\n' : '')).join('');
}

export async function allPageTexts(doc: PDFDocumentProxy): Promise<string[]> {
  const texts: string[] = [];
  for (let page = 1; page <= doc.numPages; page++) texts.push(await pageText(doc, page));
  return texts;
}

/** Words of a text; every kind of white space (NBSP included: extractors report it as U+0020) separates. */
export function words(text: string): string[] {
  return text.split(/[\s\u00a0]+/u).filter(Boolean);
}

/**
 * Matches `expected` as a subsequence of `actual`, word for word. Returns the index in `expected`
 * reached (= expected.length when every expected word was found in order) and the actual words
 * that were not part of the match.
 */
export function alignWords(actual: readonly string[], expected: readonly string[]): { reached: number; extra: string[]; firstMissing?: string } {
  let next = 0;
  const extra: string[] = [];
  for (const word of actual) {
    if (next < expected.length && word === expected[next]) next++;
    else extra.push(word);
  }
  return { reached: next, extra, ...(next < expected.length ? { firstMissing: `${expected[next]} (after "${expected.slice(Math.max(0, next - 5), next).join(' ')}")` } : {}) };
}

/** The file as latin1 text, for dictionary-level searches. */
export function rawText(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1');
}

/** Every stream of the file, inflated where it is deflated. */
export function streams(bytes: Uint8Array): string[] {
  return rawStreams(bytes).map(({ dict, data }) => {
    try {
      return dict.includes('/FlateDecode') ? inflateSync(data).toString('latin1') : data.toString('latin1');
    } catch {
      return '';
    }
  });
}

/** Every stream object as written: its dictionary's text and its (possibly deflated) bytes. */
export function rawStreams(bytes: Uint8Array): Array<{ dict: string; data: Buffer }> {
  const raw = rawText(bytes);
  const out: Array<{ dict: string; data: Buffer }> = [];
  const pattern = /<<([^]*?)>>\s*stream\r?\n/g;
  for (let match = pattern.exec(raw); match; match = pattern.exec(raw)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('\nendstream', start);
    out.push({ dict: match[1] as string, data: Buffer.from(raw.slice(start, end), 'latin1') });
    pattern.lastIndex = end;
  }
  return out;
}

/** pdftotext's UTF-8 output, or null when poppler-utils is not installed. */
export function pdftotext(bytes: Uint8Array): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'tertip-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
