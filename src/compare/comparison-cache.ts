import type { ComparisonStore, ProductName } from '../store/comparisons.ts';
import type { Store } from '../store/store.ts';
import { compareProduct, type ProductComparison } from './compare-product.ts';
import { loadOffers } from './load-offers.ts';
import type { Rates } from './rates.ts';

interface Entry {
  version: number;
  globalVersion: number;
  validUntil: number;
  comparison: ProductComparison;
}

const MAX_ENTRIES = 100_000;
const BATCH = 500;

const caches = new WeakMap<ComparisonStore, Map<string, Entry>>();

function entriesOf(store: Store): Map<string, Entry> {
  let entries = caches.get(store.comparisons);
  if (!entries) caches.set(store.comparisons, (entries = new Map()));
  return entries;
}

async function compareNow(store: Store, products: readonly ProductName[], o: { rates: Rates; staleAfter: number; now?: number }) {
  const offers = await loadOffers(store, products.map((p) => p.id), o.staleAfter, o.now);
  return products.map((p) => compareProduct(p, offers.get(p.id)?.offers ?? [], offers.get(p.id)?.fields ?? [], o.rates));
}

/**
 * Product comparisons, each computed once per version of its product: the store's versions move on every
 * write to a product's targets and snapshots, and globally when businesses or products change. An entry
 * also expires when one of its offers turns stale. So after a new snapshot only that product is compared again.
 */
export async function cachedComparisons(
  store: Store,
  products: readonly ProductName[],
  o: { rates: Rates; staleAfter: number; now?: number },
): Promise<ProductComparison[]> {
  const versions = await store.comparisons.versions(products.map((p) => p.id));
  if (versions === null) return compareNow(store, products, o);
  const entries = entriesOf(store);
  const now = o.now ?? Date.now();
  const scope = JSON.stringify([o.staleAfter, Object.entries(o.rates).sort()]);
  const out = new Array<ProductComparison>(products.length);
  const missing: number[] = [];
  products.forEach((p, i) => {
    const hit = entries.get(`${scope}:${p.id}`);
    const version = versions.products.get(p.id) ?? 0;
    if (hit && hit.version === version && hit.globalVersion === versions.global && now < hit.validUntil) out[i] = hit.comparison;
    else missing.push(i);
  });
  for (let from = 0; from < missing.length; from += BATCH) {
    const batch = missing.slice(from, from + BATCH);
    const offers = await loadOffers(store, batch.map((i) => products[i]!.id), o.staleAfter, now);
    for (const i of batch) {
      const p = products[i]!;
      const entry = offers.get(p.id);
      const comparison = compareProduct(p, entry?.offers ?? [], entry?.fields ?? [], o.rates);
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(`${scope}:${p.id}`, {
        version: versions.products.get(p.id) ?? 0,
        globalVersion: versions.global,
        validUntil: entry?.validUntil ?? Infinity,
        comparison,
      });
      out[i] = comparison;
    }
  }
  return out;
}
