import type { Change } from '../../store/changes.ts';
import type { Store } from '../../store/store.ts';

/** How far back a product page looks for its latest changes. */
const LOOK_BACK_DAYS = 90;

/** The product's `count` latest changes of the last 90 days, newest first. */
export async function latestChanges(store: Store, productId: number, count: number, now = Date.now()): Promise<Change[]> {
  const since = new Date(now - LOOK_BACK_DAYS * 86_400_000).toISOString();
  return (await store.changes.list({ productId, since, newestFirst: true, limit: count })).items;
}
