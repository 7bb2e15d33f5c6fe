import { describe, expect, it } from 'vitest';
import { extractOffer } from '../../../scrapers/extract/extract-offer.ts';
import { productPage, URL } from './fixture-page.ts';

const availability = (html: string) => extractOffer({ html, url: URL }).offer.availability;
const cards = (texts: string[]) =>
  texts.map((t, i) => `<div class="card"><a href="/p/${i}"><img src="/i/${i}.jpg" alt=""></a><a href="/p/${i}">Other mug ${i}</a><span>€${i + 5}.00</span><p>${t}</p></div>`).join('');

describe('a page that plainly sells the product is in stock', () => {
  it('a price and an enabled buy button, with no stock statement, say InStock', () => {
    const { offer, provenance } = extractOffer({ html: productPage('<h1>Mug</h1><span class="price">€12.90</span><button>Add to cart</button>'), url: URL });
    expect(offer.availability).toBe('InStock');
    expect(provenance.availability).toBe('heuristic');
  });

  it('says nothing without a price, or when the only buy button is hidden', () => {
    expect(availability(productPage('<h1>Mug</h1><p>Ask us</p><button>Add to cart</button>'))).toBeNull();
    expect(availability(productPage('<h1>Mug</h1><span class="price">€12.90</span><div hidden><button>Add to cart</button></div>'))).toBeNull();
    expect(availability(productPage('<h1>Mug</h1><span class="price">€12.90</span><input type="submit" value="Add to cart" style="display:none">'))).toBeNull();
  });

  it('structured data saying OutOfStock for the main offer wins over an enabled buy button', () => {
    const html = productPage('<h1>Mug</h1><span class="price">€12.90</span><button>Add to cart</button>', {
      jsonLd: [{ '@type': 'Product', name: 'Mug', offers: { '@type': 'Offer', price: '12.90', priceCurrency: 'EUR', availability: 'https://schema.org/OutOfStock' } }],
    });
    expect(availability(html)).toBe('OutOfStock');
  });

  it('a disabled buy button waiting for a size to be chosen is no out-of-stock signal', () => {
    const html = productPage(`<h1>Boots</h1><span class="price">€69.95</span>
      <select name="size"><option>Choose a size</option><option>38</option></select><button disabled>Add to cart</button>`);
    expect(availability(html)).toBeNull();
    const withQuantity = productPage(`<h1>Boots</h1><span class="price">€69.95</span>
      <select name="qty"><option>1</option></select><button disabled>Add to cart</button>`);
    expect(availability(withQuantity)).toBe('OutOfStock');
  });
});

describe('out-of-stock text counts only in the product’s own area', () => {
  const sells = (extra: string) => productPage(`<h1>Mug</h1><span class="price">€12.90</span><button>Add to cart</button>${extra}`);

  it('ignores sold-out sizes written as "44 – sold out" in a plain list', () => {
    expect(availability(sells('<ul><li><a href="?s=44">44 – sold out</a></li><li><a href="?s=45">EU 45 sold out</a></li><li>XL: out of stock</li></ul>'))).toBe('InStock');
  });

  it('ignores a carousel of other products and a notify-me widget that is not shown', () => {
    expect(availability(sells(`<div class="slider">${cards(['Sold out', 'Sold out', 'Sold out'])}</div>`))).toBe('InStock');
    expect(availability(sells('<div class="notify-me is-hidden"><p>Out of stock</p><button>Notify me</button></div>'))).toBe('InStock');
    expect(availability(sells('<script type="text/template"><p>Out of stock</p></script><script>var other = {"availability": "OutOfStock"};</script>'))).toBe('InStock');
  });

  it('still reads an out-of-stock statement next to the product', () => {
    expect(availability(productPage('<h1>Mug</h1><span class="price">€12.90</span><p class="stock">Out of stock</p><button>Notify me</button>'))).toBe('OutOfStock');
  });

  it('a product described once per size in structured data is in stock when any size is', () => {
    const size = (sku: string, stock: string) => ({
      '@type': 'Product', name: 'Flat boots', sku, offers: { '@type': 'Offer', price: '69.95', priceCurrency: 'EUR', availability: `http://schema.org/${stock}` },
    });
    const html = productPage('<h1>Flat boots</h1>', { jsonLd: [[size('B-35', 'OutOfStock'), size('B-36', 'InStock'), size('B-37', 'InStock')]] });
    expect(availability(html)).toBe('InStock');
    const group = {
      '@type': 'ProductGroup', name: 'Flat boots',
      hasVariant: [{ ...size('B-35', 'OutOfStock'), name: 'Flat boots 35' }, { ...size('B-36', 'InStock'), name: 'Flat boots 36' }],
    };
    expect(availability(productPage('<h1>Flat boots 35</h1>', { jsonLd: [group] }))).toBe('InStock');
    expect(availability(productPage('<h1>Flat boots</h1>', { jsonLd: [[size('B-35', 'OutOfStock'), size('B-36', 'OutOfStock')]] }))).toBe('OutOfStock');
  });
});
