import { describe, expect, it } from 'vitest';
import { extractOffer } from '../../../scrapers/extract/extract-offer.ts';
import { productPage, URL } from './fixture-page.ts';

const offer = (html: string) => extractOffer({ html, url: URL }).offer;

describe('regular and sale price', () => {
  it('takes the regular price from a visible strikethrough when structured data carries only the sale price', () => {
    const html = productPage('<h1>Grinder</h1><div class="prices"><s>€30.00</s> <span class="price">€24.00</span></div><button>Add to cart</button>', {
      jsonLd: [{ '@type': 'Product', name: 'Grinder', offers: { '@type': 'Offer', price: '24.00', priceCurrency: 'EUR' } }],
    });
    const { offer: o, provenance } = extractOffer({ html, url: URL });
    expect(o).toMatchObject({ price: '24', regularPrice: '30' });
    expect(provenance).toMatchObject({ price: 'json-ld', regularPrice: 'heuristic' });
  });

  it('reads a "was" price written as a word, and a sale price with no regular price is still the price', () => {
    expect(offer(productPage('<h1>Grinder</h1><p class="price">Was €30.00</p><p class="price sale">Now €24.00</p><button>Add to cart</button>'))).toMatchObject({ price: '24', regularPrice: '30' });
    expect(offer(productPage('<h1>Grinder</h1><span class="price sale-price">€24.00</span><span class="badge">Sale</span><button>Add to cart</button>'))).toMatchObject({ price: '24', regularPrice: null });
  });
});

describe('marketplace pages and unit prices', () => {
  it('takes the buy box offer, not the cheapest of the other sellers listed below', () => {
    const sellers = ['€17.50', '€18.20', '€19.99'].map((p, i) => `<div class="row"><span>Seller ${i}</span> <span class="price">${p}</span> <button>Add to cart</button></div>`).join('');
    const html = productPage(`<h1>Headphones X2</h1><div class="buybox"><span class="price">€21.90</span><button>Add to cart</button></div>
      <h2>Other sellers on Marketplace</h2><div>${sellers}</div>`);
    expect(offer(html).price).toBe('21.90');
  });

  it('in structured data, the first seller’s offer rather than the AggregateOffer’s low price', () => {
    const html = productPage('<h1>Headphones X2</h1>', {
      jsonLd: [{
        '@type': 'Product', name: 'Headphones X2',
        offers: [
          { '@type': 'AggregateOffer', lowPrice: '17.50', highPrice: '24.00', priceCurrency: 'EUR', offerCount: 4 },
          { '@type': 'Offer', price: '21.90', priceCurrency: 'EUR', seller: { '@type': 'Organization', name: 'Main shop' } },
          { '@type': 'Offer', price: '17.50', priceCurrency: 'EUR', seller: { '@type': 'Organization', name: 'Other' } },
        ],
      }],
    });
    expect(offer(html).price).toBe('21.90');
  });

  it('never takes a unit price, visible or structured', () => {
    const visible = productPage('<h1>Olive oil 0.5 l</h1><div class="price-box"><span class="unit">€25.80 / l</span> <span class="price">€12.90</span></div><p>€25,80 per litre</p><button>Add to cart</button>');
    expect(offer(visible).price).toBe('12.90');
    const perKg = { '@type': 'UnitPriceSpecification', price: '51.60', priceCurrency: 'EUR', referenceQuantity: { '@type': 'QuantitativeValue', value: '1', unitCode: 'KGM' } };
    const onlyUnit = productPage('<h1>Espresso</h1>', { jsonLd: [{ '@type': 'Product', name: 'Espresso', offers: { '@type': 'Offer', priceSpecification: [perKg] } }] });
    expect(offer(onlyUnit).price).toBeNull();
    const perPiece = { ...perKg, price: '12.90', referenceQuantity: { '@type': 'QuantitativeValue', value: '1', unitCode: 'C62' } };
    const piece = productPage('<h1>Espresso</h1>', { jsonLd: [{ '@type': 'Product', name: 'Espresso', offers: { '@type': 'Offer', priceSpecification: [perKg, perPiece] } }] });
    expect(offer(piece).price).toBe('12.90');
  });
});
