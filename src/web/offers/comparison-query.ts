import type { CompetitorView, OfferView, ProductComparison } from '../../compare/compare-product.ts';

/** Where the own offer stands on a product, as the overview counts it and the comparison filters by it. */
export const STANDINGS = ['cheapest', 'undercut', 'dearer', 'compared', 'only'] as const;
export type StandingFilter = (typeof STANDINGS)[number];
export const SORTS = ['name', 'index-asc', 'index-desc', 'rank'] as const;
export type ComparisonSort = (typeof SORTS)[number];
export const FLAGS = ['stale', 'currency_mismatch'] as const;

/** The comparison page's filters, from its query string; anything unknown is dropped. */
export interface ComparisonQuery {
  q: string;
  business: number | null;
  availability: 'InStock' | 'OutOfStock' | null;
  standing: StandingFilter | null;
  promo: boolean;
  flag: (typeof FLAGS)[number] | null;
  sort: ComparisonSort;
}

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | null =>
  values.includes(value as T) ? (value as T) : null;

export function parseComparisonQuery(query: Record<string, string | undefined>): ComparisonQuery {
  const business = Number(query.business);
  return {
    q: (query.q ?? '').trim().slice(0, 200),
    business: Number.isSafeInteger(business) && business > 0 ? business : null,
    availability: oneOf(['InStock', 'OutOfStock'] as const, query.availability),
    standing: oneOf(STANDINGS, query.standing),
    promo: query.promo === '1',
    flag: oneOf(FLAGS, query.flag),
    sort: oneOf(SORTS, query.sort) ?? 'name',
  };
}

/** The query string of a filter set (defaults left out), for links and paging. */
export function comparisonSearch(q: Partial<ComparisonQuery>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (q.q) params.set('q', q.q);
  if (q.business) params.set('business', String(q.business));
  if (q.availability) params.set('availability', q.availability);
  if (q.standing) params.set('standing', q.standing);
  if (q.promo) params.set('promo', '1');
  if (q.flag) params.set('flag', q.flag);
  if (q.sort && q.sort !== 'name') params.set('sort', q.sort);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

export const comparisonHref = (q: Partial<ComparisonQuery>) => `/comparison${comparisonSearch(q)}`;

/** Read and not stale: what a marketer can act on now. */
export const isCurrentOffer = (o: OfferView) => o.issue !== 'stale' && o.issue !== 'no_offer';

/** A promotion counts as running when the offer showing it is current. */
export const runsPromotion = (o: OfferView) => isCurrentOffer(o) && o.promotions.length > 0;

/**
 * We are the only seller: our offer is priced, current and in stock, and no competitor offers the product in stock
 * with a price (out of stock, no offer yet, or no price found). A stale competitor offer is not known to be gone.
 */
export function isOnlySeller(p: ProductComparison): boolean {
  const own = p.own;
  if (!own || own.comparablePrice === null || own.availability === 'OutOfStock') return false;
  return p.competitors.every((c) => c.issue === 'no_offer' || c.issue === 'no_price' || (c.availability === 'OutOfStock' && c.issue !== 'stale'));
}

/** The competitors a row shows: all, or the one business filtered for. */
export const shownCompetitors = (p: ProductComparison, business: number | null): CompetitorView[] =>
  business === null ? p.competitors : p.competitors.filter((c) => c.businessId === business);

function matchesStanding(p: ProductComparison, shown: CompetitorView[], standing: StandingFilter): boolean {
  switch (standing) {
    case 'cheapest':
      return p.ownRank === 1;
    case 'undercut':
      return shown.some((c) => c.ownPrice === 'worse');
    case 'dearer':
      return shown.some((c) => c.ownPrice === 'better');
    case 'compared':
      return shown.some((c) => c.priceIndex !== null);
    case 'only':
      return isOnlySeller(p);
  }
}

function matches(p: ProductComparison, q: ComparisonQuery): boolean {
  const shown = shownCompetitors(p, q.business);
  if (q.business !== null && shown.length === 0) return false;
  if (q.q && !p.product.toLocaleLowerCase().includes(q.q.toLocaleLowerCase())) return false;
  if (q.availability && !shown.some((c) => isCurrentOffer(c) && c.availability === q.availability)) return false;
  if (q.standing && !matchesStanding(p, shown, q.standing)) return false;
  const offers = p.own && q.business === null ? [p.own, ...shown] : shown;
  if (q.promo && !offers.some(runsPromotion)) return false;
  if (q.flag && !offers.some((o) => o.issue === q.flag)) return false;
  return true;
}

/** The lowest price index among the shown competitors: how hard the product is undercut. */
const lowestIndex = (p: ProductComparison, business: number | null): number | null => {
  const indexes = shownCompetitors(p, business)
    .map((c) => c.priceIndex)
    .filter((i): i is number => i !== null);
  return indexes.length ? Math.min(...indexes) : null;
};

const byProductName = new Intl.Collator(undefined, { numeric: true }).compare;

/** Nulls last, whichever the direction. */
const byNumber = (a: number | null, b: number | null, dir: 1 | -1) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : (a - b) * dir);

/** The rows of the comparison table: filtered, then sorted (ties by product name). */
export function selectComparisons(all: readonly ProductComparison[], q: ComparisonQuery): ProductComparison[] {
  const key = (p: ProductComparison) => (q.sort === 'name' ? null : q.sort === 'rank' ? p.ownRank : lowestIndex(p, q.business));
  const rows = all.filter((p) => matches(p, q)).map((p) => ({ p, key: key(p) }));
  const dir = q.sort === 'index-asc' ? 1 : -1;
  rows.sort((a, b) => byNumber(a.key, b.key, dir) || byProductName(a.p.product, b.p.product) || a.p.productId - b.p.productId);
  return rows.map((r) => r.p);
}
