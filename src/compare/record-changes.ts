import type { FieldType, Recipe } from '../../scrapers/recipe.ts';
import { queueChangeAlerts } from '../alerts/queue-change-alerts.ts';
import type { Store } from '../store/store.ts';
import { diffSnapshots } from './diff-snapshots.ts';

/** The declared type of each custom field of a recipe. */
const fieldTypes = (recipe: Recipe | null): Record<string, FieldType> =>
  recipe ? Object.fromEntries(recipe.fields.map((f) => [f.key, f.type])) : {};

/**
 * Diffs snapshot `snapshotId` against the previous snapshot of its target, stores the changes, queues the
 * alerts they fire, and returns the ids of the changes, as one unit of work (joining the one that stores the
 * snapshot). Calling it again for the same snapshot returns the changes already stored.
 */
export function recordChanges(store: Store, snapshotId: number): Promise<number[]> {
  return store.transaction(async (tx) => {
    const basis = await tx.changes.basis(snapshotId);
    if (basis?.recorded) return tx.changes.idsOfSnapshot(snapshotId);
    if (!basis?.previous) return [];
    const { target, snapshot, previous } = basis;
    const before = { ...previous.values };
    if (target.minPriceDelta !== null) {
      // Moves under the minimum are not recorded, so the baseline is the last recorded price (or the first one
      // seen): a price creeping up in small steps is recorded once the steps add up to the minimum.
      for (const field of ['price', 'regularPrice'] as const) {
        if (previous.values[field] !== snapshot.values[field]) before[field] = await tx.changes.baseline(target.id, field);
      }
    }
    const drafts = diffSnapshots(before, snapshot.values, { minPriceDelta: target.minPriceDelta, fieldTypes: fieldTypes(target.recipe) });
    if (drafts.length === 0) return [];
    const context = { targetId: target.id, snapshotId: snapshot.id, previousSnapshotId: previous.id, detectedAt: snapshot.capturedAt };
    const ids = await tx.changes.insert(drafts.map((d) => ({ ...d, ...context })));
    await queueChangeAlerts(tx, target, ids.map((id, i) => ({ id, ...drafts[i]! })));
    return ids;
  });
}
