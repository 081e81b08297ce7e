/**
 * The parsers of a worker, with the compiled validators loaded, once per worker: for the files it
 * is given to analyse, and for a file it renders without having parsed it (render-task.ts).
 */
type Analysis = typeof import('../validate/file.js');
let analysis: Promise<Analysis> | undefined;

export function analyser(): Promise<Analysis> {
  analysis ??= Promise.all([import('../validate/file.js'), import('../schema/registry.js').then((m) => m.prepareSchemas())]).then(([m]) => m);
  return analysis;
}
