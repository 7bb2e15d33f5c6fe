import type { Db } from '../db/open-db.ts';
import { compareProduct, type ProductComparison } from './compare-product.ts';
import { loadOffers } from './load-offers.ts';
import type { Rates } from './rates.ts';

export interface ProductName {
  id: number;
  name: string;
}

interface Entry {
  version: number;
  globalVersion: number;
  validUntil: number;
  comparison: ProductComparison;
}

const MAX_ENTRIES = 100_000;
const BATCH = 500;

function prepare(db: Db) {
  // A database migrated by an early 003 has no version tables: nothing is cached there.
  const versioned = db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('compare_version', 'product_compare_versions')").pluck().get() === 2;
  if (!versioned) return null;
  return {
    global: db.prepare<[], number>('SELECT version FROM compare_version WHERE id = 1').pluck(),
    versions: db.prepare<[string], { productId: number; version: number }>(
      `SELECT product_id AS productId, version FROM product_compare_versions WHERE product_id IN (SELECT value FROM json_each(?))`,
    ),
    entries: new Map<string, Entry>(),
  };
}

const caches = new WeakMap<Db, ReturnType<typeof prepare>>();

function compareNow(db: Db, products: readonly ProductName[], o: { rates: Rates; staleAfter: number; now?: number }) {
  const offers = loadOffers(db, products.map((p) => p.id), o.staleAfter, o.now);
  return products.map((p) => compareProduct(p, offers.get(p.id)?.offers ?? [], offers.get(p.id)?.fields ?? [], o.rates));
}

/**
 * Product comparisons, each computed once per version of its product: triggers bump a product's version on
 * every write to its targets and snapshots, and a global version when businesses or products change. An entry
 * also expires when one of its offers turns stale. So after a new snapshot only that product is compared again.
 */
export function cachedComparisons(
  db: Db,
  products: readonly ProductName[],
  o: { rates: Rates; staleAfter: number; now?: number },
): ProductComparison[] {
  let c = caches.get(db);
  if (c === undefined) caches.set(db, (c = prepare(db)));
  if (c === null) return compareNow(db, products, o);
  const now = o.now ?? Date.now();
  const scope = JSON.stringify([o.staleAfter, Object.entries(o.rates).sort()]);
  const global = c.global.get() ?? 0;
  const ids = JSON.stringify(products.map((p) => p.id));
  const versions = new Map(c.versions.all(ids).map((v) => [v.productId, v.version]));
  const out = new Array<ProductComparison>(products.length);
  const missing: number[] = [];
  products.forEach((p, i) => {
    const hit = c.entries.get(`${scope}:${p.id}`);
    const version = versions.get(p.id) ?? 0;
    if (hit && hit.version === version && hit.globalVersion === global && now < hit.validUntil) out[i] = hit.comparison;
    else missing.push(i);
  });
  for (let from = 0; from < missing.length; from += BATCH) {
    const batch = missing.slice(from, from + BATCH);
    const offers = loadOffers(db, batch.map((i) => products[i]!.id), o.staleAfter, now);
    for (const i of batch) {
      const p = products[i]!;
      const entry = offers.get(p.id);
      const comparison = compareProduct(p, entry?.offers ?? [], entry?.fields ?? [], o.rates);
      if (c.entries.size >= MAX_ENTRIES) c.entries.clear();
      c.entries.set(`${scope}:${p.id}`, { version: versions.get(p.id) ?? 0, globalVersion: global, validUntil: entry?.validUntil ?? Infinity, comparison });
      out[i] = comparison;
    }
  }
  return out;
}
