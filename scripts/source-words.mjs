// The words a reader must find in a rendered document, from a spec's parsed outline: shared by
// scripts/interop-check.mjs (CI, plain Node) and the test suite (test/helpers/source-text.ts),
// so the two cannot disagree about what "the source text" is.
//
// Cross-reference link texts are templates (the output shows generated words instead), so they
// are left out; the output adds numbers and labels, so callers check for a subsequence.

/** Runs of letters, digits and marks, after NFC; soft hyphens removed, U+00A0 a space. */
export function textWords(text) {
  const clean = text.normalize('NFC').replace(/\u00ad/g, '').replace(/\u00a0/g, ' ');
  return clean.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
}

/** Body words (outside footnotes) and each footnote's words, in source order. */
export function outlineWords(outline) {
  const body = [];
  for (const block of outline.preamble) blockWords(block, body);
  for (const section of outline.sections) {
    phrasingWords(section.heading.children, body);
    for (const block of section.blocks) blockWords(block, body);
  }
  const footnotes = outline.footnotes.map((def) => {
    const words = [];
    for (const block of def.children) blockWords(block, words);
    return { label: def.label ?? def.identifier, words };
  });
  return { body, footnotes };
}

function blockWords(node, out) {
  switch (node.type) {
    case 'heading':
    case 'paragraph':
      phrasingWords(node.children, out);
      return;
    case 'list':
      for (const item of node.children) for (const c of item.children) blockWords(c, out);
      return;
    case 'table':
      for (const row of node.children) for (const cell of row.children) phrasingWords(cell.children, out);
      return;
    case 'blockquote':
    case 'footnoteDefinition':
      for (const c of node.children) blockWords(c, out);
      return;
    default:
  }
}

function phrasingWords(nodes, out) {
  let text = '';
  const walk = (list) => {
    for (const n of list) {
      switch (n.type) {
        case 'text':
        case 'inlineCode':
          text += n.value;
          break;
        case 'break':
          text += ' ';
          break;
        case 'link':
          if (/^(https:\/\/|mailto:)/i.test(n.url)) walk(n.children);
          else text += ' ';
          break;
        case 'footnoteReference':
        case 'image':
        case 'imageReference':
        case 'html':
          text += ' ';
          break;
        default:
          if (Array.isArray(n.children)) walk(n.children);
          else if (typeof n.value === 'string') text += n.value;
      }
    }
  };
  walk(nodes);
  out.push(...textWords(text));
}
