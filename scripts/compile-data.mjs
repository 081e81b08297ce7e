// Compiles data the tool needs at run time: the JSON Schemas into standalone validators (dist/schema/validators.js), so the
// validator starts without compiling schemas at run time (ajv standalone, hardening.md §3.3).
// The module records a hash of the schemas it was built from; the registry falls back to
// compiling at run time when the schemas have changed since.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'schemas');
const names = readdirSync(dir).filter((n) => n.endsWith('.schema.json')).sort();
let fingerprint = '';
// The same Ajv configuration as at run time, with code generation on.
const { createAjv } = await import(join(root, 'dist', 'schema', 'registry.js'));
const ajv = createAjv({ source: true, esm: true, optimize: true });
for (const n of names) {
  const text = readFileSync(join(dir, n), 'utf8');
  fingerprint += `${n}\n${text}\n`;
  ajv.addSchema(JSON.parse(text), n);
}
ajv.addSchema({ $id: 'https://tertip.local/schemas/base', $ref: 'https://tertip.local/schemas/common.schema.json#/$defs/base' });
// Export names are identifiers; the registry maps kinds to them.
const ids = {
  serviceSpecification: 'https://tertip.local/schemas/service-specification.schema.json',
  sop: 'https://tertip.local/schemas/sop.schema.json',
  normativeAct: 'https://tertip.local/schemas/normative-act.schema.json',
  pack: 'https://tertip.local/schemas/pack.schema.json',
  base: 'https://tertip.local/schemas/base',
};
for (const id of Object.values(ids)) ajv.getSchema(id);
// ajv's ESM output still require()s its format and runtime helpers.
let code = `import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n${standaloneCode(ajv, ids).replace(/^"use strict";/, '')}`;
code += `\nexport const fingerprint = ${JSON.stringify(createHash('sha256').update(fingerprint).digest('hex'))};\n`;
const out = join(root, 'dist', 'schema', 'validators.js');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, code);
console.log(`compiled ${Object.keys(ids).length} validators from ${names.length} schemas (${Math.round(code.length / 1024)} KiB)`);

// The code points the embedded PDF font can draw, as ranges, so validation can report a
// character the PDF would lack at its file:line:col, without loading fontkit.
const { fontCoverage } = await import(join(root, 'dist', 'render', 'pdf', 'fonts.js'));
const points = [...fontCoverage()].sort((a, b) => a - b);
const ranges = [];
for (const p of points) {
  const last = ranges[ranges.length - 1];
  if (last && last[1] === p - 1) last[1] = p;
  else ranges.push([p, p]);
}
writeFileSync(join(root, 'dist', 'render', 'pdf', 'coverage.json'), JSON.stringify(ranges));
console.log(`font coverage: ${points.length} code points in ${ranges.length} ranges`);
