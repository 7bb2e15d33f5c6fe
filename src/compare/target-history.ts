import type { Db } from '../db/open-db.ts';
import { targetsRepo } from '../db/targets.ts';
import { fieldType, normaliseFieldValue, snapshotValues, type SnapshotRow } from './offer-values.ts';

export interface HistoryPoint {
  at: string;
  snapshotId: number;
  value: string | null;
  currency?: string | null;
}

export interface HistorySeries {
  field: string;
  type: string;
  points: HistoryPoint[];
}

export interface TargetHistory {
  targetId: number;
  series: HistorySeries[];
}

const cache = new WeakMap<Db, ReturnType<typeof prepare>>();

function prepare(db: Db) {
  return db.prepare<{ targetId: number; since: string | null; until: string | null; limit: number }, SnapshotRow>(
    `SELECT id, target_id, captured_at, name, price, regular_price, currency, availability, promotions, fields
     FROM snapshots WHERE target_id = :targetId AND captured_at >= coalesce(:since, '')
       AND (:until IS NULL OR captured_at < :until)
     ORDER BY id DESC LIMIT :limit`,
  );
}

/**
 * A time series per field of a target, oldest first, for charts: price, regular price, availability,
 * promotions count and each custom field (normalised by its recipe type). At most the latest `limit` snapshots.
 */
export function targetHistory(db: Db, targetId: number, q: { since?: string; until?: string; limit: number }): TargetHistory {
  const target = targetsRepo(db).get(targetId);
  let st = cache.get(db);
  if (!st) cache.set(db, (st = prepare(db)));
  const rows = st.all({ targetId, since: q.since ?? null, until: q.until ?? null, limit: q.limit }).reverse();
  const declared = Object.fromEntries((target.recipe?.fields ?? []).map((f) => [f.key, f.type]));
  const series = new Map<string, HistorySeries>();
  const add = (field: string, type: string, point: HistoryPoint) => {
    let s = series.get(field);
    if (!s) series.set(field, (s = { field, type, points: [] }));
    s.points.push(point);
  };
  for (const row of rows) {
    const v = snapshotValues(row);
    const at = row.captured_at;
    const snapshotId = row.id;
    add('price', 'money', { at, snapshotId, value: v.price, currency: v.currency });
    add('regularPrice', 'money', { at, snapshotId, value: v.regularPrice, currency: v.currency });
    add('availability', 'text', { at, snapshotId, value: v.availability });
    add('promotions', 'number', { at, snapshotId, value: String(v.promotions.length) });
    for (const key of new Set([...Object.keys(declared), ...Object.keys(v.fields)])) {
      const type = fieldType(v.fields[key], declared[key]);
      const point: HistoryPoint = { at, snapshotId, value: normaliseFieldValue(v.fields[key], type) };
      if (type === 'money') point.currency = v.fields[key]?.currency ?? null;
      add(`fields.${key}`, type, point);
    }
  }
  return { targetId, series: [...series.values()] };
}
