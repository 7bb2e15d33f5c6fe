import { describe, expect, it } from 'vitest';
import { extractOffer } from '../../../scrapers/extract/extract-offer.ts';
import { productPage, URL } from './fixture-page.ts';

const cards = (prices: string[]) =>
  prices.map((p, i) => `<div class="tile"><a href="/p/${i}"><img src="/i/${i}.jpg" alt=""></a><a href="/p/${i}">Other coffee ${i}</a><span>${p}</span></div>`).join('');

describe('extractOffer from the visible page', () => {
  it('takes the price near the title and buy button, not the cart total, rating count, shipping threshold or related products', () => {
    const html = productPage(`
      <div class="product">
        <h1>Espresso Gran Crema 1 kg</h1>
        <div class="rating"><span>4.6</span> <a href="#reviews">(1,284 reviews)</a></div>
        <div class="price-box"><span class="price">€24.99</span></div>
        <p class="delivery">Free delivery from €49.00</p>
        <p class="unit">€24.99 / kg</p>
        <button class="add-to-cart">Add to cart</button>
      </div>
      <section class="you-may-also-like">${cards(['€9.99', '€12.49', '€15.00'])}</section>`);
    const { offer, provenance } = extractOffer({ html, url: URL });
    expect(offer).toMatchObject({ name: 'Espresso Gran Crema 1 kg', price: '24.99', currency: 'EUR' });
    expect(provenance).toMatchObject({ name: 'heuristic', price: 'heuristic', currency: 'heuristic' });
  });

  it('ignores prices in a grid of product cards even without a telling class name', () => {
    const html = productPage(`<h1>Espresso</h1><div class="grid">${cards(['€1.00', '€2.00', '€3.00', '€4.00'])}</div><div class="buy"><span class="price">€6.50</span></div>`);
    expect(extractOffer({ html, url: URL }).offer.price).toBe('6.50');
  });

  it('reads a struck-through was price as the regular price', () => {
    for (const old of ['<del>€30.00</del>', '<s>€30.00</s>', '<span class="old-price">€30.00</span>', '<span class="price price--was">€30.00</span>']) {
      const html = productPage(`<h1>Grinder</h1><div class="prices">${old} <span class="price">€24.00</span></div><button>Add to basket</button>`);
      expect(extractOffer({ html, url: URL }).offer, old).toMatchObject({ price: '24', regularPrice: '30' });
    }
  });

  it('does not take an instalment or a price without VAT as the price', () => {
    const html = productPage(`<h1>Kávovar</h1>
      <div class="price-block"><div class="price">12 990 Kč</div><div class="price-vat">bez DPH 10 736 Kč</div></div>
      <div class="price-installment">Splátky od 1 083 Kč / měs.</div>`);
    expect(extractOffer({ html, url: URL, locale: 'cs-CZ' }).offer).toMatchObject({ price: '12990', currency: 'CZK' });
  });

  it('reads a price with its legal note and skips bare numbers of ratings', () => {
    const html = productPage(`<h1>Whiskyglas Hamilton</h1>
      <a class="reviews starsWithAmount"><span>68</span></a>
      <div class="prd_price"><span class="prd_price__amount">€ 56,74</span> inkl. MwSt. zzgl. Versandkosten</div>
      <button>In den Warenkorb</button>`);
    expect(extractOffer({ html, url: URL, locale: 'de-DE' }).offer).toMatchObject({ price: '56.74', currency: 'EUR' });
  });

  it('lets the visible price win when markup gives the struck-through price', () => {
    const html = productPage(`<div itemscope itemtype="http://schema.org/Product"><h1 itemprop="name">Mug</h1>
      <div itemprop="offers" itemscope itemtype="http://schema.org/Offer"><meta itemprop="price" content="20.00"><meta itemprop="priceCurrency" content="EUR"></div>
      <div class="price"><span class="price-old">€20.00</span></div><div class="price"><span class="price-new">€15.00</span></div><span class="badge">-25%</span></div>`);
    const { offer, provenance } = extractOffer({ html, url: URL });
    expect(offer).toMatchObject({ price: '15', regularPrice: '20', promotions: ['-25%'] });
    expect(provenance).toMatchObject({ price: 'heuristic', regularPrice: 'heuristic', promotions: 'heuristic' });
  });

  it('lets an unmistakable visible price win over a minor markup price such as a starting bid', () => {
    const html = productPage(
      `<div class="product-detail"><h1>Vintage flap bag</h1><div class="price-box"><span class="price">$400</span></div>
        <button>Place bid</button><p class="note">Starting price $90</p></div>`,
      { jsonLd: [{ '@type': 'Product', name: 'Vintage flap bag', offers: { '@type': 'Offer', price: '90', priceCurrency: 'USD' } }] },
    );
    const { offer, provenance } = extractOffer({ html, url: URL });
    expect(offer).toMatchObject({ price: '400', regularPrice: null, currency: 'USD' });
    expect(provenance.price).toBe('heuristic');
  });

  it('reads labelled identifiers and brand next to the product', () => {
    const html = productPage(`<h1>Moka pot</h1><span class="price">€35.00</span>
      <p>Product code: 83050303</p><dl><dt>EAN</dt><dd>4006381333931</dd><dt>Brand:</dt><dd>Bialetti</dd></dl>`);
    const { offer, provenance } = extractOffer({ html, url: URL });
    expect(offer).toMatchObject({ sku: '83050303', gtin: '4006381333931', brand: 'Bialetti' });
    expect(provenance).toMatchObject({ sku: 'heuristic', gtin: 'heuristic', brand: 'heuristic' });
  });

  it('falls back to the identifier in the URL when the page names no SKU', () => {
    const html = productPage('<h1>Metal garage</h1><span class="price">£1,899</span>');
    expect(extractOffer({ html, url: 'https://city.example.org/grd/d/metal-garage/7221815683.html' }).offer.sku).toBe('7221815683');
    expect(extractOffer({ html, url: 'https://shop.example/store/122725?pid=260591' }).offer.sku).toBe('260591');
    expect(extractOffer({ html, url: 'file:///tmp/saved-page-12345678.html' }).offer.sku).toBeNull();
    const saved = html.replace('<title>', '<link rel="canonical" href="https://shop.example/itm/133588510845"><title>');
    expect(extractOffer({ html: saved, url: 'file:///tmp/saved-page-12345678.html' }).offer.sku).toBe('133588510845');
  });

  it('collects promotion badges and coupon codes near the product', () => {
    const html = productPage(`<h1>Tea set</h1><span class="badge">-20 %</span><span class="price">€40.00</span>
      <div class="promo">2 for 1</div><div class="coupon">Coupon: SUMMER21</div>
      <section class="related">${cards(['€5.00', '€6.00', '€7.00'])}<span class="badge">-50 %</span></section>`);
    expect(extractOffer({ html, url: URL }).offer.promotions).toEqual(['-20 %', '2 for 1', 'Coupon: SUMMER21']);
  });

  it('survives broken markup with thousands of unclosed tags', () => {
    const html = productPage(`<h1>Espresso</h1><span class="price">€5.00</span>${'<div><font>'.repeat(8000)}end`);
    expect(extractOffer({ html, url: URL }).offer.price).toBe('5');
  });

  it('reports an empty page as extraction_empty', () => {
    expect(() => extractOffer({ html: '<html><body><p>Nothing to see</p></body></html>', url: URL })).toThrow(
      expect.objectContaining({ name: 'ExtractionError', code: 'extraction_empty' }),
    );
  });
});

