import type { Db } from './open-db.ts';
import { nowIso } from './open-db.ts';
import { conflict, notFound } from '../errors.ts';
import { toPage, type Page } from './paging.ts';

export interface Business {
  id: number;
  name: string;
  own: boolean;
  website: string | null;
  locale: string | null;
  createdAt: string;
  updatedAt: string;
}

export type BusinessInput = Pick<Business, 'name' | 'own' | 'website' | 'locale'>;

interface Row {
  id: number;
  name: string;
  own: number;
  website: string | null;
  locale: string | null;
  created_at: string;
  updated_at: string;
}

const toBusiness = (r: Row): Business => ({
  id: r.id,
  name: r.name,
  own: r.own === 1,
  website: r.website,
  locale: r.locale,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

function ownConflict(err: unknown): never {
  if (err instanceof Error && /UNIQUE constraint failed: businesses\.own/.test(err.message))
    throw conflict('there is already an own business; only one business can be own', { field: 'own' });
  throw err;
}

export function businessesRepo(db: Db) {
  const insert = db.prepare(
    'INSERT INTO businesses (name, own, website, locale, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const update = db.prepare(
    'UPDATE businesses SET name = ?, own = ?, website = ?, locale = ?, updated_at = ? WHERE id = ?',
  );
  const byId = db.prepare<[number], Row>('SELECT * FROM businesses WHERE id = ?');
  const list = db.prepare<{ after: number; own: number | null; q: string | null; limit: number }, Row>(
    `SELECT * FROM businesses WHERE id > :after AND (:own IS NULL OR own = :own)
     AND (:q IS NULL OR name LIKE '%' || :q || '%') ORDER BY id LIMIT :limit`,
  );
  const remove = db.prepare('DELETE FROM businesses WHERE id = ?');

  const get = (id: number): Business => {
    const row = byId.get(id);
    if (!row) throw notFound('business', id);
    return toBusiness(row);
  };

  return {
    get,
    create(input: BusinessInput): Business {
      const now = nowIso();
      try {
        const { lastInsertRowid } = insert.run(input.name, input.own ? 1 : 0, input.website, input.locale, now, now);
        return get(Number(lastInsertRowid));
      } catch (err) {
        return ownConflict(err);
      }
    },
    update(id: number, patch: Partial<BusinessInput>): Business {
      const next = { ...get(id), ...patch };
      try {
        update.run(next.name, next.own ? 1 : 0, next.website, next.locale, nowIso(), id);
      } catch (err) {
        ownConflict(err);
      }
      return get(id);
    },
    remove(id: number): void {
      if (remove.run(id).changes === 0) throw notFound('business', id);
    },
    list(filter: { own?: boolean; q?: string; cursor?: number; limit: number }): Page<Business> {
      const rows = list.all({
        after: filter.cursor ?? 0,
        own: filter.own === undefined ? null : filter.own ? 1 : 0,
        q: filter.q ?? null,
        limit: filter.limit + 1,
      });
      return toPage(rows.map(toBusiness), filter.limit);
    },
  };
}

export type BusinessesRepo = ReturnType<typeof businessesRepo>;
