import type { ChangeDraft, ChangeKind } from '../compare/diff-snapshots.ts';
import type { Page, PageRequest } from './paging.ts';
import type { SnapshotPoint } from './snapshots.ts';
import type { Target } from './targets.ts';

/** A field-level difference between two consecutive snapshots of a target, as the API shows it. */
export interface Change {
  id: number;
  targetId: number;
  field: string;
  old: string | null;
  new: string | null;
  delta: string | null;
  deltaPercent: number | null;
  kind: ChangeKind;
  snapshotId: number;
  previousSnapshotId: number | null;
  detectedAt: string;
}

export interface ChangeFilter extends PageRequest {
  businessId?: number;
  productId?: number;
  targetId?: number;
  field?: string;
  kind?: ChangeKind;
  /** Detected at or after (ISO). */
  since?: string;
  /** Detected before (ISO). */
  until?: string;
  /** Newest first (a feed), instead of oldest first; `after` continues in the same order. */
  newestFirst?: boolean;
}

export interface NewChange extends ChangeDraft {
  targetId: number;
  snapshotId: number;
  previousSnapshotId: number | null;
  detectedAt: string;
}

/** What change detection needs of the target. */
export type ChangeTarget = Pick<Target, 'id' | 'businessId' | 'productId' | 'minPriceDelta' | 'recipe'>;

/** A snapshot with the one before it of the same target (null for the first), and its target. */
export interface ChangeBasis {
  target: ChangeTarget;
  snapshot: SnapshotPoint;
  previous: SnapshotPoint | null;
  /** Whether changes were recorded for the snapshot already. */
  recorded: boolean;
}

/** What changed in offers, in detection order. */
export interface ChangeStore {
  /** Null for an unknown snapshot. */
  basis(snapshotId: number): Promise<ChangeBasis | null>;
  /** The ids of the changes recorded for a snapshot, in order. */
  idsOfSnapshot(snapshotId: number): Promise<number[]>;
  /**
   * What a price field of a target is compared against when small moves are not recorded: the value of its
   * last recorded change, else its first captured value.
   */
  baseline(targetId: number, field: 'price' | 'regularPrice'): Promise<string | null>;
  /** Stores the changes in order and returns their ids; call inside the snapshot's unit of work. */
  insert(changes: readonly NewChange[]): Promise<number[]>;
  /** In id order. */
  byIds(ids: readonly number[]): Promise<Change[]>;
  list(filter: ChangeFilter): Promise<Page<Change>>;
  /** Every change matching the filter (at most `max`), fetched a page at a time, for exports. */
  all(filter: Omit<ChangeFilter, 'limit' | 'after'>, max: number): AsyncIterable<Change>;
}
