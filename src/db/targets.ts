import type { Db } from './open-db.ts';
import { nowIso } from './open-db.ts';
import { notFound, unprocessable } from '../errors.ts';
import { toPage, type Page } from './paging.ts';
import type { Recipe } from '../../scrapers/recipe.ts';
import { nextRunAfter } from '../scheduler/schedule.ts';

export type FetchMode = 'static' | 'browser' | 'auto';
export type TargetHealth = 'ok' | 'broken';

export interface Target {
  id: number;
  businessId: number;
  productId: number;
  url: string;
  fetch: FetchMode;
  learnedMode: 'static' | 'browser' | null;
  schedule: string;
  locale: string | null;
  currency: string | null;
  recipe: Recipe | null;
  enabled: boolean;
  respectRobots: boolean;
  minPriceDelta: string | null;
  health: TargetHealth;
  healthReason: string | null;
  consecutiveFailures: number;
  nextRunAt: string | null;
  lastSuccessAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type TargetInput = Pick<
  Target,
  'businessId' | 'productId' | 'url' | 'fetch' | 'schedule' | 'locale' | 'currency' | 'recipe' | 'enabled' | 'respectRobots' | 'minPriceDelta'
>;

export interface TargetFilter {
  businessId?: number;
  productId?: number;
  health?: TargetHealth;
  enabled?: boolean;
  /** The decoded cursor: the last id of the previous page. */
  cursor?: number;
  limit: number;
}

export interface TargetRow {
  id: number;
  business_id: number;
  product_id: number;
  url: string;
  fetch_mode: FetchMode;
  learned_mode: 'static' | 'browser' | null;
  schedule: string;
  locale: string | null;
  currency: string | null;
  recipe: string | null;
  enabled: number;
  respect_robots: number;
  min_price_delta: string | null;
  health: TargetHealth;
  health_reason: string | null;
  consecutive_failures: number;
  next_run_at: string | null;
  last_success_at: string | null;
  created_at: string;
  updated_at: string;
}

export const toTarget = (r: TargetRow): Target => ({
  id: r.id,
  businessId: r.business_id,
  productId: r.product_id,
  url: r.url,
  fetch: r.fetch_mode,
  learnedMode: r.learned_mode,
  schedule: r.schedule,
  locale: r.locale,
  currency: r.currency,
  recipe: r.recipe ? (JSON.parse(r.recipe) as Recipe) : null,
  enabled: r.enabled === 1,
  respectRobots: r.respect_robots === 1,
  minPriceDelta: r.min_price_delta,
  health: r.health,
  healthReason: r.health_reason,
  consecutiveFailures: r.consecutive_failures,
  nextRunAt: r.next_run_at,
  lastSuccessAt: r.last_success_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function targetsRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO targets (business_id, product_id, url, fetch_mode, schedule, locale, currency, recipe, enabled,
       respect_robots, min_price_delta, next_run_at, created_at, updated_at)
     VALUES (:businessId, :productId, :url, :fetch, :schedule, :locale, :currency, :recipe, :enabled,
       :respectRobots, :minPriceDelta, :nextRunAt, :now, :now)`,
  );
  const update = db.prepare(
    `UPDATE targets SET business_id = :businessId, product_id = :productId, url = :url, fetch_mode = :fetch,
       schedule = :schedule, locale = :locale, currency = :currency, recipe = :recipe, enabled = :enabled,
       respect_robots = :respectRobots, min_price_delta = :minPriceDelta, next_run_at = :nextRunAt,
       learned_mode = CASE WHEN fetch_mode = :fetch AND url = :url THEN learned_mode END, updated_at = :now
     WHERE id = :id`,
  );
  const byId = db.prepare<[number], TargetRow>('SELECT * FROM targets WHERE id = ?');
  const list = db.prepare<Record<string, number | string | null>, TargetRow>(
    `SELECT * FROM targets WHERE id > :after
       AND (:businessId IS NULL OR business_id = :businessId) AND (:productId IS NULL OR product_id = :productId)
       AND (:health IS NULL OR health = :health) AND (:enabled IS NULL OR enabled = :enabled)
     ORDER BY id LIMIT :limit`,
  );
  const remove = db.prepare('DELETE FROM targets WHERE id = ?');
  const businessExists = db.prepare<[number], number>('SELECT 1 FROM businesses WHERE id = ?').pluck();
  const productExists = db.prepare<[number], number>('SELECT 1 FROM products WHERE id = ?').pluck();

  const get = (id: number): Target => {
    const row = byId.get(id);
    if (!row) throw notFound('target', id);
    return toTarget(row);
  };

  const params = (t: TargetInput) => {
    if (!businessExists.get(t.businessId)) throw unprocessable('businessId', `business ${t.businessId} does not exist`);
    if (!productExists.get(t.productId)) throw unprocessable('productId', `product ${t.productId} does not exist`);
    return {
      ...t,
      recipe: t.recipe ? JSON.stringify(t.recipe) : null,
      enabled: t.enabled ? 1 : 0,
      respectRobots: t.respectRobots ? 1 : 0,
      nextRunAt: nextRunAfter(t.schedule, new Date()).toISOString(),
      now: nowIso(),
    };
  };

  return {
    get,
    create(input: TargetInput): Target {
      return get(Number(insert.run(params(input)).lastInsertRowid));
    },
    update(id: number, patch: Partial<TargetInput>): Target {
      const next = { ...get(id), ...patch };
      update.run({ ...params(next), id });
      return get(id);
    },
    remove(id: number): void {
      if (remove.run(id).changes === 0) throw notFound('target', id);
    },
    list(filter: TargetFilter): Page<Target> {
      const rows = list.all({
        after: filter.cursor ?? 0,
        businessId: filter.businessId ?? null,
        productId: filter.productId ?? null,
        health: filter.health ?? null,
        enabled: filter.enabled === undefined ? null : filter.enabled ? 1 : 0,
        limit: filter.limit + 1,
      });
      return toPage(rows.map(toTarget), filter.limit);
    },
  };
}

export type TargetsRepo = ReturnType<typeof targetsRepo>;
