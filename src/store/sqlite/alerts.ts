import type { Selectable } from 'kysely';
import { notFound } from '../../errors.ts';
import type { AlertStore, Delivery, DeliveryAttempt, DeliveryStatus } from '../alerts.ts';
import { toPage } from '../paging.ts';
import type { TargetHealth } from '../targets.ts';
import { sqliteAlertRules } from './alert-rules.ts';
import type { Queries } from './open-sqlite.ts';
import type { AlertDeliveriesTable } from './schema.ts';
import { bool } from './sqlite-values.ts';

type DeliveryRow = Selectable<AlertDeliveriesTable>;

export function sqliteAlerts(db: Queries): AlertStore {
  /** The deliveries of `rows` with their attempt logs. */
  const withLogs = async (rows: DeliveryRow[]): Promise<Delivery[]> => {
    if (rows.length === 0) return [];
    const attempts = await db
      .selectFrom('alert_attempts')
      .select(['delivery_id', 'attempt', 'started_at', 'duration_ms', 'status_code', 'error', 'ok'])
      .where('delivery_id', 'in', rows.map((r) => r.id))
      .orderBy('id')
      .execute();
    const logs = new Map<number, DeliveryAttempt[]>();
    for (const a of attempts) {
      const log = logs.get(a.delivery_id) ?? [];
      log.push({
        attempt: a.attempt,
        startedAt: a.started_at,
        durationMs: a.duration_ms,
        statusCode: a.status_code,
        error: a.error,
        ok: bool(a.ok),
      });
      logs.set(a.delivery_id, log);
    }
    return rows.map((r) => ({
      id: r.id,
      ruleId: r.rule_id,
      event: r.event,
      targetId: r.target_id,
      changeId: r.change_id,
      status: r.status as DeliveryStatus,
      attempts: r.attempts,
      nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null,
      lastError: r.last_error,
      createdAt: r.created_at,
      deliveredAt: r.delivered_at,
      payload: JSON.parse(r.payload) as unknown,
      log: logs.get(r.id) ?? [],
    }));
  };

  return {
    ...sqliteAlertRules(db),

    async getDelivery(id) {
      const row = await db.selectFrom('alert_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw notFound('alert delivery', id);
      return (await withLogs([row]))[0]!;
    },
    async listDeliveries(filter) {
      let q = db.selectFrom('alert_deliveries').selectAll().where('id', '>', filter.after ?? 0);
      if (filter.ruleId !== undefined) q = q.where('rule_id', '=', filter.ruleId);
      if (filter.status !== undefined) q = q.where('status', '=', filter.status);
      if (filter.targetId !== undefined) q = q.where('target_id', '=', filter.targetId);
      const page = toPage(await q.orderBy('id').limit(filter.limit + 1).execute(), filter.limit);
      return { ...page, items: await withLogs(page.items) };
    },

    async lastHealth(targetId) {
      const row = await db
        .selectFrom('target_health_events')
        .select('health')
        .where('target_id', '=', targetId)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? (row.health as TargetHealth) : null;
    },
    async addHealthEvent(event, at) {
      const { id } = await db
        .insertInto('target_health_events')
        .values({ target_id: event.targetId, health: event.health, reason: event.reason, at })
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },

    async subject(targetId) {
      const row = await db
        .selectFrom('targets as t')
        .innerJoin('businesses as b', 'b.id', 't.business_id')
        .innerJoin('products as p', 'p.id', 't.product_id')
        .select(['t.id', 't.url', 't.business_id', 'b.name as business', 'b.own', 't.product_id', 'p.name as product'])
        .where('t.id', '=', targetId)
        .executeTakeFirst();
      return row
        ? {
            targetId: row.id,
            url: row.url,
            businessId: row.business_id,
            business: row.business,
            own: bool(row.own),
            productId: row.product_id,
            product: row.product,
          }
        : null;
    },
    async latestPrices(productId) {
      const rows = await db
        .selectFrom('targets as t')
        .innerJoin('businesses as b', 'b.id', 't.business_id')
        .innerJoin('latest_snapshots as l', 'l.target_id', 't.id')
        .innerJoin('snapshots as s', 's.id', 'l.snapshot_id')
        .select(['t.id', 't.business_id', 'b.name', 'b.own', 's.price', 's.currency'])
        .where('t.product_id', '=', productId)
        .where('t.enabled', '=', 1)
        .orderBy('s.captured_at', 'desc')
        .orderBy('t.id')
        .execute();
      return rows.map((r) => ({
        targetId: r.id,
        businessId: r.business_id,
        business: r.name,
        own: bool(r.own),
        price: r.price,
        currency: r.currency,
      }));
    },
  };
}
