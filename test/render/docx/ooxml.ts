/**
 * Reading a .docx the way other software does: unzip (fflate), parse every part
 * (fast-xml-parser, order preserved), and small queries on the element tree. Also Word's list
 * numbering replayed from numbering.xml, independently of the renderer's own check.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';

export interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  /** Text content of a text node (name "#text"). */
  text?: string;
}

type Ordered = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
});

function convert(node: Ordered): XNode | undefined {
  if ('#text' in node) return { name: '#text', attrs: {}, children: [], text: String(node['#text']) };
  const name = Object.keys(node).find((k) => k !== ':@');
  if (name === undefined || name.startsWith('?')) return undefined;
  const attrs = (node[':@'] as Record<string, string> | undefined) ?? {};
  const children = ((node[name] as Ordered[] | undefined) ?? []).map(convert).filter((c): c is XNode => c !== undefined);
  return { name, attrs, children };
}

export function parseXml(xml: string): XNode {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`ill-formed XML: ${JSON.stringify(valid)}`);
  const roots = (parser.parse(xml) as Ordered[]).map(convert).filter((n): n is XNode => n !== undefined && n.name !== '#text');
  const root = roots[0];
  if (!root) throw new Error('no root element');
  return root;
}

/** Descendants named `name`, in document order (pre-order). */
export function findAll(node: XNode, name: string): XNode[] {
  const out: XNode[] = [];
  const walk = (n: XNode): void => {
    for (const c of n.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

export function find(node: XNode, name: string): XNode | undefined {
  return findAll(node, name)[0];
}

export function child(node: XNode, name: string): XNode | undefined {
  return node.children.find((c) => c.name === name);
}

export function textOf(node: XNode): string {
  return node.name === '#text' ? (node.text ?? '') : node.children.map(textOf).join('');
}

/** What a reader shows of a paragraph: w:t text, tabs as \t, breaks as \n (instructions excluded). */
export function paragraphText(p: XNode): string {
  let out = '';
  for (const run of findAll(p, 'w:r')) {
    for (const c of run.children) {
      if (c.name === 'w:t') out += textOf(c);
      else if (c.name === 'w:tab') out += '\t';
      else if (c.name === 'w:br' || c.name === 'w:cr') out += '\n';
    }
  }
  return out;
}

export class Docx {
  readonly files: Record<string, Uint8Array>;
  readonly names: string[];
  private readonly cache = new Map<string, XNode>();

  constructor(readonly bytes: Uint8Array) {
    this.files = unzipSync(bytes);
    this.names = Object.keys(this.files);
  }

  has(path: string): boolean {
    return path in this.files;
  }

  raw(path: string): string {
    const data = this.files[path];
    if (!data) throw new Error(`no part ${path}`);
    return strFromU8(data);
  }

  xml(path: string): XNode {
    let node = this.cache.get(path);
    if (!node) {
      node = parseXml(this.raw(path));
      this.cache.set(path, node);
    }
    return node;
  }

  /** The relationships of a part: id → { type, target, mode }. */
  rels(partPath: string): Map<string, { type: string; target: string; mode?: string }> {
    const slash = partPath.lastIndexOf('/');
    const relsPath = `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
    const out = new Map<string, { type: string; target: string; mode?: string }>();
    if (!this.has(relsPath)) return out;
    for (const r of findAll(this.xml(relsPath), 'Relationship')) {
      out.set(r.attrs.Id ?? '', { type: r.attrs.Type ?? '', target: r.attrs.Target ?? '', ...(r.attrs.TargetMode ? { mode: r.attrs.TargetMode } : {}) });
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Word's list numbering, replayed from numbering.xml and the paragraphs' numPr
// ---------------------------------------------------------------------------------------------

interface Lvl {
  start: number;
  format: string;
  text: string;
}

const ROMAN: Array<[number, string]> = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

function format(value: number, fmt: string): string {
  if (fmt === 'decimal') return String(value);
  if (fmt === 'upperRoman' || fmt === 'lowerRoman') {
    let rest = value;
    let out = '';
    for (const [n, s] of ROMAN) for (; rest >= n; rest -= n) out += s;
    return fmt === 'upperRoman' ? out : out.toLowerCase();
  }
  throw new Error(`number format ${fmt} not replayed`);
}

function val(node: XNode | undefined, name: string): string | undefined {
  const c = node ? child(node, name) : undefined;
  return c?.attrs['w:val'];
}

/**
 * The label Word shows for every numbered paragraph of document.xml, in order: a paragraph at
 * level L advances L's counter (from its start value) and restarts the deeper levels; %n in
 * the level text is level n's counter in level n's format.
 */
export function replayWordNumbering(doc: Docx): string[] {
  const numbering = doc.xml('word/numbering.xml');
  const abstracts = new Map<string, Map<number, Lvl>>();
  for (const a of findAll(numbering, 'w:abstractNum')) {
    const levels = new Map<number, Lvl>();
    for (const l of a.children.filter((c) => c.name === 'w:lvl')) {
      levels.set(Number(l.attrs['w:ilvl']), { start: Number(val(l, 'w:start') ?? '0'), format: val(l, 'w:numFmt') ?? 'decimal', text: val(l, 'w:lvlText') ?? '' });
    }
    abstracts.set(a.attrs['w:abstractNumId'] ?? '', levels);
  }
  const nums = new Map<string, Map<number, Lvl>>();
  for (const n of findAll(numbering, 'w:num')) {
    const levels = new Map(abstracts.get(val(n, 'w:abstractNumId') ?? '') ?? []);
    for (const o of n.children.filter((c) => c.name === 'w:lvlOverride')) {
      const ilvl = Number(o.attrs['w:ilvl']);
      const start = val(o, 'w:startOverride');
      const level = levels.get(ilvl);
      if (level && start !== undefined) levels.set(ilvl, { ...level, start: Number(start) });
    }
    nums.set(n.attrs['w:numId'] ?? '', levels);
  }
  const counters = new Map<string, Array<number | undefined>>();
  const labels: string[] = [];
  for (const p of findAll(doc.xml('word/document.xml'), 'w:p')) {
    const numPr = find(child(p, 'w:pPr') ?? { name: '', attrs: {}, children: [] }, 'w:numPr');
    if (!numPr) continue;
    const numId = val(numPr, 'w:numId') ?? '';
    const ilvl = Number(val(numPr, 'w:ilvl') ?? '0');
    const levels = nums.get(numId);
    if (!levels) throw new Error(`numId ${numId} is not defined in numbering.xml`);
    const c = counters.get(numId) ?? [];
    counters.set(numId, c);
    const own = levels.get(ilvl);
    if (!own) throw new Error(`numId ${numId} has no level ${ilvl}`);
    c[ilvl] = c[ilvl] === undefined ? own.start : (c[ilvl] ?? 0) + 1;
    for (let d = ilvl + 1; d < c.length; d++) c[d] = undefined;
    labels.push(
      own.text.replace(/%([1-9])/g, (_, digit: string) => {
        const i = Number(digit) - 1;
        const level = levels.get(i);
        return format(c[i] ?? level?.start ?? 1, level?.format ?? 'decimal');
      }),
    );
  }
  return labels;
}
