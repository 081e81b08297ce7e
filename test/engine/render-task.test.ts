/** A render task taken over by a worker that did not parse the file parses it again, and refuses a file that no longer validates. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handleRender, setIndex } from '../../src/engine/render-task.js';
import { prepareSchemas } from '../../src/schema/registry.js';
import { spec } from '../helpers/fixtures.js';
import { makeProject } from '../helpers/project.js';

const location = { file: 'specs/services/demo/tk.md', collection: 'services', folder: 'demo', lang: 'tk' as const };

describe('render tasks taken over from another worker', () => {
  it('parses the file again and renders it', async () => {
    await prepareSchemas();
    const root = makeProject({ 'specs/services/demo/tk.md': spec('tk') });
    setIndex({ type: 'index', entries: [] });
    const r = await handleRender({ type: 'render', files: [{ location, absolute: join(root, location.file) }], formats: ['docx'], buildDate: '2026-11-01', specsDir: join(root, 'specs') }, new Map());
    expect(r.failures).toEqual([]);
    expect(r.outputs.map((o) => [o.source, o.format])).toEqual([[location.file, 'docx']]);
  });

  it('renders nothing from a file that changed since validation and now has errors', async () => {
    await prepareSchemas();
    const root = makeProject({ 'specs/services/demo/tk.md': spec('tk').replace(/^kind: .*$/m, 'kind: 12') });
    setIndex({ type: 'index', entries: [] });
    const r = await handleRender({ type: 'render', files: [{ location, absolute: join(root, location.file) }], formats: ['docx'], buildDate: '2026-11-01', specsDir: join(root, 'specs') }, new Map());
    expect(r.outputs).toEqual([]);
    expect(r.failures).toEqual([{ source: location.file, message: expect.stringMatching(/changed during the build/) }]);
  });
});
