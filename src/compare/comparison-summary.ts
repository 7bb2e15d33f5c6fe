import type { ProductComparison } from './compare-product.ts';

export interface CompetitorSummary {
  businessId: number;
  business: string;
  /** Products where this competitor's price could be set against the own price. */
  comparedProducts: number;
  averagePriceIndex: number | null;
  cheaperThanOwn: number;
  dearerThanOwn: number;
}

export interface ComparisonSummary {
  products: number;
  /** Products with a current own price in the ranking. */
  pricedProducts: number;
  /** Products where the own offer is cheapest (ties included), and where it is cheapest alone. */
  cheapestOn: number;
  soleCheapestOn: number;
  staleOffers: number;
  currencyMismatches: number;
  competitors: CompetitorSummary[];
}

/** Where the own offer stands across all products, and the average price index of each competitor. */
export function summarise(comparisons: Iterable<ProductComparison>): ComparisonSummary {
  const s: ComparisonSummary = { products: 0, pricedProducts: 0, cheapestOn: 0, soleCheapestOn: 0, staleOffers: 0, currencyMismatches: 0, competitors: [] };
  const byBusiness = new Map<number, CompetitorSummary & { indexSum: number }>();
  for (const p of comparisons) {
    s.products++;
    const offers = p.own ? [p.own, ...p.competitors] : p.competitors;
    s.staleOffers += offers.filter((o) => o.issue === 'stale').length;
    s.currencyMismatches += offers.filter((o) => o.issue === 'currency_mismatch').length;
    if (p.ownRank === null) continue;
    s.pricedProducts++;
    if (p.ownRank === 1) {
      s.cheapestOn++;
      if (p.rankedOffers === 1 || p.competitors.every((c) => c.rank !== 1)) s.soleCheapestOn++;
    }
    for (const c of p.competitors) {
      if (c.priceIndex === null) continue;
      let b = byBusiness.get(c.businessId);
      if (!b) {
        b = { businessId: c.businessId, business: c.business, comparedProducts: 0, averagePriceIndex: null, cheaperThanOwn: 0, dearerThanOwn: 0, indexSum: 0 };
        byBusiness.set(c.businessId, b);
      }
      b.comparedProducts++;
      b.indexSum += c.priceIndex;
      if (c.ownPrice === 'worse') b.cheaperThanOwn++;
      if (c.ownPrice === 'better') b.dearerThanOwn++;
    }
  }
  s.competitors = [...byBusiness.values()]
    .sort((a, b) => a.businessId - b.businessId)
    .map(({ indexSum, ...b }) => ({ ...b, averagePriceIndex: Math.round((indexSum / b.comparedProducts) * 100) / 100 }));
  return s;
}