describe('visible stock overrides markup', () => {
  const markup = (availability: string, body: string) =>
    productPage(`<h1>Espresso</h1><span class="price">€12.90</span>${body}`, {
      jsonLd: [{ '@type': 'Product', name: 'Espresso', offers: { '@type': 'Offer', price: '12.90', priceCurrency: 'EUR', availability } }],
    });

  it('an out-of-stock statement in the main area beats markup InStock', () => {
    const { offer, provenance } = extractOffer({ html: markup('InStock', '<p class="stock">Sold out</p>'), url: URL });
    expect(offer.availability).toBe('OutOfStock');
    expect(provenance.availability).toBe('heuristic');
  });

  it('ignores sold-out sizes, store pickup, image notices, related products and hidden templates', () => {
    const body = `
      <ul class="size-picker"><li><button>XL – sold out</button></li></ul>
      <div class="pickup">Pick up in store: not available</div>
      <div class="gallery">Image not available</div>
      <div class="stock-msg hidden">Out of stock</div>
      <div style="display:none">Out of stock</div>
      <section class="related">${cards(['€1.00', '€2.00', '€3.00'])}<p>Out of stock</p></section>
      <button>Add to cart</button>`;
    expect(extractOffer({ html: markup('InStock', body), url: URL }).offer.availability).toBe('InStock');
  });

  it('a page whose only buy button is disabled is out of stock', () => {
    const page = (button: string) => productPage(`<h1>Espresso</h1><span class="price">€12.90</span><form><p class="cta">${button}</p></form>`);
    expect(extractOffer({ html: page('<button type="submit" disabled><span>Add to cart</span></button>'), url: URL }).offer.availability).toBe('OutOfStock');
    expect(extractOffer({ html: page('<a class="btn btn-disabled" href="#">Do košíka</a>'), url: URL }).offer.availability).toBe('OutOfStock');
    expect(extractOffer({ html: page('<button type="submit">Add to cart</button>'), url: URL }).offer.availability).toBe('InStock');
  });

  it('keeps markup OutOfStock and reads in-stock text when markup says nothing', () => {
    expect(extractOffer({ html: markup('OutOfStock', '<p>In stock</p>'), url: URL }).offer.availability).toBe('OutOfStock');
    const html = productPage('<h1>Espresso</h1><span class="price">€12.90</span><p class="availability">Availability: in stock</p>');
    const { offer, provenance } = extractOffer({ html, url: URL });
    expect(offer.availability).toBe('InStock');
    expect(provenance.availability).toBe('heuristic');
  });
});

describe('visible price on pages that write discounts as rates', () => {
  it('a price box that also shows "7 折" (70 % of the list price) is one price, not two', () => {
    const html = productPage(`<h1>鵝肉鬆 250g</h1><p>消費滿額享$590起 加購</p>
      <table><tr><td>建議售價 <del>$420</del>元</td></tr><tr><td><strong>一次付清特價</strong><b> 7 折</b> <span style="font:bold 27px Verdana">294</span><span> 元 </span></td></tr></table>`, { lang: 'zh-TW' });
    expect(extractOffer({ html, url: 'https://shop.example.com.tw/p/1' }).offer).toMatchObject({ price: '294', regularPrice: '420', currency: 'TWD' });
  });
});
