import type { Selectable } from 'kysely';
import type { Recipe } from '../../../scrapers/recipe.ts';
import { notFound, unprocessable } from '../../errors.ts';
import { nextRunAfter } from '../../cron/schedule.ts';
import { toPage } from '../paging.ts';
import type { FetchMode, Target, TargetHealth, TargetInput, TargetStore } from '../targets.ts';
import type { Queries } from './open-sqlite.ts';
import type { TargetsTable } from './schema.ts';
import { bit, bool, nowIso } from './sqlite-values.ts';

const toTarget = (r: Selectable<TargetsTable>): Target => ({
  id: r.id,
  businessId: r.business_id,
  productId: r.product_id,
  url: r.url,
  fetch: r.fetch_mode as FetchMode,
  learnedMode: r.learned_mode as Target['learnedMode'],
  schedule: r.schedule,
  locale: r.locale,
  currency: r.currency,
  recipe: r.recipe ? (JSON.parse(r.recipe) as Recipe) : null,
  enabled: bool(r.enabled),
  respectRobots: bool(r.respect_robots),
  minPriceDelta: r.min_price_delta,
  health: r.health as TargetHealth,
  healthReason: r.health_reason,
  consecutiveFailures: r.consecutive_failures,
  nextRunAt: r.next_run_at,
  lastSuccessAt: r.last_success_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function sqliteTargets(db: Queries): TargetStore {
  const get = async (id: number): Promise<Target> => {
    const row = await db.selectFrom('targets').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('target', id);
    return toTarget(row);
  };

  /** The columns a create or update writes, once the business and product are known to exist. */
  const columns = async (t: TargetInput) => {
    const business = await db.selectFrom('businesses').select('id').where('id', '=', t.businessId).executeTakeFirst();
    if (!business) throw unprocessable('businessId', `business ${t.businessId} does not exist`);
    const product = await db.selectFrom('products').select('id').where('id', '=', t.productId).executeTakeFirst();
    if (!product) throw unprocessable('productId', `product ${t.productId} does not exist`);
    return {
      business_id: t.businessId,
      product_id: t.productId,
      url: t.url,
      fetch_mode: t.fetch,
      schedule: t.schedule,
      locale: t.locale,
      currency: t.currency,
      recipe: t.recipe ? JSON.stringify(t.recipe) : null,
      enabled: bit(t.enabled),
      respect_robots: bit(t.respectRobots),
      min_price_delta: t.minPriceDelta,
      next_run_at: nextRunAfter(t.schedule, new Date()).toISOString(),
      updated_at: nowIso(),
    };
  };

  const checkState = (id: number) =>
    db
      .selectFrom('targets')
      .select(['health', 'health_reason', 'consecutive_failures', 'fetch_mode', 'learned_mode'])
      .where('id', '=', id)
      .executeTakeFirst();

  return {
    get,
    async create(input) {
      const values = await columns(input);
      const { id } = await db
        .insertInto('targets')
        .values({ ...values, created_at: values.updated_at })
        .returning('id')
        .executeTakeFirstOrThrow();
      return get(id);
    },
    async update(id, patch) {
      const current = await get(id);
      const next = { ...current, ...patch };
      const keepsLearned = next.fetch === current.fetch && next.url === current.url;
      await db
        .updateTable('targets')
        .set({ ...(await columns(next)), learned_mode: keepsLearned ? current.learnedMode : null })
        .where('id', '=', id)
        .execute();
      return get(id);
    },
    async remove(id) {
      const { numDeletedRows } = await db.deleteFrom('targets').where('id', '=', id).executeTakeFirst();
      if (numDeletedRows === 0n) throw notFound('target', id);
    },
    async list(filter) {
      let q = db.selectFrom('targets').selectAll().where('id', '>', filter.after ?? 0);
      if (filter.businessId !== undefined) q = q.where('business_id', '=', filter.businessId);
      if (filter.productId !== undefined) q = q.where('product_id', '=', filter.productId);
      if (filter.health !== undefined) q = q.where('health', '=', filter.health);
      if (filter.enabled !== undefined) q = q.where('enabled', '=', bit(filter.enabled));
      const rows = await q.orderBy('id').limit(filter.limit + 1).execute();
      return toPage(rows.map(toTarget), filter.limit);
    },

    async due(now) {
      const rows = await db
        .selectFrom('targets')
        .select(['id', 'schedule', 'next_run_at', 'fetch_mode', 'learned_mode'])
        .where('enabled', '=', 1)
        .where((eb) => eb.or([eb('next_run_at', 'is', null), eb('next_run_at', '<=', now)]))
        .orderBy('next_run_at', (ob) => ob.asc().nullsFirst())
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        schedule: r.schedule,
        nextRunAt: r.next_run_at,
        fetch: r.fetch_mode as FetchMode,
        learnedMode: r.learned_mode as Target['learnedMode'],
      }));
    },
    async setNextRunAt(id, at) {
      await db.updateTable('targets').set({ next_run_at: at }).where('id', '=', id).execute();
    },
    async markSucceeded(id, { at, mode }) {
      const before = await checkState(id);
      if (!before) return null;
      await db
        .updateTable('targets')
        .set({
          consecutive_failures: 0,
          health: 'ok',
          health_reason: null,
          last_success_at: at,
          learned_mode: before.fetch_mode === 'auto' ? mode : before.learned_mode,
        })
        .where('id', '=', id)
        .execute();
      return { from: before.health as TargetHealth, to: 'ok' };
    },
    async markFailed(id, { reason, brokenAfter }) {
      const before = await checkState(id);
      if (!before) return null;
      const failures = before.consecutive_failures + 1;
      const broken = failures >= brokenAfter;
      const to: TargetHealth = broken ? 'broken' : (before.health as TargetHealth);
      await db
        .updateTable('targets')
        .set({ consecutive_failures: failures, health: to, health_reason: broken ? reason : before.health_reason })
        .where('id', '=', id)
        .execute();
      return { from: before.health as TargetHealth, to };
    },
  };
}
