import type { Selectable } from 'kysely';
import { conflict, notFound } from '../../errors.ts';
import type { Business, BusinessStore } from '../businesses.ts';
import { toPage } from '../paging.ts';
import type { Queries } from './open-sqlite.ts';
import type { BusinessesTable } from './schema.ts';
import { bit, bool, isUniqueViolation, nowIso } from './sqlite-values.ts';

const toBusiness = (r: Selectable<BusinessesTable>): Business => ({
  id: r.id,
  name: r.name,
  own: bool(r.own),
  website: r.website,
  locale: r.locale,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

function ownConflict(err: unknown): never {
  if (isUniqueViolation(err, 'businesses.own'))
    throw conflict('there is already an own business; only one business can be own', { field: 'own' });
  throw err;
}

export function sqliteBusinesses(db: Queries): BusinessStore {
  const get = async (id: number): Promise<Business> => {
    const row = await db.selectFrom('businesses').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('business', id);
    return toBusiness(row);
  };

  return {
    get,
    async create(input) {
      const now = nowIso();
      const { id } = await db
        .insertInto('businesses')
        .values({ name: input.name, own: bit(input.own), website: input.website, locale: input.locale, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
        .catch(ownConflict);
      return get(id);
    },
    async update(id, patch) {
      const next = { ...(await get(id)), ...patch };
      await db
        .updateTable('businesses')
        .set({ name: next.name, own: bit(next.own), website: next.website, locale: next.locale, updated_at: nowIso() })
        .where('id', '=', id)
        .execute()
        .catch(ownConflict);
      return get(id);
    },
    async remove(id) {
      const { numDeletedRows } = await db.deleteFrom('businesses').where('id', '=', id).executeTakeFirst();
      if (numDeletedRows === 0n) throw notFound('business', id);
    },
    async list(filter) {
      let q = db.selectFrom('businesses').selectAll().where('id', '>', filter.after ?? 0);
      if (filter.own !== undefined) q = q.where('own', '=', bit(filter.own));
      if (filter.q) {
        // SQLite's LIKE ignores ASCII case and Postgres' does not: lower() on both sides makes them agree.
        const pattern = `%${filter.q}%`;
        q = q.where((eb) => eb(eb.fn('lower', ['name']), 'like', eb.fn('lower', [eb.val(pattern)])));
      }
      const rows = await q.orderBy('id').limit(filter.limit + 1).execute();
      return toPage(rows.map(toBusiness), filter.limit);
    },
  };
}
