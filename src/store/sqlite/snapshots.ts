import { gunzipSync } from 'node:zlib';
import type { ExpressionBuilder, Selectable } from 'kysely';
import type { Availability, FieldValue, Provenance } from '../../../scrapers/offer.ts';
import { notFound } from '../../errors.ts';
import { toPage } from '../paging.ts';
import type { OfferValues, ScreenshotType, Snapshot, SnapshotPoint, SnapshotStore } from '../snapshots.ts';
import type { Queries } from './open-sqlite.ts';
import { preparedQuery } from './prepared-query.ts';
import type { SnapshotsTable, Tables } from './schema.ts';

/** The columns of a snapshot that are compared over time. */
export const VALUE_COLUMNS = ['name', 'price', 'regular_price', 'currency', 'availability', 'promotions', 'fields'] as const;

type ValueColumns = Pick<Selectable<SnapshotsTable>, (typeof VALUE_COLUMNS)[number]>;

/** Most snapshots have no promotions and no custom fields: those skip parsing. */
const toOfferValues = (r: ValueColumns): OfferValues => ({
  name: r.name,
  price: r.price,
  regularPrice: r.regular_price,
  currency: r.currency,
  availability: r.availability as Availability | null,
  promotions: r.promotions === '[]' ? [] : (JSON.parse(r.promotions) as string[]),
  fields: r.fields === '{}' ? {} : (JSON.parse(r.fields) as Record<string, FieldValue>),
});

export const toSnapshotPoint = (r: ValueColumns & Pick<Selectable<SnapshotsTable>, 'id' | 'target_id' | 'captured_at'>): SnapshotPoint => ({
  id: r.id,
  targetId: r.target_id,
  capturedAt: r.captured_at,
  values: toOfferValues(r),
});

type SnapshotRow = Omit<Selectable<SnapshotsTable>, 'screenshot'> & { html_size: number | null; screenshot_size: number | null };

const toSnapshot = (r: SnapshotRow): Snapshot => ({
  id: r.id,
  targetId: r.target_id,
  runId: r.run_id,
  capturedAt: r.captured_at,
  finalUrl: r.final_url,
  offer: {
    name: r.name,
    price: r.price,
    regularPrice: r.regular_price,
    currency: r.currency,
    availability: r.availability as Availability | null,
    sku: r.sku,
    gtin: r.gtin,
    brand: r.brand,
    promotions: JSON.parse(r.promotions) as string[],
    fields: JSON.parse(r.fields) as Record<string, FieldValue>,
  },
  provenance: JSON.parse(r.provenance) as Provenance,
  evidence: {
    htmlHash: r.html_hash,
    htmlBytes: r.html_size,
    screenshotType: r.screenshot_type as ScreenshotType | null,
    screenshotBytes: r.screenshot_size,
  },
});

type SnapshotColumns = Omit<Selectable<SnapshotsTable>, 'id'>;

/** Every snapshot stored goes through this, in bulk too: prepared once (see prepared-query.ts). */
const insertSnapshot = preparedQuery<SnapshotColumns, { id: number }>((db, p) =>
  db
    .insertInto('snapshots')
    .values({
      target_id: p('target_id'),
      run_id: p('run_id'),
      captured_at: p('captured_at'),
      final_url: p('final_url'),
      name: p('name'),
      price: p('price'),
      regular_price: p('regular_price'),
      currency: p('currency'),
      availability: p('availability'),
      sku: p('sku'),
      gtin: p('gtin'),
      brand: p('brand'),
      promotions: p('promotions'),
      fields: p('fields'),
      provenance: p('provenance'),
      html_hash: p('html_hash'),
      screenshot: p('screenshot'),
      screenshot_type: p('screenshot_type'),
    })
    .returning('id'),
);

export function sqliteSnapshots(db: Queries): SnapshotStore {
  const withEvidence = () =>
    db
      .selectFrom('snapshots as s')
      .leftJoin('evidence as e', 'e.hash', 's.html_hash')
      .select([
        's.id',
        's.target_id',
        's.run_id',
        's.captured_at',
        's.final_url',
        ...VALUE_COLUMNS.map((c) => `s.${c}` as const),
        's.sku',
        's.gtin',
        's.brand',
        's.provenance',
        's.html_hash',
        's.screenshot_type',
        'e.size as html_size',
        (eb: ExpressionBuilder<Tables & { s: SnapshotsTable }, 's'>) => eb.fn<number | null>('length', ['s.screenshot']).as('screenshot_size'),
      ]);

  return {
    async get(id) {
      const row = await withEvidence().where('s.id', '=', id).executeTakeFirst();
      if (!row) throw notFound('snapshot', id);
      return toSnapshot(row);
    },
    async insert(s) {
      if (s.html)
        await db
          .insertInto('evidence')
          .values({ hash: s.html.hash, html_gz: s.html.gz, size: s.html.size, created_at: s.capturedAt })
          .onConflict((oc) => oc.column('hash').doNothing())
          .execute();
      const { offer } = s;
      const [row] = await insertSnapshot(db, {
        target_id: s.targetId,
        run_id: s.runId,
        captured_at: s.capturedAt,
        final_url: s.finalUrl,
        name: offer.name,
        price: offer.price,
        regular_price: offer.regularPrice,
        currency: offer.currency,
        availability: offer.availability,
        sku: offer.sku,
        gtin: offer.gtin,
        brand: offer.brand,
        promotions: JSON.stringify(offer.promotions),
        fields: JSON.stringify(offer.fields),
        provenance: JSON.stringify(s.provenance),
        html_hash: s.html?.hash ?? null,
        screenshot: s.screenshot ? Buffer.from(s.screenshot.bytes) : null,
        screenshot_type: s.screenshot?.type ?? null,
      });
      return row!.id;
    },
    async latest(targetId) {
      const row = await withEvidence().where('s.target_id', '=', targetId).orderBy('s.id', 'desc').limit(1).executeTakeFirst();
      return row ? toSnapshot(row) : null;
    },
    async listForTarget(targetId, page) {
      let q = withEvidence().where('s.target_id', '=', targetId);
      if (page.after !== undefined) q = q.where('s.id', '<', page.after);
      const rows = await q.orderBy('s.id', 'desc').limit(page.limit + 1).execute();
      return toPage(rows.map(toSnapshot), page.limit);
    },
    async history(targetId, range) {
      let q = db.selectFrom('snapshots').select(['id', 'target_id', 'captured_at', ...VALUE_COLUMNS]).where('target_id', '=', targetId);
      if (range.since !== undefined) q = q.where('captured_at', '>=', range.since);
      if (range.until !== undefined) q = q.where('captured_at', '<', range.until);
      const rows = await q.orderBy('id', 'desc').limit(range.limit).execute();
      return rows.reverse().map(toSnapshotPoint);
    },
    async html(id) {
      const row = await db
        .selectFrom('snapshots as s')
        .leftJoin('evidence as e', 'e.hash', 's.html_hash')
        .select('e.html_gz')
        .where('s.id', '=', id)
        .executeTakeFirst();
      if (!row) throw notFound('snapshot', id);
      return row.html_gz ? gunzipSync(row.html_gz).toString('utf8') : null;
    },
    async screenshot(id) {
      const row = await db.selectFrom('snapshots').select(['screenshot', 'screenshot_type']).where('id', '=', id).executeTakeFirst();
      if (!row) throw notFound('snapshot', id);
      return row.screenshot && row.screenshot_type ? { type: row.screenshot_type as ScreenshotType, bytes: row.screenshot } : null;
    },
  };
}
