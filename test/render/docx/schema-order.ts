/**
 * The order ECMA-376 (transitional) prescribes for the children of the property elements we
 * write. Word refuses a file whose properties are out of sequence ("unreadable content") where
 * LibreOffice reads it happily, so the tests check the order themselves.
 */
import { findAll, type XNode } from './ooxml.js';

const SEQUENCES: Record<string, string[]> = {
  'w:pPr': [
    'w:pStyle', 'w:keepNext', 'w:keepLines', 'w:pageBreakBefore', 'w:framePr', 'w:widowControl', 'w:numPr', 'w:suppressLineNumbers',
    'w:pBdr', 'w:shd', 'w:tabs', 'w:suppressAutoHyphens', 'w:kinsoku', 'w:wordWrap', 'w:overflowPunct', 'w:topLinePunct', 'w:autoSpaceDE',
    'w:autoSpaceDN', 'w:bidi', 'w:adjustRightInd', 'w:snapToGrid', 'w:spacing', 'w:ind', 'w:contextualSpacing', 'w:mirrorIndents',
    'w:suppressOverlap', 'w:jc', 'w:textDirection', 'w:textAlignment', 'w:textboxTightWrap', 'w:outlineLvl', 'w:divId', 'w:cnfStyle',
    'w:rPr', 'w:sectPr', 'w:pPrChange',
  ],
  'w:rPr': [
    'w:rStyle', 'w:rFonts', 'w:b', 'w:bCs', 'w:i', 'w:iCs', 'w:caps', 'w:smallCaps', 'w:strike', 'w:dstrike', 'w:outline', 'w:shadow',
    'w:emboss', 'w:imprint', 'w:noProof', 'w:snapToGrid', 'w:vanish', 'w:webHidden', 'w:color', 'w:spacing', 'w:w', 'w:kern',
    'w:position', 'w:sz', 'w:szCs', 'w:highlight', 'w:u', 'w:effect', 'w:bdr', 'w:shd', 'w:fitText', 'w:vertAlign', 'w:rtl', 'w:cs',
    'w:em', 'w:lang', 'w:eastAsianLayout', 'w:specVanish', 'w:oMath',
  ],
  'w:tblPr': [
    'w:tblStyle', 'w:tblpPr', 'w:tblOverlap', 'w:bidiVisual', 'w:tblStyleRowBandSize', 'w:tblStyleColBandSize', 'w:tblW', 'w:jc',
    'w:tblCellSpacing', 'w:tblInd', 'w:tblBorders', 'w:shd', 'w:tblLayout', 'w:tblCellMar', 'w:tblLook', 'w:tblCaption', 'w:tblDescription',
  ],
  'w:tcPr': ['w:cnfStyle', 'w:tcW', 'w:gridSpan', 'w:hMerge', 'w:vMerge', 'w:tcBorders', 'w:shd', 'w:noWrap', 'w:tcMar', 'w:textDirection', 'w:tcFitText', 'w:vAlign', 'w:hideMark'],
  'w:sectPr': [
    'w:headerReference|w:footerReference', 'w:footnotePr', 'w:endnotePr', 'w:type', 'w:pgSz', 'w:pgMar', 'w:paperSrc', 'w:pgBorders',
    'w:lnNumType', 'w:pgNumType', 'w:cols', 'w:formProt', 'w:vAlign', 'w:noEndnote', 'w:titlePg', 'w:textDirection', 'w:bidi',
    'w:rtlGutter', 'w:docGrid', 'w:printerSettings', 'w:sectPrChange',
  ],
  'w:style': [
    'w:name', 'w:aliases', 'w:basedOn', 'w:next', 'w:link', 'w:autoRedefine', 'w:hidden', 'w:uiPriority', 'w:semiHidden',
    'w:unhideWhenUsed', 'w:qFormat', 'w:locked', 'w:personal', 'w:personalCompose', 'w:personalReply', 'w:rsid', 'w:pPr', 'w:rPr',
    'w:tblPr', 'w:trPr', 'w:tcPr', 'w:tblStylePr',
  ],
  'w:lvl': ['w:start', 'w:numFmt', 'w:lvlRestart', 'w:pStyle', 'w:isLgl', 'w:suff', 'w:lvlText', 'w:lvlPicBulletId', 'w:legacy', 'w:lvlJc', 'w:pPr', 'w:rPr'],
  'w:tr': ['w:tblPrEx', 'w:trPr', 'w:tc|w:customXml|w:sdt|w:bookmarkStart|w:bookmarkEnd'],
  'w:tc': ['w:tcPr', 'w:p|w:tbl|w:customXml|w:sdt|w:bookmarkStart|w:bookmarkEnd'],
};

function rank(sequence: string[], name: string): number {
  return sequence.findIndex((entry) => entry.split('|').includes(name));
}

/** "part: element > child out of order (after previous)" for every violation in `root`. */
export function orderProblems(root: XNode, part: string): string[] {
  const problems: string[] = [];
  for (const [element, sequence] of Object.entries(SEQUENCES)) {
    for (const node of findAll(root, element)) {
      let last = -1;
      let lastName = '';
      for (const c of node.children) {
        if (c.name === '#text') continue;
        const r = rank(sequence, c.name);
        if (r < 0) problems.push(`${part}: ${element} has unexpected ${c.name}`);
        else if (r < last) problems.push(`${part}: ${element} > ${c.name} comes after ${lastName}`);
        else {
          last = r;
          lastName = c.name;
        }
      }
    }
  }
  return problems;
}
