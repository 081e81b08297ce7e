/**
 * The output formats. A new format is one entry here and a module of its own; renderers are
 * imported only when asked for (pdfkit alone costs ~115 ms to load).
 */
import type { DocModel } from '../model/types.js';

export interface Renderer {
  extension: string;
  render(model: DocModel): Promise<Uint8Array>;
}

export const FORMATS = ['docx', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];

const loaders: Record<Format, () => Promise<Renderer>> = {
  docx: async () => ({ extension: 'docx', render: (await import('./docx/index.js')).renderDocx }),
  pdf: async () => ({ extension: 'pdf', render: (await import('./pdf/index.js')).renderPdf }),
};

const loaded = new Map<Format, Promise<Renderer>>();

export function renderer(format: Format): Promise<Renderer> {
  let r = loaded.get(format);
  if (!r) {
    r = loaders[format]();
    loaded.set(format, r);
  }
  return r;
}
