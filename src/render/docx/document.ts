/**
 * Assembles the docx Document: styles, numbering, footnotes, the one A4 section with its running
 * header and footer, and the blocks (front, body, then each annex on a new page).
 */
import { Document, Paragraph, PageOrientation, TextRun, type ISectionPropertiesOptions } from 'docx';
import { PARAGRAPH_STYLES } from '../../model/styles.js';
import type { DocModel, PageSetup } from '../../model/types.js';
import { BlockWriter } from './blocks.js';
import { RenderContext } from './context.js';
import { buildNumbering } from './numbering.js';
import { runningParts } from './running.js';
import { convertRuns } from './runs.js';
import { PLACEHOLDER_STYLES } from './styles.js';
import { A4_MM, mmToTwips } from './units.js';

/** Header and footer sit this far from the page edge, or halfway into a smaller margin. */
const RUNNING_DISTANCE_MM = 10;

function pageProperties(page: PageSetup): ISectionPropertiesOptions {
  const { top, right, bottom, left } = page.margins;
  return {
    page: {
      size: { width: mmToTwips(A4_MM.width), height: mmToTwips(A4_MM.height), orientation: PageOrientation.PORTRAIT },
      margin: {
        top: mmToTwips(top),
        right: mmToTwips(right),
        bottom: mmToTwips(bottom),
        left: mmToTwips(left),
        header: mmToTwips(Math.min(RUNNING_DISTANCE_MM, top / 2)),
        footer: mmToTwips(Math.min(RUNNING_DISTANCE_MM, bottom / 2)),
        gutter: 0,
      },
    },
    titlePage: true,
  };
}

/** Word separates the note's mark (which docx puts first) from its text with a space. */
const FOOTNOTE_SEPARATOR = ' ';

function footnotes(model: DocModel, context: RenderContext): Record<number, { children: Paragraph[] }> {
  const out: Record<number, { children: Paragraph[] }> = {};
  model.footnotes.forEach((runs, i) => {
    const children = [new TextRun(FOOTNOTE_SEPARATOR), ...convertRuns(runs, context, 'footnote')];
    out[i + 1] = { children: [new Paragraph({ style: PARAGRAPH_STYLES.footnote.wordId, children })] };
  });
  return out;
}

function bodyChildren(model: DocModel, context: RenderContext): ReturnType<BlockWriter['finish']> {
  const writer = new BlockWriter(context);
  writer.write(model.front);
  writer.write(model.body);
  for (const annex of model.annexes) {
    writer.breakPage();
    writer.write(annex);
  }
  return writer.finish();
}

/** The docx Document for a model (no I/O; ids made while building come from Math.random). */
export function buildDocument(model: DocModel): Document {
  const context = new RenderContext(model);
  const children = bodyChildren(model, context);
  const running = runningParts(model.running, model.page);
  return new Document({
    // The real style sheet replaces this one after compiling (styles.ts stylesPart).
    externalStyles: PLACEHOLDER_STYLES,
    numbering: buildNumbering(model.numbering),
    footnotes: footnotes(model, context),
    sections: [{ properties: pageProperties(model.page), ...running, children }],
  });
}
