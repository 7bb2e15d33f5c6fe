import { describe, expect, it } from 'vitest';
import { extractOffer } from '../../../scrapers/extract/extract-offer.ts';
import { parsePrice } from '../../../scrapers/price/parse-price.ts';
import { productPage, URL } from '../extract/fixture-page.ts';

const amount = (text: string, hints = {}) => parsePrice(text, hints).amount;

describe('three digits after a separator: decimals or thousands, by the currency', () => {
  it('currencies without minor units group thousands', () => {
    expect(amount('$229.990', { currency: 'CLP' })).toBe('229990');
    expect(amount('$1234.500', { currency: 'CLP' })).toBe('1234500');
    expect(amount('1234.500 Ft')).toBe('1234500');
    expect(amount('₩12,000')).toBe('12000');
    expect(amount('¥1234.500')).toBe('1234500');
  });

  it('three-decimal currencies read a decimal', () => {
    expect(amount('KD 1.250')).toBe('1.250');
    expect(amount('1,250 KWD')).toBe('1.250');
    expect(amount('12.500 د.ك')).toBe('12.500');
  });

  it('fuel priced per litre reads three decimals', () => {
    expect(amount('1,799 €/l')).toBe('1.799');
    expect(amount('Super E10: 1,759 € / Liter')).toBe('1.759');
    expect(amount('1.759 € pro Liter')).toBe('1.759');
    expect(amount('1.799 €')).toBe('1799');
  });

  it('elsewhere a lone group of three is thousands, unless the integer part is 0 or long', () => {
    expect(amount('$1.500')).toBe('1500');
    expect(amount('0.990 €')).toBe('0.990');
  });
});

describe('structured data in a currency without minor units', () => {
  it('reads "229.990" CLP as thousands', () => {
    const html = productPage('<h1>Cama</h1>', { jsonLd: [{ '@type': 'Product', name: 'Cama', offers: { '@type': 'Offer', price: '229.990', priceCurrency: 'CLP' } }] });
    expect(extractOffer({ html, url: URL }).offer).toMatchObject({ price: '229990', currency: 'CLP' });
  });

  it('a fuel station page priced only per litre keeps that price', () => {
    const html = productPage('<h1>Super E10</h1><p class="price">1,759 € / Liter</p>', { lang: 'de-DE' });
    expect(extractOffer({ html, url: URL }).offer).toMatchObject({ price: '1.759', currency: 'EUR' });
  });
});
