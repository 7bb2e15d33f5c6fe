import { parsePrice } from '../../scrapers/price/parse-price.ts';
import { normaliseGtin } from './gtin.ts';

/** One product of an own catalogue file. `price` is an exact decimal string, `gtin` its 14-digit form; absent values are null. */
export interface CatalogueRow {
  line: number;
  name: string;
  sku: string | null;
  gtin: string | null;
  mpn: string | null;
  brand: string | null;
  price: string | null;
  currency: string | null;
  url: string | null;
  category: string | null;
}

/** A row that could not be read, and why. */
export interface CatalogueRowError {
  line: number;
  reason: string;
}

export type CatalogueField = 'name' | 'sku' | 'gtin' | 'mpn' | 'brand' | 'price' | 'salePrice' | 'currency' | 'url' | 'category';

/** Turns the recognised cells of one row into a row, or an error naming what is wrong. */
export function catalogueRow(line: number, cells: Partial<Record<CatalogueField, string>>): CatalogueRow | CatalogueRowError {
  const value = (field: CatalogueField) => {
    const text = cells[field]?.replace(/\s+/g, ' ').trim();
    return text ? text : null;
  };
  const name = value('name');
  if (!name) return { line, reason: 'no product name' };
  const gtinText = value('gtin');
  const gtin = gtinText ? normaliseGtin(gtinText) : null;
  if (gtinText && !gtin) return { line, reason: `"${gtinText}" is not a valid GTIN (8, 12, 13 or 14 digits with a check digit)` };
  const givenCurrency = value('currency')?.toUpperCase() ?? null;
  if (givenCurrency && !/^[A-Z]{3}$/.test(givenCurrency)) return { line, reason: `"${givenCurrency}" is not an ISO 4217 currency code` };
  let price: string | null = null;
  let currency = givenCurrency;
  const priceText = value('salePrice') ?? value('price');
  if (priceText) {
    const parsed = parsePrice(priceText, givenCurrency ? { currency: givenCurrency } : {});
    if (parsed.amount === null) return { line, reason: `"${priceText}" is not a price` };
    price = parsed.amount;
    currency = parsed.currency ?? givenCurrency;
  }
  return {
    line,
    name,
    sku: value('sku'),
    gtin,
    mpn: value('mpn'),
    brand: value('brand'),
    price,
    currency,
    url: value('url'),
    category: value('category'),
  };
}

export const isRowError = (row: CatalogueRow | CatalogueRowError): row is CatalogueRowError => 'reason' in row;
