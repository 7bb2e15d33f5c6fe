import { describe, expect, it } from 'vitest';
import type { CompetitorView, OfferView, ProductComparison } from '../../src/compare/compare-product.ts';
import { comparisonSearch, isOnlySeller, parseComparisonQuery, selectComparisons } from '../../src/web/offers/comparison-query.ts';

const offer = (over: Partial<OfferView> = {}): OfferView => ({
  targetId: 1, businessId: 1, business: 'Us', snapshotId: 1, capturedAt: '2026-11-29T10:00:00.000Z', stale: false, issue: null,
  price: '10.00', regularPrice: null, currency: 'PLN', availability: 'InStock', promotions: [], comparablePrice: '10.00', rate: null,
  discount: null, discountPercent: null, rank: 1, cheapest: true, fields: {}, ...over,
});
const rival = (businessId: number, over: Partial<CompetitorView> = {}): CompetitorView => ({
  ...offer({ businessId, business: `Rival ${businessId}`, targetId: 10 + businessId }),
  delta: null, deltaPercent: null, priceIndex: null, ownPrice: null, ownFields: {}, ...over,
});
const product = (productId: number, name: string, competitors: CompetitorView[], over: Partial<ProductComparison> = {}): ProductComparison => ({
  productId, product: name, currency: 'PLN', fields: [], own: offer(), competitors, cheapestBusinessIds: [], ownRank: 1, rankedOffers: 1 + competitors.length, ...over,
});

describe('comparison filters', () => {
  it('reads only known values from the query string and writes back only what is set', () => {
    const q = parseComparisonQuery({ q: '  grinder ', business: '3', availability: 'Sold', standing: 'undercut', promo: 'yes', flag: 'stale', sort: 'DROP TABLE' });
    expect(q).toEqual({ q: 'grinder', business: 3, availability: null, standing: 'undercut', promo: false, flag: 'stale', sort: 'name' });
    expect(comparisonSearch(q)).toBe('?q=grinder&business=3&standing=undercut&flag=stale');
    expect(parseComparisonQuery({ business: '-1' }).business).toBeNull();
  });

  it('judges "undercut" against the one competitor filtered for', () => {
    const all = [
      product(1, 'A', [rival(2, { priceIndex: 90, ownPrice: 'worse' }), rival(3, { priceIndex: 120, ownPrice: 'better' })], { ownRank: 2 }),
      product(2, 'B', [rival(2, { priceIndex: 110, ownPrice: 'better' })]),
    ];
    const names = (query: Record<string, string>) => selectComparisons(all, parseComparisonQuery(query)).map((p) => p.product);
    expect(names({ standing: 'undercut' })).toEqual(['A']);
    expect(names({ standing: 'undercut', business: '3' })).toEqual([]);
    expect(names({ standing: 'dearer', business: '2' })).toEqual(['B']);
    expect(names({ business: '3' })).toEqual(['A']);
    expect(names({ sort: 'index-asc' })).toEqual(['A', 'B']);
    expect(names({ sort: 'index-desc' })).toEqual(['B', 'A']);
  });

  it('counts us as the only seller only when no competitor is known to sell it in stock', () => {
    const gone = rival(2, { availability: 'OutOfStock', comparablePrice: '12.00' });
    expect(isOnlySeller(product(1, 'A', [gone, rival(3, { issue: 'no_price', comparablePrice: null })]))).toBe(true);
    expect(isOnlySeller(product(1, 'A', [{ ...gone, issue: 'stale' }]))).toBe(false);
    expect(isOnlySeller(product(1, 'A', [rival(2)]))).toBe(false);
    expect(isOnlySeller(product(1, 'A', [gone], { own: offer({ availability: 'OutOfStock' }) }))).toBe(false);
  });
});
