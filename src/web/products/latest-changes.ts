import type { Change } from '../../store/changes.ts';
import type { Store } from '../../store/store.ts';

/** How far back a product page looks for its latest changes, and how many it reads at most on the way. */
const LOOK_BACK_DAYS = 90;
const MAX_READ = 5000;

/**
 * The product's `count` latest changes of the last 90 days, newest first. The store lists changes oldest
 * first, so this reads the period forward and keeps the tail.
 */
export async function latestChanges(store: Store, productId: number, count: number, now = Date.now()): Promise<Change[]> {
  const since = new Date(now - LOOK_BACK_DAYS * 86_400_000).toISOString();
  const tail: Change[] = [];
  for await (const change of store.changes.all({ productId, since }, MAX_READ)) {
    tail.push(change);
    if (tail.length > count) tail.shift();
  }
  return tail.reverse();
}
