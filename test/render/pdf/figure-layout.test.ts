/** Where figures go on the page: with the start of their caption, never over the bottom margin. */
import { describe, expect, it } from 'vitest';
import type { FlowFigure, FlowLine, FlowPara, StructNode } from '../../../src/render/pdf/flow.js';
import { paginate, type Page } from '../../../src/render/pdf/layout.js';
import { pageGeometry } from '../../../src/render/pdf/styles.js';
import { PAGE } from '../../../src/resolve/model.js';

const geometry = pageGeometry(PAGE);
const node = (): StructNode => ({ type: 'P', children: [] });
const LINE = 16;

function para(lines: number, before = 0): FlowPara {
  const flowLines: FlowLine[] = Array.from({ length: lines }, (_, i) => ({ line: { items: [], footnotes: [] }, top: i * LINE, height: LINE, baseline: 12 }));
  return { kind: 'para', lines: flowLines, height: lines * LINE, before, after: 0, keepWithNext: false, keepTogether: false, node: node() };
}

function figure(height: number, captionLines: number): FlowFigure {
  return { kind: 'figure', bytes: Buffer.alloc(0), width: 200, height, before: 6, caption: para(captionLines, 7), node: { type: 'Figure', children: [], alt: 'x' } };
}

function images(pages: Page[]): Array<{ page: number; y: number }> {
  return pages.flatMap((p, page) => p.items.flatMap((i) => (i.kind === 'image' ? [{ page, y: i.y }] : [])));
}

/** Lines filling the body down to `room` points above its bottom. */
function filler(room: number): FlowPara {
  return para(Math.floor((geometry.bottom - geometry.top - room) / LINE));
}

describe('figure layout', () => {
  it('a figure that does not fit below the text starts the next page, its caption with it', () => {
    const pages = paginate({ flows: [filler(200), figure(300, 1)], notes: new Map(), root: node() }, geometry);
    // A page begun because the last one was full starts at its top: no space above.
    expect(images(pages)).toEqual([{ page: 1, y: geometry.top }]);
    expect(pages[1]?.items.filter((i) => i.kind === 'line')).toHaveLength(1);
  });

  it('the image stays inside the body, with the first two lines of a long caption; the rest goes over the page', () => {
    const pages = paginate({ flows: [filler(400), figure(300, 14)], notes: new Map(), root: node() }, geometry);
    const [image] = images(pages);
    expect(image?.page).toBe(0);
    expect((image?.y ?? 0) + 300).toBeLessThanOrEqual(geometry.bottom);
    const captionOnFirst = (pages[0]?.items ?? []).filter((i) => i.kind === 'line' && i.y > (image?.y ?? 0));
    expect(captionOnFirst.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) for (const item of page.items) if (item.kind === 'line') expect(item.y + LINE).toBeLessThanOrEqual(geometry.bottom + 0.01);
  });

  it('an image that fits only without its caption moves to the next page rather than leaving the caption behind', () => {
    const pages = paginate({ flows: [filler(310), figure(300, 2)], notes: new Map(), root: node() }, geometry);
    expect(images(pages).map((i) => i.page)).toEqual([1]);
  });
});
