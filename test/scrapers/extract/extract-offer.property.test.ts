import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../../scrapers/extract/decode-html.ts';
import { extractOffer, ExtractionError } from '../../../scrapers/extract/extract-offer.ts';
import { loadPage, MAX_TREE_DEPTH } from '../../../scrapers/extract/load-page.ts';

const URL = 'https://shop.example/p/1';
const DECIMAL = /^\d+(\.\d+)?$/;

const TAGS = ['div', 'span', 'p', 'main', 'section', 'header', 'nav', 'footer', 'h1', 'button', 'a', 'del', 's', 'sup', 'li', 'ul', 'table', 'td', 'tr', 'svg', 'template', 'script', 'style', 'select', 'option', 'meta', 'input', 'img', 'form', 'article', 'label'];
const ATTRS = ['class', 'id', 'itemprop', 'itemscope', 'itemtype', 'typeof', 'property', 'content', 'style', 'hidden', 'href', 'value', 'type', 'data-price', 'aria-label', 'lang', 'disabled'];
const WORDS = ['price', 'old-price', 'product-title', 'add-to-cart', 'related', 'hidden', 'display:none', 'https://schema.org/Product', 'Offer', 'InStock', 'name', 'offers', 'priceCurrency', 'sku', 'og:price:amount', 'submit'];
const TEXTS = ['€12.49', '12,49 zł', '$1,299.00', 'Add to cart', 'Out of stock', 'In den Warenkorb', 'SKU: AB-123', 'EAN 4006381333931', '-20 %', 'Was £30', '1 299 Kč', 'Espresso Beans', '&amp;', '&#x1F600;', '<', '>', ' '];

const attrValue = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.string({ maxLength: 30 }),
  // Huge attribute values: up to 300 KB.
  fc.tuple(fc.constantFrom('a', 'price ', '"', '€1 ', '\\u0000'), fc.integer({ min: 1_000, max: 60_000 })).map(([s, n]) => s.repeat(n)),
);
const attrs = fc.array(fc.tuple(fc.constantFrom(...ATTRS), attrValue), { maxLength: 3 }).map((list) => list.map(([k, v]) => ` ${k}="${v.replaceAll('"', '&quot;')}"`).join(''));

const { node } = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...TEXTS),
    fc.string({ maxLength: 20 }),
    fc.tuple(fc.constantFrom(...TAGS), attrs, fc.array(tie('node'), { maxLength: 4 }), fc.boolean()).map(
      ([tag, a, children, closed]) => `<${tag}${a}>${children.join('')}${closed ? `</${tag}>` : ''}`,
    ),
  ),
}));

/** Wrappers thousands deep, closed or not, around generated content. */
const deep = fc.tuple(fc.constantFrom('div', 'span', 'section', 'li', 'a', 'table', 'svg'), fc.integer({ min: 100, max: 5_000 }), fc.boolean(), node).map(
  ([tag, depth, closed, inner]) => `${`<${tag} class="price">`.repeat(depth)}${inner}${closed ? `</${tag}>`.repeat(depth) : ''}`,
);
const jsonLd = fc.oneof(fc.json(), fc.string({ maxLength: 200 }), fc.constant(`${'['.repeat(5_000)}1${']'.repeat(5_000)}`)).map(
  (body) => `<script type="application/ld+json">${body}</script>`,
);
const page = fc.tuple(fc.array(fc.oneof(node, deep, jsonLd), { minLength: 1, maxLength: 4 }), fc.constantFrom('', 'pl', 'de-DE', 'ja', 'x')).map(
  ([parts, lang]) => `<!doctype html><html lang="${lang}"><head><title>Espresso</title></head><body>${parts.join('')}</body></html>`,
);

/** The one failure extraction may report: a typed ExtractionError. Anything else escaping is a bug. */
function extractOrTyped(html: string): void {
  try {
    const { offer } = extractOffer({ html, url: URL });
    if (offer.price !== null) expect(offer.price).toMatch(DECIMAL);
    if (offer.regularPrice !== null) expect(offer.regularPrice).toMatch(DECIMAL);
  } catch (err) {
    if (!(err instanceof ExtractionError)) throw err;
  }
}

describe('extraction on generated HTML (fast-check): only typed errors escape', () => {
  it('handles what fast-check found: an item on a <style> element, a JSON-LD block of 4,000 unclosed arrays', () => {
    extractOrTyped('<html><body><style itemscope="a"></style></body></html>');
    extractOrTyped(`<html><body><p class="price">€1</p><script type="application/ld+json">${'['.repeat(4_000)}`);
    extractOrTyped(`<html><body><script type="application/ld+json">${'{"a":'.repeat(4_000)}</script><h1>Espresso</h1></body></html>`);
  });

  it('handles nested markup, deep nesting, huge attribute values and broken JSON-LD', () => {
    fc.assert(fc.property(page, extractOrTyped), { numRuns: 60 });
  });

  it('handles arbitrary bytes under any declared charset', () => {
    const charset = fc.constantFrom(undefined, 'text/html; charset=utf-8', 'text/html; charset=utf-7', 'text/html; charset=utf-16', 'text/html; charset=shift_jis', 'text/html; charset=x-nonsense', 'text/html; charset=');
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 2_000 }),
      fc.tuple(page, fc.uint8Array({ maxLength: 200 })).map(([html, noise]) => Buffer.concat([Buffer.from(html, 'utf8').subarray(0, 5_000), noise])),
    );
    fc.assert(
      fc.property(bytes, charset, (b, contentType) => {
        extractOrTyped(decodeHtml(b, contentType));
      }),
      { numRuns: 80 },
    );
  });

  it('parses every generated page no deeper than a browser would (MAX_TREE_DEPTH)', () => {
    fc.assert(
      fc.property(page, (html) => {
        const $ = loadPage(html);
        let deepest = 0;
        const stack: [{ children?: { type: string }[] }, number][] = [[$.root()[0] as never, 0]];
        while (stack.length) {
          const [n, d] = stack.pop() as [{ children?: { type: string }[] }, number];
          deepest = Math.max(deepest, d);
          for (const c of n.children ?? []) if ('children' in c) stack.push([c as never, d + 1]);
        }
        expect(deepest).toBeLessThanOrEqual(MAX_TREE_DEPTH + 1);
      }),
      { numRuns: 60 },
    );
  });
});
