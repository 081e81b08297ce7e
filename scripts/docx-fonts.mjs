// Whether LibreOffice here can lay out Tertip's DOCX as Word does. The DOCX is set in Times New
// Roman; LibreOffice needs that font or one with its metrics (Liberation Serif, Tinos), else it
// substitutes a wider serif (DejaVu) and breaks words of narrow table columns where Word never
// would, so a word check of its output would fail for the wrong reason. Shared by the CI interop
// check and the DOCX smoke test.
import { spawnSync } from 'node:child_process';

/** True when fontconfig resolves "Times New Roman" to it or to a metric-compatible family. */
export function hasTimesMetrics() {
  const r = spawnSync('fc-match', ['Times New Roman'], { encoding: 'utf8' });
  return r.status === 0 && /Times New Roman|Liberation Serif|Tinos/i.test(r.stdout ?? '');
}
