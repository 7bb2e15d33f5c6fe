import type { CheerioAPI } from 'cheerio';
import { cleanBrand, cleanCurrency, cleanGtin, cleanSku, cleanText, compact, schemaAvailability, type Found, type PageContext } from './found.ts';
import { readAmount } from './price-text.ts';

/** OpenGraph and Facebook product meta: og:title, product:price:amount, og:price:currency, product:availability, … */
export function readOpenGraph($: CheerioAPI, ctx: PageContext): Found {
  const meta = new Map<string, string>();
  $('meta[property], meta[name]').each((_, el) => {
    const key = ($(el).attr('property') ?? $(el).attr('name') ?? '').toLowerCase().trim();
    const content = $(el).attr('content');
    if (key && content !== undefined && content.trim() && !meta.has(key)) meta.set(key, content.trim());
  });
  const get = (...keys: string[]): string | undefined => keys.map((k) => meta.get(k)).find((v) => v !== undefined);
  const currency = cleanCurrency(get('product:price:currency', 'og:price:currency', 'product:sale_price:currency'));
  const hints = { locale: ctx.locale, currency: currency ?? ctx.currency };
  const amountOf = (...keys: string[]): string | undefined => {
    const text = get(...keys);
    return text ? readAmount(text, hints) : undefined;
  };
  const sale = amountOf('product:sale_price:amount', 'og:sale_price:amount');
  const price = sale ?? amountOf('product:price:amount', 'og:price:amount', 'product:price', 'og:price');
  const regular = sale ? amountOf('product:price:amount', 'og:price:amount') : amountOf('product:original_price:amount', 'og:original_price:amount');
  const availability = get('product:availability', 'og:availability');
  const found: Found = {
    name: cleanText(get('og:title', 'twitter:title')),
    price,
    regularPrice: regular && regular !== price ? regular : undefined,
    currency: price ? currency : undefined,
    availability: availability ? schemaAvailability(availability) : undefined,
    sku: cleanSku(get('product:retailer_item_id', 'product:sku', 'og:sku')),
    gtin: cleanGtin(get('product:gtin', 'product:ean', 'og:upc', 'product:upc', 'product:isbn', 'books:isbn')),
    brand: cleanBrand(get('product:brand', 'og:brand')),
  };
  return compact(found);
}
