import { sql, type Selectable } from 'kysely';
import type { Recipe } from '../../../scrapers/recipe.ts';
import type { ChangeKind } from '../../compare/diff-snapshots.ts';
import type { Change, ChangeFilter, ChangeStore } from '../changes.ts';
import { toPage } from '../paging.ts';
import type { Queries } from './open-sqlite.ts';
import { preparedQuery } from './prepared-query.ts';
import type { ChangesTable, SnapshotsTable, TargetsTable } from './schema.ts';
import { toSnapshotPoint, VALUE_COLUMNS } from './snapshots.ts';
import { bool } from './sqlite-values.ts';

const toChange = (r: Selectable<ChangesTable>): Change => ({
  id: r.id,
  targetId: r.target_id,
  field: r.field,
  old: r.old,
  new: r.new,
  delta: r.delta,
  deltaPercent: r.delta_percent,
  kind: r.kind as ChangeKind,
  snapshotId: r.snapshot_id,
  previousSnapshotId: r.previous_snapshot_id,
  detectedAt: r.detected_at,
});

type PairRow = Pick<Selectable<SnapshotsTable>, 'id' | 'target_id' | 'captured_at' | (typeof VALUE_COLUMNS)[number]> &
  Pick<Selectable<TargetsTable>, 'business_id' | 'product_id' | 'min_price_delta' | 'recipe'> & { recorded: number };

const FIRST_COLUMN = { price: 'price', regularPrice: 'regular_price' } as const;

// Change detection runs these for every snapshot stored: prepared once (see prepared-query.ts).

/** A snapshot and its predecessor (newest first), with their target and whether changes were recorded for it. */
const pair = preparedQuery<{ id: number }, PairRow>((db, p) =>
  db
    .selectFrom('snapshots as s')
    .innerJoin('targets as t', 't.id', 's.target_id')
    .select(['s.id', 's.target_id', 's.captured_at', ...VALUE_COLUMNS.map((c) => `s.${c}` as const)])
    .select(['t.business_id', 't.product_id', 't.min_price_delta', 't.recipe'])
    .select((eb) => eb.exists(eb.selectFrom('changes as c').select('c.id').whereRef('c.snapshot_id', '=', 's.id')).as('recorded'))
    .where('s.target_id', '=', (eb) => eb.selectFrom('snapshots').select('target_id').where('id', '=', p('id')))
    .where('s.id', '<=', p('id'))
    .orderBy('s.id', 'desc')
    // A bound LIMIT makes SQLite run this ten times slower (bench:compare): the literal keeps it fast.
    .limit(sql.lit(2)),
);

const lastRecorded = preparedQuery<{ targetId: number; field: string }, { new: string | null }>((db, p) =>
  db
    .selectFrom('changes')
    .select('new')
    .where('target_id', '=', p('targetId'))
    .where('field', '=', p('field'))
    .orderBy('id', 'desc')
    .limit(sql.lit(1)),
);

const firstPrices = preparedQuery<{ targetId: number }, { price: string | null; regular_price: string | null }>((db, p) =>
  db.selectFrom('snapshots').select(['price', 'regular_price']).where('target_id', '=', p('targetId')).orderBy('id').limit(sql.lit(1)),
);

const insertChange = preparedQuery<Omit<Selectable<ChangesTable>, 'id'>, { id: number }>((db, p) =>
  db
    .insertInto('changes')
    .values({
      target_id: p('target_id'),
      field: p('field'),
      kind: p('kind'),
      old: p('old'),
      new: p('new'),
      delta: p('delta'),
      delta_percent: p('delta_percent'),
      snapshot_id: p('snapshot_id'),
      previous_snapshot_id: p('previous_snapshot_id'),
      detected_at: p('detected_at'),
    })
    .returning('id'),
);

export function sqliteChanges(db: Queries): ChangeStore {
  /** The filters given (only those, so SQLite can pick the index that fits), in detection order. */
  const query = async (f: ChangeFilter): Promise<Change[]> => {
    let q = db.selectFrom('changes').selectAll();
    if (f.targetId !== undefined) q = q.where('target_id', '=', f.targetId);
    if (f.businessId !== undefined) {
      const { businessId } = f;
      q = q.where('target_id', 'in', (eb) => eb.selectFrom('targets').select('id').where('business_id', '=', businessId));
    }
    if (f.productId !== undefined) {
      const { productId } = f;
      q = q.where('target_id', 'in', (eb) => eb.selectFrom('targets').select('id').where('product_id', '=', productId));
    }
    if (f.field !== undefined) q = q.where('field', '=', f.field);
    if (f.kind !== undefined) q = q.where('kind', '=', f.kind);
    if (f.since !== undefined) q = q.where('detected_at', '>=', f.since);
    if (f.until !== undefined) q = q.where('detected_at', '<', f.until);
    if (f.after !== undefined) {
      // `after` is the last id seen; its detected_at continues the keyset.
      const last = await db.selectFrom('changes').select('detected_at').where('id', '=', f.after).executeTakeFirst();
      const after = [last?.detected_at ?? '', f.after] as const;
      q = q.where((eb) => eb(eb.refTuple('detected_at', 'id'), f.newestFirst ? '<' : '>', eb.tuple(...after)));
    }
    const order = f.newestFirst ? 'desc' : 'asc';
    const rows = await q.orderBy('detected_at', order).orderBy('id', order).limit(f.limit).execute();
    return rows.map(toChange);
  };

  return {
    async basis(snapshotId) {
      const [row, previous] = await pair(db, { id: snapshotId });
      if (row?.id !== snapshotId) return null;
      return {
        target: {
          id: row.target_id,
          businessId: row.business_id,
          productId: row.product_id,
          minPriceDelta: row.min_price_delta,
          recipe: row.recipe ? (JSON.parse(row.recipe) as Recipe) : null,
        },
        snapshot: toSnapshotPoint(row),
        previous: previous ? toSnapshotPoint(previous) : null,
        recorded: bool(row.recorded),
      };
    },
    async idsOfSnapshot(snapshotId) {
      const rows = await db.selectFrom('changes').select('id').where('snapshot_id', '=', snapshotId).orderBy('id').execute();
      return rows.map((r) => r.id);
    },
    async baseline(targetId, field) {
      const [recorded] = await lastRecorded(db, { targetId, field });
      if (recorded) return recorded.new;
      const [first] = await firstPrices(db, { targetId });
      return first?.[FIRST_COLUMN[field]] ?? null;
    },
    async insert(changes) {
      const ids: number[] = [];
      for (const c of changes) {
        const [row] = await insertChange(db, {
          target_id: c.targetId,
          field: c.field,
          kind: c.kind,
          old: c.old,
          new: c.new,
          delta: c.delta,
          delta_percent: c.deltaPercent,
          snapshot_id: c.snapshotId,
          previous_snapshot_id: c.previousSnapshotId,
          detected_at: c.detectedAt,
        });
        ids.push(row!.id);
      }
      return ids;
    },
    async byIds(ids) {
      if (ids.length === 0) return [];
      const rows = await db.selectFrom('changes').selectAll().where('id', 'in', ids).orderBy('id').execute();
      return rows.map(toChange);
    },
    async list(filter) {
      return toPage(await query({ ...filter, limit: filter.limit + 1 }), filter.limit);
    },
    async *all(filter, max) {
      let after: number | undefined;
      for (let left = max; left > 0; ) {
        const limit = Math.min(1000, left);
        const page = await query({ ...filter, after, limit });
        yield* page;
        left -= page.length;
        const last = page.at(-1);
        if (!last || page.length < limit) return;
        after = last.id;
      }
    },
  };
}
