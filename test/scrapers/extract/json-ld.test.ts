import { describe, expect, it } from 'vitest';
import { extractOffer } from '../../../scrapers/extract/extract-offer.ts';
import { productPage, URL } from './fixture-page.ts';

const h1 = '<h1>Espresso 250 g</h1>';

describe('extractOffer from JSON-LD', () => {
  it('reads a plain Product with one Offer, with provenance json-ld', () => {
    const html = productPage(h1, {
      jsonLd: [
        {
          '@context': 'https://schema.org',
          '@type': 'Product',
          name: 'Espresso 250 g',
          sku: 'ESP-250',
          gtin13: '4006381333931',
          brand: { '@type': 'Brand', name: 'Caffè Uno' },
          offers: { '@type': 'Offer', price: '12.90', priceCurrency: 'EUR', availability: 'https://schema.org/InStock' },
        },
      ],
    });
    const { offer, provenance } = extractOffer({ html, url: URL });
    expect(offer).toMatchObject({ name: 'Espresso 250 g', price: '12.90', currency: 'EUR', availability: 'InStock', sku: 'ESP-250', gtin: '4006381333931', brand: 'Caffè Uno' });
    expect(provenance).toMatchObject({ price: 'json-ld', currency: 'json-ld', sku: 'json-ld', gtin: 'json-ld', brand: 'json-ld', availability: 'json-ld' });
  });

  it('finds the product inside @graph and resolves @id references', () => {
    const html = productPage(h1, {
      jsonLd: [
        {
          '@context': 'https://schema.org',
          '@graph': [
            { '@type': 'WebPage', '@id': `${URL}#page`, mainEntity: { '@id': `${URL}#product` } },
            { '@type': 'Product', '@id': `${URL}#product`, name: 'Espresso 250 g', offers: { '@id': `${URL}#offer` } },
            { '@type': 'Offer', '@id': `${URL}#offer`, price: 1299, priceCurrency: 'CZK', availability: 'OutOfStock' },
          ],
        },
      ],
    });
    expect(extractOffer({ html, url: URL }).offer).toMatchObject({ price: '1299', currency: 'CZK', availability: 'OutOfStock' });
  });

  it('reads a top-level array, an offers list (the one in stock) and ignores products of an ItemList', () => {
    const html = productPage(h1, {
      jsonLd: [
        [
          { '@type': 'BreadcrumbList', itemListElement: [] },
          {
            '@type': 'ItemList',
            itemListElement: [{ '@type': 'ListItem', item: { '@type': 'Product', name: 'Other tea', offers: { '@type': 'Offer', price: '3.00', priceCurrency: 'EUR' } } }],
          },
          {
            '@type': 'Product',
            name: 'Espresso 250 g',
            offers: [
              { '@type': 'Offer', price: '13.50', priceCurrency: 'EUR', availability: 'https://schema.org/OutOfStock' },
              { '@type': 'Offer', price: '12.90', priceCurrency: 'EUR', availability: 'https://schema.org/InStock' },
            ],
          },
        ],
      ],
    });
    expect(extractOffer({ html, url: URL }).offer).toMatchObject({ price: '12.90', availability: 'InStock' });
  });

  it('takes the low price of an AggregateOffer', () => {
    const html = productPage(h1, {
      jsonLd: [{ '@type': 'Product', name: 'Espresso', offers: { '@type': 'AggregateOffer', lowPrice: '9.5', highPrice: '15', priceCurrency: 'PLN', offerCount: 3 } }],
    });
    expect(extractOffer({ html, url: URL }).offer).toMatchObject({ price: '9.50', currency: 'PLN' });
  });

  it('reads priceSpecification: the sale price as price, a StrikethroughPrice or ListPrice as regular price', () => {
    const spec = (type: string) => ({
      '@type': 'Product',
      name: 'Espresso',
      offers: {
        '@type': 'Offer',
        priceSpecification: [
          { '@type': 'UnitPriceSpecification', price: '9.99', priceCurrency: 'EUR' },
          { '@type': 'UnitPriceSpecification', price: '14.99', priceCurrency: 'EUR', priceType: `https://schema.org/${type}` },
        ],
      },
    });
    for (const type of ['StrikethroughPrice', 'ListPrice']) {
      const { offer, provenance } = extractOffer({ html: productPage(h1, { jsonLd: [spec(type)] }), url: URL });
      expect(offer).toMatchObject({ price: '9.99', regularPrice: '14.99', currency: 'EUR' });
      expect(provenance.regularPrice).toBe('json-ld');
    }
  });

  it('skips a unit price specification for the price', () => {
    const offers = {
      '@type': 'Offer',
      priceSpecification: [
        { '@type': 'UnitPriceSpecification', price: '51.60', priceCurrency: 'EUR', referenceQuantity: { '@type': 'QuantitativeValue', value: '1', unitCode: 'KGM' } },
        { '@type': 'UnitPriceSpecification', price: '12.90', priceCurrency: 'EUR' },
      ],
    };
    const html = productPage(h1, { jsonLd: [{ '@type': 'Product', name: 'Espresso', offers }] });
    expect(extractOffer({ html, url: URL }).offer.price).toBe('12.90');
  });

  it('tolerates malformed JSON and HTML-escaped texts', () => {
    const broken = `{"@context": "https://schema.org", "@type": "Product", "name": "Monitor 27&quot; Pro",
      "sku": 'MON-27', "offers": {"@type": "Offer", "price": "1 299,00", "priceCurrency": "PLN",},}`;
    const { offer } = extractOffer({ html: productPage('<h1>Monitor 27" Pro</h1>', { jsonLd: [broken] }), url: URL, locale: 'pl-PL' });
    expect(offer).toMatchObject({ name: 'Monitor 27" Pro', sku: 'MON-27', price: '1299', currency: 'PLN' });
  });

  it('skips a JSON-LD block nested too deep to read', () => {
    const html = productPage('<h1>Espresso</h1><span class="price">€12.90</span>', { jsonLd: ['['.repeat(200_000)] });
    expect(extractOffer({ html, url: URL }).offer.price).toBe('12.90');
  });

  it('ignores a placeholder offer with price 0, falling back to the visible price', () => {
    const html = productPage(`${h1}<div class="product-price">14,90 €</div>`, {
      jsonLd: [{ '@type': 'Product', name: 'Espresso', offers: { '@type': 'Offer', price: '0', priceCurrency: 'EUR', availability: 'OutOfStock' } }],
    });
    const { offer, provenance } = extractOffer({ html, url: URL });
    expect(offer.price).toBe('14.90');
    expect(provenance.price).toBe('heuristic');
    expect(offer.availability).toBeNull();
  });

  it('prefers the product whose name matches the page title when several are described', () => {
    const html = productPage('<h1>Green tea Sencha</h1>', {
      jsonLd: [
        { '@type': 'Product', name: 'Espresso 250 g', offers: { '@type': 'Offer', price: '12.90', priceCurrency: 'EUR' } },
        { '@type': 'Product', name: 'Green tea Sencha 100 g', offers: { '@type': 'Offer', price: '7.40', priceCurrency: 'EUR' } },
      ],
    });
    expect(extractOffer({ html, url: URL }).offer).toMatchObject({ name: 'Green tea Sencha 100 g', price: '7.40' });
  });
});
