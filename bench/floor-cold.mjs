// The floor's cold build, for `npm run bench`: a new process that imports the plain stack
// (gray-matter, remark, docx, pdfkit, fontkit) and turns the files it is given into a DOCX and a
// PDF each, as bench/build.mjs's floorFile does. Its wall time, measured by the parent beside
// tertip's own cold build, says what "cold" costs on this machine before Tertip does anything.
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { floorFile } from './build.mjs';

const processor = unified().use(remarkParse).use(remarkGfm);
for (const file of process.argv.slice(2)) await floorFile(file, processor);
