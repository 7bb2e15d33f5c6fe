import { describe, expect, it } from 'vitest';
import { isLikelyProductUrl } from '../../../scrapers/discover/product-url.ts';

describe('isLikelyProductUrl', () => {
  it('keeps the usual product path shapes', () => {
    for (const url of [
      'https://shop.test/product/espresso-250-g',
      'https://shop.test/p/12345',
      'https://www.shop.test/dp/B09RN9X6K1',
      'https://shop.test/ip/Lysol-Wipes/660256513',
      'https://shop.test/hobbykrt501005-oboustranny-klic-d6775050.htm',
      'https://shop.test/naradi/kreator-klic-16x17-100019870934',
      'https://shop.test/kavovar-delonghi-ecam-22.html',
    ]) expect(isLikelyProductUrl(url), url).toBe(true);
  });

  it('drops home, categories, articles, account pages, files and other paths', () => {
    for (const url of [
      'https://shop.test/',
      'https://shop.test/category/coffee',
      'https://shop.test/blog/how-to-brew-coffee-at-home.html',
      'https://shop.test/cart',
      'https://shop.test/kontakt',
      'https://shop.test/images/product-12345.jpg',
      'https://shop.test/coffee',
      'not a url',
    ]) expect(isLikelyProductUrl(url), url).toBe(false);
  });
});
