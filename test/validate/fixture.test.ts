import { describe, expect, it } from 'vitest';
import { makeProject, validate } from '../helpers/project.js';
import { validDocument } from '../helpers/fixtures.js';

describe('the valid fixture', () => {
  it('has no diagnostics at all, so every rule test below isolates one change', async () => {
    const r = await validate(makeProject(validDocument()));
    expect(r.diagnostics).toEqual([]);
    expect(r.summary).toEqual({ documents: 1, files: 2, errors: 0, warnings: 0 });
  });
});
