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

/**
 * Greedy subsequence match of `expected` in `actual` (greedy is optimal for subsequence tests):
 * { reached } when every word was found in order; otherwise also the first word missing (with the
 * five before it) and the output words where the match stopped.
 */
export function alignSubsequence(actual, expected) {
  let next = 0;
  let lastMatched = -1;
  for (let i = 0; i < actual.length && next < expected.length; i++) {
    if (actual[i] === expected[next]) {
      next++;
      lastMatched = i;
    }
  }
  if (next === expected.length) return { reached: next };
  return {
    reached: next,
    firstMissing: `"${expected[next]}" (after "${expected.slice(Math.max(0, next - 5), next).join(' ')}")`,
    outputNear: actual.slice(lastMatched + 1, lastMatched + 16).join(' '),
  };
}

/** Source words that occur fewer times in the output than in the source: [{ word, missing }]. */
export function missingWords(actual, expected) {
  const have = new Map();
  for (const w of actual) have.set(w, (have.get(w) ?? 0) + 1);
  const need = new Map();
  for (const w of expected) need.set(w, (need.get(w) ?? 0) + 1);
  const out = [];
  for (const [word, n] of need) {
    const short = n - (have.get(word) ?? 0);
    if (short > 0) out.push({ word, missing: short });
  }
  return out;
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
