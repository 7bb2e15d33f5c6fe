import type { Availability, Offer, Provenance } from '../offer.ts';
import { compareDecimals } from '../price/decimal.ts';
import { identifierFromUrl } from './url-identifier.ts';
import type { VisiblePrice } from './visible-price.ts';

export interface VisibleEvidence {
  visible: VisiblePrice | null;
  labelledSku: string | undefined;
  stock: Availability | null;
  /** An enabled buy button is shown next to the product. */
  buyable: boolean;
  url: string;
  currency: string | undefined;
}

/** The visible price is unmistakable and the markup's price, if shown at all, is a minor one (a starting bid, a unit price). */
function outranks(visible: VisiblePrice, price: string): boolean {
  return visible.score >= 8 && (visible.scores.get(price) ?? 0) < visible.score - 3;
}

/**
 * Where markup and the visible page disagree, the visible page wins: a struck-through or minor markup
 * price, a markup price the page shows as the net (or, for a B2B shop, the gross) one, an out-of-stock statement, the article number shown next to the product. Gaps are filled from
 * the visible page (a price with an enabled buy button is in stock), the URL and the currency hint.
 */
export function reconcile(offer: Offer, provenance: Provenance, evidence: VisibleEvidence): void {
  const { visible } = evidence;
  if (visible && offer.price !== null && provenance.price !== 'heuristic' && compareDecimals(visible.price, offer.price) !== 0) {
    const struck = visible.oldPrices.includes(offer.price);
    if (struck || visible.otherTaxPrices.includes(offer.price) || outranks(visible, offer.price)) {
      offer.regularPrice = struck ? offer.price : visible.regularPrice;
      offer.price = visible.price;
      provenance.price = 'heuristic';
      if (offer.regularPrice === null) delete provenance.regularPrice;
      else provenance.regularPrice = 'heuristic';
    }
  }
  if (offer.regularPrice === null && visible?.regularPrice && offer.price !== null && compareDecimals(visible.price, offer.price) === 0) {
    offer.regularPrice = visible.regularPrice;
    provenance.regularPrice = 'heuristic';
  }
  // The article number the shop shows next to the product is the one its customers quote.
  const sku = evidence.labelledSku ?? (offer.sku ? null : identifierFromUrl(evidence.url));
  if (sku && offer.sku !== sku) {
    offer.sku = sku;
    provenance.sku = 'heuristic';
  }
  if (evidence.stock === 'OutOfStock' && offer.availability !== 'OutOfStock') {
    offer.availability = 'OutOfStock';
    provenance.availability = 'heuristic';
  }
  // A page that shows a price and an enabled buy button, and says nothing else about stock, sells the product.
  if (offer.availability === null && offer.price !== null && evidence.buyable) {
    offer.availability = 'InStock';
    provenance.availability = 'heuristic';
  }
  if (offer.price !== null && offer.currency === null && evidence.currency) {
    offer.currency = evidence.currency;
    provenance.currency = 'heuristic';
  }
}
