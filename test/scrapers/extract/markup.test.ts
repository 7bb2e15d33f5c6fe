import { describe, expect, it } from 'vitest';
import { extractOffer } from '../../../scrapers/extract/extract-offer.ts';
import { productPage, URL } from './fixture-page.ts';

describe('extractOffer from microdata', () => {
  it('reads nested itemscope items, content attributes and link values', () => {
    const html = productPage(`
      <div itemscope itemtype="https://schema.org/Product">
        <h1 itemprop="name">Kávédaráló Classic</h1>
        <span itemprop="brand" itemscope itemtype="https://schema.org/Brand"><span itemprop="name">Zassenhaus</span></span>
        <meta itemprop="sku" content="ZH-040">
        <meta itemprop="gtin13" content="4006381333931">
        <div itemprop="offers" itemscope itemtype="https://schema.org/Offer">
          <span itemprop="price" content="12345">12 345 Ft</span>
          <meta itemprop="priceCurrency" content="HUF">
          <link itemprop="availability" href="https://schema.org/InStock">
        </div>
      </div>`);
    const { offer, provenance } = extractOffer({ html, url: URL, locale: 'hu-HU' });
    expect(offer).toMatchObject({ name: 'Kávédaráló Classic', price: '12345', currency: 'HUF', availability: 'InStock', sku: 'ZH-040', gtin: '4006381333931', brand: 'Zassenhaus' });
    expect(provenance).toMatchObject({ price: 'microdata', sku: 'microdata', brand: 'microdata' });
  });

  it('reads a display text price when there is no content attribute', () => {
    const html = productPage(`
      <div itemscope itemtype="http://schema.org/Product"><h1 itemprop="name">Mlýnek</h1>
        <div itemprop="offers" itemscope itemtype="http://schema.org/Offer"><span itemprop="price">2 999,00</span> <span itemprop="priceCurrency">CZK</span></div>
      </div>`);
    expect(extractOffer({ html, url: URL, locale: 'cs-CZ' }).offer).toMatchObject({ price: '2999', currency: 'CZK' });
  });

  it('skips products inside a related-products area', () => {
    const html = productPage(`
      <div itemscope itemtype="http://schema.org/Product"><h1 itemprop="name">Espresso</h1>
        <div itemprop="offers" itemscope itemtype="http://schema.org/Offer"><meta itemprop="price" content="12.90"><meta itemprop="priceCurrency" content="EUR"></div>
      </div>
      <section class="related-products">
        <div itemscope itemtype="http://schema.org/Product"><span itemprop="name">Espresso 1 kg</span>
          <div itemprop="offers" itemscope itemtype="http://schema.org/Offer"><meta itemprop="price" content="39.90"><meta itemprop="priceCurrency" content="EUR"></div></div>
      </section>`);
    expect(extractOffer({ html, url: URL }).offer).toMatchObject({ name: 'Espresso', price: '12.90' });
  });
});

describe('extractOffer from RDFa Lite', () => {
  it('reads vocab/typeof/property items', () => {
    const html = productPage(`
      <div vocab="https://schema.org/" typeof="Product">
        <h1 property="name">Młynek do kawy</h1>
        <span property="sku">MK-77</span>
        <div property="offers" typeof="Offer">
          <span property="price" content="249.99">249,99 zł</span>
          <meta property="priceCurrency" content="PLN">
          <link property="availability" href="https://schema.org/OutOfStock">
        </div>
      </div>`);
    const { offer, provenance } = extractOffer({ html, url: URL, locale: 'pl-PL' });
    expect(offer).toMatchObject({ name: 'Młynek do kawy', price: '249.99', currency: 'PLN', sku: 'MK-77', availability: 'OutOfStock' });
    expect(provenance).toMatchObject({ price: 'rdfa', sku: 'rdfa', availability: 'rdfa' });
  });
});

describe('extractOffer from OpenGraph and product meta', () => {
  it('reads og:title and product:price meta, with the sale price as price', () => {
    const head = `
      <meta property="og:title" content="Kaffeemühle Retro">
      <meta property="product:price:amount" content="59.90">
      <meta property="product:price:currency" content="EUR">
      <meta property="product:sale_price:amount" content="49.90">
      <meta property="product:sale_price:currency" content="EUR">
      <meta property="product:availability" content="in stock">
      <meta property="product:retailer_item_id" content="KM-RETRO">
      <meta property="product:brand" content="Bialetti">`;
    const { offer, provenance } = extractOffer({ html: productPage('<p>Kaffeemühle</p>', { head }), url: URL });
    expect(offer).toMatchObject({ name: 'Kaffeemühle Retro', price: '49.90', regularPrice: '59.90', currency: 'EUR', availability: 'InStock', sku: 'KM-RETRO', brand: 'Bialetti' });
    expect(provenance).toMatchObject({ name: 'opengraph', price: 'opengraph', regularPrice: 'opengraph' });
  });

  it('lets JSON-LD win over OpenGraph for the price group', () => {
    const head = '<meta property="og:price:amount" content="10.00"><meta property="og:price:currency" content="USD">';
    const html = productPage('<h1>Mug</h1>', { head, jsonLd: [{ '@type': 'Product', name: 'Mug', offers: { '@type': 'Offer', price: '8.00', priceCurrency: 'GBP' } }] });
    const { offer, provenance } = extractOffer({ html, url: URL });
    expect(offer).toMatchObject({ price: '8', currency: 'GBP' });
    expect(provenance.price).toBe('json-ld');
  });
});
