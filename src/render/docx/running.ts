/**
 * Page headers and footers. The first page is different (the cover carries no running header),
 * every page shows "page X of Y" in the footer with PAGE and NUMPAGES fields, and while the
 * document is a draft every page, the first included, shows the draft marking in the header.
 */
import { Footer, Header, Paragraph, Tab, TabStopType, TextRun, type ParagraphChild } from 'docx';
import type { PageSetup, RunningTexts } from '../../model/types.js';
import { field } from './fields.js';
import { textRuns } from './runs.js';
import { EXTRA_STYLE_IDS, textWidthTwips } from './styles.js';

export interface RunningParts {
  headers: { default: Header; first: Header };
  footers: { default: Footer; first: Footer };
}

/** "Sahypa {page} / {pages}" → text, PAGE field, text, NUMPAGES field. */
export function pageOfChildren(template: string): ParagraphChild[] {
  return template.split(/(\{pages\}|\{page\})/).flatMap((part): ParagraphChild[] => {
    if (part === '{page}') return field('PAGE', '');
    if (part === '{pages}') return field('NUMPAGES', '');
    return part === '' ? [] : textRuns(part);
  });
}

/** The header line: running text at the left, the draft marking at the right margin. */
function headerParagraph(text: string, draftMark: string, page: PageSetup): Paragraph {
  const mark = draftMark === '' ? [] : [new TextRun({ children: [new Tab()] }), ...textRuns(draftMark, { style: EXTRA_STYLE_IDS.draftMarkChar })];
  return new Paragraph({
    style: EXTRA_STYLE_IDS.header,
    tabStops: [{ type: TabStopType.RIGHT, position: textWidthTwips(page) }],
    children: [...(text === '' ? [] : textRuns(text)), ...mark],
  });
}

export function runningParts(running: RunningTexts, page: PageSetup): RunningParts {
  const footer = (): Footer => new Footer({ children: [new Paragraph({ style: EXTRA_STYLE_IDS.footer, children: pageOfChildren(running.pageOf) })] });
  return {
    headers: {
      default: new Header({ children: [headerParagraph(running.header, running.draftMark, page)] }),
      first: new Header({ children: [headerParagraph('', running.draftMark, page)] }),
    },
    footers: { default: footer(), first: footer() },
  };
}
