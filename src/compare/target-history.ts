import type { HistoryRange } from '../store/snapshots.ts';
import type { Store } from '../store/store.ts';
import { fieldType, normaliseFieldValue } from './offer-values.ts';

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

/**
 * A time series per field of a target, oldest first, for charts: price, regular price, availability,
 * promotions count and each custom field (normalised by its recipe type). At most the latest `limit` snapshots.
 */
export async function targetHistory(store: Store, targetId: number, range: HistoryRange): Promise<TargetHistory> {
  const target = await store.targets.get(targetId);
  const snapshots = await store.snapshots.history(targetId, range);
  const declared = Object.fromEntries((target.recipe?.fields ?? []).map((f) => [f.key, f.type]));
  const series = new Map<string, HistorySeries>();
  const add = (field: string, type: string, point: HistoryPoint) => {
    let s = series.get(field);
    if (!s) series.set(field, (s = { field, type, points: [] }));
    s.points.push(point);
  };
  for (const { values: v, capturedAt: at, id: snapshotId } of snapshots) {
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
