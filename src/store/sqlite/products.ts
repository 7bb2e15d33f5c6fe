import type { Selectable } from 'kysely';
import { notFound } from '../../errors.ts';
import { toPage } from '../paging.ts';
import type { Product, ProductStore } from '../products.ts';
import type { Queries } from './open-sqlite.ts';
import type { ProductsTable } from './schema.ts';
import { nowIso } from './sqlite-values.ts';

const toProduct = (r: Selectable<ProductsTable>): Product => ({
  id: r.id,
  name: r.name,
  sku: r.sku,
  gtin: r.gtin,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function sqliteProducts(db: Queries): ProductStore {
  const get = async (id: number): Promise<Product> => {
    const row = await db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('product', id);
    return toProduct(row);
  };

  return {
    get,
    async create(input) {
      const now = nowIso();
      const { id } = await db
        .insertInto('products')
        .values({ name: input.name, sku: input.sku, gtin: input.gtin, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      return get(id);
    },
    async update(id, patch) {
      const next = { ...(await get(id)), ...patch };
      await db
        .updateTable('products')
        .set({ name: next.name, sku: next.sku, gtin: next.gtin, updated_at: nowIso() })
        .where('id', '=', id)
        .execute();
      return get(id);
    },
    async remove(id) {
      const { numDeletedRows } = await db.deleteFrom('products').where('id', '=', id).executeTakeFirst();
      if (numDeletedRows === 0n) throw notFound('product', id);
    },
    async list(filter) {
      let q = db.selectFrom('products').selectAll().where('id', '>', filter.after ?? 0);
      if (filter.q) {
        // SQLite's LIKE ignores ASCII case and Postgres' does not: lower() on both sides makes them agree.
        const pattern = `%${filter.q}%`;
        q = q.where((eb) => eb(eb.fn('lower', ['name']), 'like', eb.fn('lower', [eb.val(pattern)])));
      }
      if (filter.sku !== undefined) q = q.where('sku', '=', filter.sku);
      const rows = await q.orderBy('id').limit(filter.limit + 1).execute();
      return toPage(rows.map(toProduct), filter.limit);
    },
  };
}
