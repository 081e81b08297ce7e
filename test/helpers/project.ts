/** Temporary projects for tests: a specs/ tree written from a map of paths to contents. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import { runValidation, type ValidationResult } from '../../src/engine/validation.js';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

export function makeProject(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'tertip-test-'));
  made.push(root);
  mkdirSync(join(root, 'specs'), { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    const abs = join(root, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return root;
}

/** Validates in this thread (rules are pure; the CLI tests cover the worker path). */
export function validate(root: string): Promise<ValidationResult> {
  return runValidation({ projectRoot: root, inProcess: true, cache: false });
}
