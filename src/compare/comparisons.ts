import type { Db } from '../db/open-db.ts';
import { notFound } from '../errors.ts';
import { encodeCursor } from '../db/paging.ts';
import type { ProductComparison } from './compare-product.ts';
import { summarise, type ComparisonSummary } from './comparison-summary.ts';
import { cachedComparisons, type ProductName } from './comparison-cache.ts';
import type { Rates } from './rates.ts';

export interface ComparisonOptions {
  rates: Rates;
  staleAfter: number;
  now?: number;
}

const cache = new WeakMap<Db, ReturnType<typeof prepare>>();

function prepare(db: Db) {
  return {
    product: db.prepare<[number], ProductName>('SELECT id, name FROM products WHERE id = ?'),
    products: db.prepare<[number, number], ProductName>('SELECT id, name FROM products WHERE id > ? ORDER BY id LIMIT ?'),
    all: db.prepare<[], ProductName>('SELECT id, name FROM products ORDER BY id'),
  };
}

function statements(db: Db) {
  let st = cache.get(db);
  if (!st) cache.set(db, (st = prepare(db)));
  return st;
}

/** The own offer of one product against each competitor's latest offer. */
export function productComparison(db: Db, productId: number, o: ComparisonOptions): ProductComparison {
  const product = statements(db).product.get(productId);
  if (!product) throw notFound('product', productId);
  return cachedComparisons(db, [product], o)[0]!;
}

/** The summary over all products that have offers. */
export function comparisonSummary(db: Db, o: ComparisonOptions): ComparisonSummary {
  const all = cachedComparisons(db, statements(db).all.all(), o);
  return summarise(all.filter((p) => p.own !== null || p.competitors.length > 0));
}

/** A page of product comparisons in product id order. */
export function comparisonPage(db: Db, page: { after?: number; limit: number }, o: ComparisonOptions) {
  const products = statements(db).products.all(page.after ?? 0, page.limit + 1);
  const items = cachedComparisons(db, products.slice(0, page.limit), o);
  const last = items.at(-1);
  return { items, nextCursor: products.length > page.limit && last ? encodeCursor(last.productId) : null };
}

/** Every product's comparison, a batch at a time (for exports). */
export function* allComparisons(db: Db, o: ComparisonOptions): Generator<ProductComparison> {
  let after = 0;
  for (;;) {
    const products = statements(db).products.all(after, 200);
    yield* cachedComparisons(db, products, o);
    if (products.length < 200) return;
    after = products.at(-1)!.id;
  }
}
