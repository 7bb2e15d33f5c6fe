import type { Business } from '../../store/businesses.ts';
import type { Change } from '../../store/changes.ts';
import type { Product } from '../../store/products.ts';
import type { Snapshot } from '../../store/snapshots.ts';
import type { Store } from '../../store/store.ts';

/** What a change row shows beside the change: whose offer, of what, and both snapshots (currency, evidence). */
export interface ChangeContext {
  business: Business;
  product: Product;
  snapshot: Snapshot;
  previous: Snapshot | null;
}

/** Loads each (distinct) target, business, product and snapshot the changes refer to, once. */
export async function changeContexts(store: Store, changes: readonly Change[]): Promise<Map<number, ChangeContext>> {
  const once = <K, V>(load: (key: K) => Promise<V>) => {
    const seen = new Map<K, Promise<V>>();
    return (key: K) => {
      let value = seen.get(key);
      if (!value) seen.set(key, (value = load(key)));
      return value;
    };
  };
  const target = once((id: number) => store.targets.get(id));
  const business = once((id: number) => store.businesses.get(id));
  const product = once((id: number) => store.products.get(id));
  const snapshot = once((id: number) => store.snapshots.get(id));
  const entries = await Promise.all(
    changes.map(async (c): Promise<[number, ChangeContext]> => {
      const t = await target(c.targetId);
      const [b, p, s, prev] = await Promise.all([
        business(t.businessId),
        product(t.productId),
        snapshot(c.snapshotId),
        c.previousSnapshotId === null ? null : snapshot(c.previousSnapshotId),
      ]);
      return [c.id, { business: b, product: p, snapshot: s, previous: prev }];
    }),
  );
  return new Map(entries);
}
