import type { Db } from './open-db.ts';
import { nowIso } from './open-db.ts';
import { notFound } from '../errors.ts';
import { toPage, type Page } from './paging.ts';

export interface Product {
  id: number;
  name: string;
  sku: string | null;
  gtin: string | null;
  createdAt: string;
  updatedAt: string;
}

export type ProductInput = Pick<Product, 'name' | 'sku' | 'gtin'>;

interface Row {
  id: number;
  name: string;
  sku: string | null;
  gtin: string | null;
  created_at: string;
  updated_at: string;
}

const toProduct = (r: Row): Product => ({
  id: r.id,
  name: r.name,
  sku: r.sku,
  gtin: r.gtin,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function productsRepo(db: Db) {
  const insert = db.prepare('INSERT INTO products (name, sku, gtin, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  const update = db.prepare('UPDATE products SET name = ?, sku = ?, gtin = ?, updated_at = ? WHERE id = ?');
  const byId = db.prepare<[number], Row>('SELECT * FROM products WHERE id = ?');
  const list = db.prepare<{ after: number; q: string | null; sku: string | null; limit: number }, Row>(
    `SELECT * FROM products WHERE id > :after AND (:q IS NULL OR name LIKE '%' || :q || '%')
     AND (:sku IS NULL OR sku = :sku) ORDER BY id LIMIT :limit`,
  );
  const remove = db.prepare('DELETE FROM products WHERE id = ?');

  const get = (id: number): Product => {
    const row = byId.get(id);
    if (!row) throw notFound('product', id);
    return toProduct(row);
  };

  return {
    get,
    create(input: ProductInput): Product {
      const now = nowIso();
      const { lastInsertRowid } = insert.run(input.name, input.sku, input.gtin, now, now);
      return get(Number(lastInsertRowid));
    },
    update(id: number, patch: Partial<ProductInput>): Product {
      const next = { ...get(id), ...patch };
      update.run(next.name, next.sku, next.gtin, nowIso(), id);
      return get(id);
    },
    remove(id: number): void {
      if (remove.run(id).changes === 0) throw notFound('product', id);
    },
    list(filter: { q?: string; sku?: string; cursor?: number; limit: number }): Page<Product> {
      const rows = list.all({ after: filter.cursor ?? 0, q: filter.q ?? null, sku: filter.sku ?? null, limit: filter.limit + 1 });
      return toPage(rows.map(toProduct), filter.limit);
    },
  };
}

export type ProductsRepo = ReturnType<typeof productsRepo>;
