import type { Db } from '../db/open-db.ts';
import type { AlertSubject } from './alert-payload.ts';

/** The latest price of one target for a product (from the latest-snapshot pointer). */
export interface LatestPrice {
  targetId: number;
  businessId: number;
  business: string;
  own: number;
  price: string | null;
  currency: string | null;
}

const cache = new WeakMap<Db, ReturnType<typeof prepare>>();

function prepare(db: Db) {
  return {
    subject: db.prepare<[number], Omit<AlertSubject, 'own'> & { own: number }>(
      `SELECT t.id AS targetId, t.url, t.business_id AS businessId, b.name AS business, b.own, t.product_id AS productId,
         p.name AS product
       FROM targets t JOIN businesses b ON b.id = t.business_id JOIN products p ON p.id = t.product_id WHERE t.id = ?`,
    ),
    latestPrices: db.prepare<[number], LatestPrice>(
      `SELECT t.id AS targetId, t.business_id AS businessId, b.name AS business, b.own, s.price, s.currency
       FROM targets t JOIN businesses b ON b.id = t.business_id
         JOIN latest_snapshots l ON l.target_id = t.id JOIN snapshots s ON s.id = l.snapshot_id
       WHERE t.product_id = ? AND t.enabled = 1 ORDER BY s.captured_at DESC, t.id`,
    ),
  };
}

/** Read statements the alert queueing runs inside snapshot transactions, prepared once per database. */
export function alertStatements(db: Db) {
  let st = cache.get(db);
  if (!st) cache.set(db, (st = prepare(db)));
  return {
    subject(targetId: number): AlertSubject | null {
      const s = st.subject.get(targetId);
      return s ? { ...s, own: s.own === 1 } : null;
    },
    latestPrices: (productId: number) => st.latestPrices.all(productId),
  };
}
