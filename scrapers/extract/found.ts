import type { Availability, Source } from '../offer.ts';

/** What one source found about the page's offer; absent fields were not found. */
export interface Found {
  name?: string;
  price?: string;
  regularPrice?: string;
  currency?: string;
  availability?: Availability;
  sku?: string;
  gtin?: string;
  brand?: string;
}

export type FoundField = keyof Found;

export const FOUND_FIELDS: FoundField[] = ['name', 'price', 'regularPrice', 'currency', 'availability', 'sku', 'gtin', 'brand'];

export interface SourcedFound {
  source: Source;
  found: Found;
}

/** What extractors need to know about the page besides its markup. */
export interface PageContext {
  url: string;
  locale?: string;
  currency?: string;
  /** The shop sells to businesses: a net price (without VAT) is the price. */
  b2b?: boolean;
}

const OUT_OF_STOCK_TERMS = /outofstock|soldout|discontinued|unavailable|out of stock|sold out|not available|nostock/i;
const IN_STOCK_TERMS = /instock|onlineonly|instoreonly|limitedavailability|preorder|presale|backorder|in stock|available/i;

/** schema.org availability ("https://schema.org/InStock", "OutOfStock", "in stock", "oos") → Availability. */
export function schemaAvailability(value: string): Availability | undefined {
  const v = value.replace(/^.*[/#:]/, '').trim();
  if (OUT_OF_STOCK_TERMS.test(v) || /^oos$/i.test(v)) return 'OutOfStock';
  if (IN_STOCK_TERMS.test(v)) return 'InStock';
  return undefined;
}

/** GTIN-8/12/13/14 (EAN, UPC, ISBN-13) as digits, else undefined. */
export function cleanGtin(value: string | null | undefined): string | undefined {
  const digits = (value ?? '').replace(/^(gtin\d*|ean|isbn|upc):/i, '').replace(/[\s-]/g, '');
  return /^(\d{8}|\d{12,14})$/.test(digits) ? digits : undefined;
}

export function cleanText(value: string | null | undefined): string | undefined {
  const t = (value ?? '').replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
}

/** An identifier as markup gives it; when the element holds more text ("TE502955-1293415 Housse de chaise"), its first token. */
export function cleanSku(value: string | null | undefined): string | undefined {
  const t = cleanText(value);
  if (!t || !/\s/.test(t)) return t;
  const first = t.split(' ')[0] as string;
  return /\d/.test(first) && first.length >= 4 ? first : t;
}

/** Drops the fields that were not found, so that merging can tell "absent" from a value. */
export function compact(found: Found): Found {
  for (const k of Object.keys(found) as FoundField[]) if (found[k] === undefined) delete found[k];
  return found;
}

/** Template placeholders a page forgot to fill in ("$metabrand", "{{ product.vendor }}"). */
const PLACEHOLDER = /[$]\w|\{\{|\}\}|<%|%>|\[\[/;

/** A brand as markup gives it: no placeholders; "See more of brand: Panasonic" → "Panasonic". */
export function cleanBrand(value: string | null | undefined): string | undefined {
  const t = cleanText(value);
  if (!t || PLACEHOLDER.test(t) || /^https?:/.test(t)) return undefined;
  const afterLabel = t.length > 30 && t.includes(': ') ? cleanText(t.slice(t.lastIndexOf(': ') + 2)) : t;
  return afterLabel && afterLabel.length <= 60 ? afterLabel : undefined;
}

/** Currency codes as markup writes them → ISO 4217 (a few retired codes are still common). */
export function cleanCurrency(value: string | null | undefined): string | undefined {
  const t = cleanText(value)?.toUpperCase();
  if (!t) return undefined;
  return ({ RUR: 'RUB', BYR: 'BYN', TRL: 'TRY' } as Record<string, string>)[t] ?? t;
}
