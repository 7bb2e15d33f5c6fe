import type { Page, PageRequest } from '../store/paging.ts';
import type { Store } from '../store/store.ts';
import type { ProductComparison } from './compare-product.ts';
import { summarise, type ComparisonSummary } from './comparison-summary.ts';
import { cachedComparisons } from './comparison-cache.ts';
import type { Rates } from './rates.ts';

export interface ComparisonOptions {
  rates: Rates;
  staleAfter: number;
  now?: number;
}

const EXPORT_BATCH = 200;

/** The own offer of one product against each competitor's latest offer. */
export async function productComparison(store: Store, productId: number, o: ComparisonOptions): Promise<ProductComparison> {
  const product = await store.comparisons.product(productId);
  return (await cachedComparisons(store, [product], o))[0]!;
}

/** Every product that has offers, compared (what the summary is made of). */
export async function comparedProducts(store: Store, o: ComparisonOptions): Promise<ProductComparison[]> {
  const all = await cachedComparisons(store, await store.comparisons.products(), o);
  return all.filter((p) => p.own !== null || p.competitors.length > 0);
}

/** The summary over all products that have offers. */
export async function comparisonSummary(store: Store, o: ComparisonOptions): Promise<ComparisonSummary> {
  return summarise(await comparedProducts(store, o));
}

/** A page of product comparisons in product id order. */
export async function comparisonPage(store: Store, page: PageRequest, o: ComparisonOptions): Promise<Page<ProductComparison>> {
  const products = await store.comparisons.products({ after: page.after ?? 0, limit: page.limit + 1 });
  const items = await cachedComparisons(store, products.slice(0, page.limit), o);
  const last = items.at(-1);
  return { items, nextAfter: products.length > page.limit && last ? last.productId : null };
}

/** Every product's comparison, a batch at a time (for exports). */
export async function* allComparisons(store: Store, o: ComparisonOptions): AsyncGenerator<ProductComparison> {
  let after = 0;
  for (;;) {
    const products = await store.comparisons.products({ after, limit: EXPORT_BATCH });
    yield* await cachedComparisons(store, products, o);
    if (products.length < EXPORT_BATCH) return;
    after = products.at(-1)!.id;
  }
}
