import type { AlertQueue } from '../alert-queue.ts';
import type { DeliveryAttempt, DeliveryStatus } from '../alerts.ts';
import type { Queries } from './open-sqlite.ts';
import { bit } from './sqlite-values.ts';

interface Settlement {
  status: DeliveryStatus;
  next_attempt_at: string | null;
  last_error: string | null;
  delivered_at: string | null;
}

const failure = (a: DeliveryAttempt) => a.error ?? `HTTP ${a.statusCode}`;

/** `skipLocked`: concurrent dispatchers pass over rows another one is leasing (Postgres) instead of waiting for it. */
export function sqliteAlertQueue(db: Queries, { skipLocked = false }: { skipLocked?: boolean } = {}): AlertQueue {
  /** Moves the delivery on and logs the attempt, if `owner` holds the lease. */
  const settle = async (id: number, owner: string, a: DeliveryAttempt, to: Settlement): Promise<boolean> => {
    const { numUpdatedRows } = await db
      .updateTable('alert_deliveries')
      .set({ ...to, attempts: a.attempt, lease_owner: null, lease_expires_at: null })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    if (numUpdatedRows === 0n) return false;
    await db
      .insertInto('alert_attempts')
      .values({
        delivery_id: id,
        attempt: a.attempt,
        started_at: a.startedAt,
        duration_ms: a.durationMs,
        status_code: a.statusCode,
        error: a.error,
        ok: bit(a.ok),
      })
      .execute();
    return true;
  };

  return {
    async enqueue(d) {
      const { numInsertedOrUpdatedRows } = await db
        .insertInto('alert_deliveries')
        .values({
          rule_id: d.ruleId,
          dedupe_key: d.dedupeKey,
          event: d.event,
          target_id: d.targetId,
          change_id: d.changeId,
          payload: d.payload,
          next_attempt_at: d.at,
          created_at: d.at,
        })
        .onConflict((oc) => oc.columns(['rule_id', 'dedupe_key']).doNothing())
        .executeTakeFirst();
      return numInsertedOrUpdatedRows === 1n;
    },
    async claimDue({ owner, now, leaseUntil, limit }) {
      // One statement, so two dispatchers never lease the same delivery.
      const leased = await db
        .updateTable('alert_deliveries')
        .set({ lease_owner: owner, lease_expires_at: leaseUntil })
        .where('lease_owner', 'is', null)
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('alert_deliveries')
            .select('id')
            .where('status', '=', 'pending')
            .where('next_attempt_at', '<=', now)
            .where('lease_owner', 'is', null)
            .orderBy('next_attempt_at')
            .orderBy('id')
            .limit(limit)
            .$if(skipLocked, (qb) => qb.forUpdate().skipLocked()),
        )
        .returning('id')
        .execute();
      if (leased.length === 0) return [];
      const rows = await db
        .selectFrom('alert_deliveries as d')
        .innerJoin('alert_rules as r', 'r.id', 'd.rule_id')
        .select(['d.id', 'd.rule_id', 'd.attempts', 'd.payload', 'r.webhook_url', 'r.secret'])
        .where('d.id', 'in', leased.map((l) => l.id))
        .where('d.lease_owner', '=', owner)
        .orderBy('d.next_attempt_at')
        .orderBy('d.id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        ruleId: r.rule_id,
        attempt: r.attempts + 1,
        payload: r.payload,
        webhookUrl: r.webhook_url,
        secret: r.secret,
      }));
    },
    complete: (id, owner, a) =>
      settle(id, owner, a, {
        status: 'delivered',
        next_attempt_at: null,
        last_error: null,
        delivered_at: new Date(Date.parse(a.startedAt) + a.durationMs).toISOString(),
      }),
    retry: (id, owner, a, retryAt) =>
      settle(id, owner, a, { status: 'pending', next_attempt_at: retryAt, last_error: failure(a), delivered_at: null }),
    giveUp: (id, owner, a) => settle(id, owner, a, { status: 'failed', next_attempt_at: null, last_error: failure(a), delivered_at: null }),
    async recoverExpired(now) {
      const { numUpdatedRows } = await db
        .updateTable('alert_deliveries')
        .set({ lease_owner: null, lease_expires_at: null })
        .where('lease_owner', 'is not', null)
        .where('lease_expires_at', '<=', now)
        .executeTakeFirst();
      return Number(numUpdatedRows);
    },
  };
}
