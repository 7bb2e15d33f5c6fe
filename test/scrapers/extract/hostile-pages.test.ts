import { describe, expect, it } from 'vitest';
import { capNesting } from '../../../scrapers/extract/cap-nesting.ts';
import { extractOffer } from '../../../scrapers/extract/extract-offer.ts';
import { loadPage, MAX_TREE_DEPTH } from '../../../scrapers/extract/load-page.ts';

const URL = 'https://shop.example/espresso';
const PRODUCT = '<main><h1>Espresso Beans 250 g</h1><span class="price">€12.49</span><button>Add to cart</button></main>';

/** A product page followed by a hostile block; `closed: false` leaves every nested tag open. */
function hostilePage(block: string): string {
  return `<!doctype html><html><head><title>Espresso Beans 250 g</title></head><body>${PRODUCT}${block}</body></html>`;
}
const nested = (n: number, closed = true): string => `${'<div>'.repeat(n)}deep${closed ? '</div>'.repeat(n) : ''}`;
/** `count` copies of `item` at the bottom of a wrapper `depth` elements deep. */
const deepList = (depth: number, item: string, count: number): string => `${'<div>'.repeat(depth)}${item.repeat(count)}${'</div>'.repeat(depth)}`;

function depthOf(html: string): number {
  const $ = loadPage(html);
  let max = 0;
  const stack: [{ children?: unknown[] }, number][] = [[$.root()[0] as { children?: unknown[] }, 0]];
  while (stack.length) {
    const [node, d] = stack.pop() as [{ children?: unknown[] }, number];
    max = Math.max(max, d);
    for (const c of node.children ?? []) if ((c as { type: string }).type === 'tag') stack.push([c as { children?: unknown[] }, d + 1]);
  }
  return max;
}

// The 100,000-div pages took extraction 63–70 s before it was made linear, so a quadratic implementation fails
// them by vitest's 30 s timeout (vitest.config.ts) instead of passing slowly; the 20,000-element pages took
// 10–48 s (on a loaded machine) and now well under a second each. No test measures time.
describe('extraction is linear in the page (a quadratic one would overrun the 30 s test timeout)', () => {
  it('finds the price on a 1.1 MB page of 100,000 nested divs (63–70 s before)', () => {
    const html = hostilePage(nested(100_000));
    expect(html.length).toBeGreaterThan(1_100_000);
    expect(extractOffer({ html, url: URL }).offer).toMatchObject({ name: 'Espresso Beans 250 g', price: '12.49', currency: 'EUR' });
  });

  it('finds the price when the 100,000 divs are never closed', () => {
    expect(extractOffer({ html: hostilePage(nested(100_000, false)), url: URL }).offer.price).toBe('12.49');
  });

  it('finds the price beside 20,000 prices at the bottom of a 380-deep wrapper (ancestors checked once each)', () => {
    const html = hostilePage(deepList(380, '<span class="price">€1.00</span>', 20_000));
    expect(extractOffer({ html, url: URL }).offer.price).toBe('12.49');
  });

  it('finds the title among 20,000 marked product titles 300 deep', () => {
    const html = hostilePage(deepList(300, '<h1 class="product-title">Espresso Beans</h1>', 20_000));
    expect(extractOffer({ html, url: URL }).offer.price).toBe('12.49');
  });

  it('reads 20,000 microdata items 300 deep (outermost items found in one walk)', () => {
    const html = hostilePage(deepList(300, '<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Other</span></div>', 20_000));
    expect(extractOffer({ html, url: URL }).offer.price).toBe('12.49');
  });

  it('reads past a tag that never closes among 200,000 "<b"s and a quote that never ends (the nesting scan stays linear)', () => {
    expect(extractOffer({ html: hostilePage(`<a${'<b'.repeat(200_000)}`), url: URL }).offer.price).toBe('12.49');
    expect(extractOffer({ html: hostilePage(`<a title="${"<b '>".repeat(100_000)}`), url: URL }).offer.price).toBe('12.49');
  });

  it('skips a grid of 20,000 product cards (siblings compared once per parent)', () => {
    const html = hostilePage(`<div class="grid">${'<div class="card"><a href="/x"><img src="a.jpg">€5.00</a></div>'.repeat(20_000)}</div>`);
    expect(extractOffer({ html, url: URL }).offer.price).toBe('12.49');
  });
});

describe('capNesting and loadPage', () => {
  it('leave a normally nested page untouched', () => {
    const html = hostilePage(`<ul><li>one<li>two</ul><p>a<p>b<svg><path/><path/></svg><script>"<div>".repeat(9999)</script>`);
    expect(capNesting(html, MAX_TREE_DEPTH)).toBe(html);
    const deepButFine = hostilePage(nested(400));
    expect(capNesting(deepButFine, MAX_TREE_DEPTH)).toBe(deepButFine);
  });

  it('keep a hostile tree at most MAX_TREE_DEPTH deep, text kept', () => {
    const html = hostilePage(nested(5_000));
    expect(depthOf(html)).toBeLessThanOrEqual(MAX_TREE_DEPTH + 1);
    expect(loadPage(html).text()).toContain('deep');
    // Items that close implicitly (li, p) do not count as nesting; tags inside <script> are no tags.
    const lists = hostilePage(`<ul>${'<li>x'.repeat(5_000)}</ul><script>${'<div>'.repeat(5_000)}</script>`);
    expect(capNesting(lists, MAX_TREE_DEPTH)).toBe(lists);
  });
});
