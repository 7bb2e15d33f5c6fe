import type { Db } from '../db/open-db.ts';

/**
 * Diffs snapshot `snapshotId` against the previous snapshot of its target and stores the changes.
 * Called by the scheduler inside the transaction that stores the snapshot.
 * PLACEHOLDER until the compare work lands: the compare helper replaces this body.
 */
export function recordChanges(_db: Db, _snapshotId: number): number[] {
  return [];
}
