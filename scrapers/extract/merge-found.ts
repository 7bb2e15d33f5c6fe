import { emptyOffer, type Offer, type Provenance } from '../offer.ts';
import type { FoundField, SourcedFound } from './found.ts';

const PRICE_GROUP: FoundField[] = ['price', 'regularPrice', 'currency'];
const SINGLE: FoundField[] = ['name', 'sku', 'gtin', 'brand', 'availability'];

/**
 * Combines what the sources found, most trusted first: the price, regular price and currency come
 * together from the first source that has a price (a currency from another source only fills a gap);
 * every other field comes from the first source that has it.
 */
export function mergeFound(sources: SourcedFound[]): { offer: Offer; provenance: Provenance } {
  const offer = emptyOffer();
  const provenance: Provenance = {};
  const set = (field: FoundField, from: SourcedFound): void => {
    const value = from.found[field];
    if (value === undefined) return;
    (offer as unknown as Record<string, unknown>)[field] = value;
    provenance[field] = from.source;
  };
  const priced = sources.find((s) => s.found.price !== undefined);
  if (priced) for (const field of PRICE_GROUP) set(field, priced);
  if (offer.price !== null && offer.currency === null) {
    const withCurrency = sources.find((s) => s.found.currency !== undefined);
    if (withCurrency) set('currency', withCurrency);
  }
  for (const field of SINGLE) {
    const from = sources.find((s) => s.found[field] !== undefined);
    if (from) set(field, from);
  }
  return { offer, provenance };
}
