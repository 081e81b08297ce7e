/** What every reporter receives: the diagnostics and the counts, nothing else. */
import type { Diagnostic } from '../core/diagnostics.js';

export interface ReportInput {
  diagnostics: Diagnostic[];
  summary: { documents: number; files: number; errors: number; warnings: number };
  /** The files that were checked (for per-file JUnit test cases). */
  files: Array<{ file: string; collection: string; folder: string; fileLang: 'tk' | 'ru' }>;
  toolVersion: string;
}

export interface TextOptions {
  color: boolean;
}

export const FORMATS = ['text', 'json', 'junit', 'sarif', 'github'] as const;
export type ReportFormat = (typeof FORMATS)[number];
