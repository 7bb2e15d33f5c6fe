import type { Db } from '../db/open-db.ts';
import type { FieldType, Recipe } from '../../scrapers/recipe.ts';
import { changesRepo } from '../db/changes.ts';
import { queueChangeAlerts } from '../alerts/queue-change-alerts.ts';
import { diffSnapshots } from './diff-snapshots.ts';
import { snapshotValues, type SnapshotRow } from './offer-values.ts';

export interface TargetContext {
  id: number;
  business_id: number;
  product_id: number;
  min_price_delta: string | null;
  recipe: string | null;
}

type SnapshotWithTarget = SnapshotRow & Omit<TargetContext, 'id'>;

const cache = new WeakMap<Db, ReturnType<typeof prepare>>();

function prepare(db: Db) {
  return {
    /** The snapshot and its predecessor (newest first), with their target. */
    pair: db.prepare<{ id: number }, SnapshotWithTarget>(
      `SELECT s.id, s.target_id, s.captured_at, s.name, s.price, s.regular_price, s.currency, s.availability, s.promotions,
         s.fields, t.business_id, t.product_id, t.min_price_delta, t.recipe
       FROM snapshots s JOIN targets t ON t.id = s.target_id
       WHERE s.target_id = (SELECT target_id FROM snapshots WHERE id = :id) AND s.id <= :id ORDER BY s.id DESC LIMIT 2`,
    ),
    lastRecorded: db.prepare<[number, string], { new: string | null }>(
      'SELECT new FROM changes WHERE target_id = ? AND field = ? ORDER BY id DESC LIMIT 1',
    ),
    first: db.prepare<[number], { price: string | null; regular_price: string | null }>(
      'SELECT price, regular_price FROM snapshots WHERE target_id = ? ORDER BY id LIMIT 1',
    ),
    changes: changesRepo(db),
  };
}

const fieldTypesByRecipe = new Map<string, Record<string, FieldType>>();

/** The declared type of each custom field of a recipe (parsed once per distinct recipe text). */
function fieldTypes(recipe: string | null): Record<string, FieldType> {
  if (!recipe) return {};
  let types = fieldTypesByRecipe.get(recipe);
  if (!types) {
    const fields = (JSON.parse(recipe) as Partial<Recipe>).fields ?? [];
    types = Object.fromEntries(fields.map((f) => [f.key, f.type]));
    if (fieldTypesByRecipe.size > 10_000) fieldTypesByRecipe.clear();
    fieldTypesByRecipe.set(recipe, types);
  }
  return types;
}

/**
 * Diffs snapshot `snapshotId` against the previous snapshot of its target, stores the changes, queues the
 * alerts they fire, and returns the ids of the changes. Called inside the transaction that stores the
 * snapshot; calling it again for the same snapshot returns the changes already stored.
 */
export function recordChanges(db: Db, snapshotId: number): number[] {
  let st = cache.get(db);
  if (!st) cache.set(db, (st = prepare(db)));
  const existing = st.changes.idsOfSnapshot(snapshotId);
  if (existing.length > 0) return existing;
  const [row, previous] = st.pair.all({ id: snapshotId });
  if (row?.id !== snapshotId || !previous) return [];
  const target: TargetContext = { ...row, id: row.target_id };
  const before = snapshotValues(previous);
  if (target.min_price_delta !== null) {
    // Moves under the minimum are not recorded, so the baseline is the last recorded price (or the first one
    // seen): a price creeping up in small steps is recorded once the steps add up to the minimum.
    for (const [field, column] of [['price', 'price'], ['regularPrice', 'regular_price']] as const) {
      if (previous[column] === row[column]) continue;
      const recorded = st.lastRecorded.get(row.target_id, field);
      before[field] = recorded ? recorded.new : (st.first.get(row.target_id)?.[column] ?? null);
    }
  }
  const drafts = diffSnapshots(before, snapshotValues(row), {
    minPriceDelta: target.min_price_delta,
    fieldTypes: fieldTypes(target.recipe),
  });
  if (drafts.length === 0) return [];
  const ids = drafts.map((d) => st.changes.insert(row.target_id, d, row.id, previous.id, row.captured_at));
  queueChangeAlerts(db, target, ids.map((id, i) => ({ id, ...drafts[i]! })));
  return ids;
}
