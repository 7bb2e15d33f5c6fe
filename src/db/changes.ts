import type { Statement } from 'better-sqlite3';
import type { Db } from './open-db.ts';
import { encodeCursor, type Page } from './paging.ts';
import type { ChangeDraft, ChangeKind } from '../compare/diff-snapshots.ts';

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

export interface ChangeFilter {
  businessId?: number;
  productId?: number;
  targetId?: number;
  field?: string;
  kind?: string;
  since?: string;
  until?: string;
  /** The id of the last change seen (from the cursor). */
  after?: number;
  limit: number;
}

const COLUMNS = `c.id, c.target_id AS targetId, c.field, c.old, c.new, c.delta, c.delta_percent AS deltaPercent, c.kind,
  c.snapshot_id AS snapshotId, c.previous_snapshot_id AS previousSnapshotId, c.detected_at AS detectedAt`;

const CONDITIONS = {
  targetId: 'c.target_id = :targetId',
  businessId: 'c.target_id IN (SELECT id FROM targets WHERE business_id = :businessId)',
  productId: 'c.target_id IN (SELECT id FROM targets WHERE product_id = :productId)',
  field: 'c.field = :field',
  kind: 'c.kind = :kind',
  since: 'c.detected_at >= :since',
  until: 'c.detected_at < :until',
} as const;
type FilterKey = keyof typeof CONDITIONS;

/**
 * The list query for the filters given (only those, so SQLite can pick the index that fits), in detection
 * order; the cursor is the last id, whose detected_at continues the keyset.
 */
function listSql(keys: readonly FilterKey[]): string {
  const where = [...keys.map((k) => CONDITIONS[k]), '(c.detected_at, c.id) > (:afterAt, :afterId)'].join(' AND ');
  return `SELECT ${COLUMNS} FROM changes c WHERE ${where} ORDER BY c.detected_at, c.id LIMIT :limit`;
}

type Params = Record<string, string | number | null>;

const cache = new WeakMap<Db, ReturnType<typeof prepare>>();

function prepare(db: Db) {
  return {
    insert: db.prepare(
      `INSERT INTO changes (target_id, field, kind, old, new, delta, delta_percent, snapshot_id, previous_snapshot_id, detected_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    idsOfSnapshot: db.prepare<[number], number>('SELECT id FROM changes WHERE snapshot_id = ? ORDER BY id').pluck(),
    byIds: db.prepare<[string], Change>(`SELECT ${COLUMNS} FROM changes c WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY c.id`),
    detectedAt: db.prepare<[number], string>('SELECT detected_at FROM changes WHERE id = ?').pluck(),
    lists: new Map<string, Statement<Params, Change>>(),
  };
}

export function changesRepo(db: Db) {
  let s = cache.get(db);
  if (!s) cache.set(db, (s = prepare(db)));
  const st = s;

  const query = (f: ChangeFilter, limit: number): Change[] => {
    const params: Params = { afterAt: f.after ? (st.detectedAt.get(f.after) ?? '') : '', afterId: f.after ?? 0, limit };
    const keys = (Object.keys(CONDITIONS) as FilterKey[]).filter((k) => f[k] !== undefined);
    for (const k of keys) params[k] = f[k]!;
    const key = keys.join(',');
    let statement = st.lists.get(key);
    if (!statement) st.lists.set(key, (statement = db.prepare<Params, Change>(listSql(keys))));
    return statement.all(params);
  };

  return {
    insert(targetId: number, d: ChangeDraft, snapshotId: number, previousSnapshotId: number | null, detectedAt: string): number {
      const r = st.insert.run(targetId, d.field, d.kind, d.old, d.new, d.delta, d.deltaPercent, snapshotId, previousSnapshotId, detectedAt);
      return Number(r.lastInsertRowid);
    },
    idsOfSnapshot: (snapshotId: number): number[] => st.idsOfSnapshot.all(snapshotId),
    byIds: (ids: readonly number[]): Change[] => st.byIds.all(JSON.stringify(ids)),
    list(filter: ChangeFilter): Page<Change> {
      const rows = query(filter, filter.limit + 1);
      const items = rows.slice(0, filter.limit);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > filter.limit && last ? encodeCursor(last.id) : null };
    },
    /** Every change matching the filter, page by page (for exports). */
    *all(filter: Omit<ChangeFilter, 'limit' | 'after'>, max: number): Generator<Change> {
      let after: number | undefined;
      for (let left = max; left > 0; ) {
        const n = Math.min(1000, left);
        const page = query({ ...filter, after, limit: n }, n);
        yield* page;
        left -= page.length;
        const last = page.at(-1);
        if (!last || page.length < n) return;
        after = last.id;
      }
    },
  };
}

export type ChangesRepo = ReturnType<typeof changesRepo>;
