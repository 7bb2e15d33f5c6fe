import type { Db } from './open-db.ts';
import { notFound } from '../errors.ts';
import { toPage, type Page } from './paging.ts';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One try to post a delivery: what the receiver answered, or why it could not be reached. */
export interface DeliveryAttempt {
  attempt: number;
  startedAt: string;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  ok: boolean;
}

/** A webhook post queued by a rule for one event, with its attempt log. */
export interface Delivery {
  id: number;
  ruleId: number;
  event: string;
  targetId: number | null;
  changeId: number | null;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  payload: unknown;
  log: DeliveryAttempt[];
}

/** What the dispatcher needs to send one delivery. */
export interface DueDelivery {
  id: number;
  ruleId: number;
  attempts: number;
  payload: string;
  webhookUrl: string;
  secret: string;
}

export interface QueuedDelivery {
  ruleId: number;
  dedupeKey: string;
  event: string;
  targetId: number | null;
  changeId: number | null;
  payload: string;
  at: string;
}

interface Row {
  id: number;
  rule_id: number;
  event: string;
  target_id: number | null;
  change_id: number | null;
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

const cache = new WeakMap<Db, ReturnType<typeof prepare>>();

function prepare(db: Db) {
  return {
    queue: db.prepare<QueuedDelivery>(
      `INSERT INTO alert_deliveries (rule_id, dedupe_key, event, target_id, change_id, payload, next_attempt_at, created_at)
       VALUES (:ruleId, :dedupeKey, :event, :targetId, :changeId, :payload, :at, :at)
       ON CONFLICT (rule_id, dedupe_key) DO NOTHING`,
    ),
    due: db.prepare<{ now: string; limit: number }, DueDelivery>(
      `SELECT d.id, d.rule_id AS ruleId, d.attempts, d.payload, r.webhook_url AS webhookUrl, r.secret
       FROM alert_deliveries d JOIN alert_rules r ON r.id = d.rule_id
       WHERE d.status = 'pending' AND d.next_attempt_at <= :now ORDER BY d.next_attempt_at, d.id LIMIT :limit`,
    ),
    lease: db.prepare('UPDATE alert_deliveries SET next_attempt_at = ? WHERE id = ?'),
    attempt: db.prepare(
      `INSERT INTO alert_attempts (delivery_id, attempt, started_at, duration_ms, status_code, error, ok)
       VALUES (:id, :attempt, :startedAt, :durationMs, :statusCode, :error, :ok)`,
    ),
    settle: db.prepare(
      `UPDATE alert_deliveries SET attempts = :attempt, status = :status, next_attempt_at = :next, last_error = :error,
         delivered_at = :deliveredAt WHERE id = :id`,
    ),
  };
}

export function deliveriesRepo(db: Db) {
  let s = cache.get(db);
  if (!s) cache.set(db, (s = prepare(db)));
  const st = s;
  const byId = db.prepare<[number], Row>('SELECT * FROM alert_deliveries WHERE id = ?');
  const list = db.prepare<Record<string, string | number | null>, Row>(
    `SELECT * FROM alert_deliveries WHERE id > :after AND (:ruleId IS NULL OR rule_id = :ruleId)
       AND (:status IS NULL OR status = :status) AND (:targetId IS NULL OR target_id = :targetId) ORDER BY id LIMIT :limit`,
  );
  const attemptsOf = db.prepare<[string], DeliveryAttempt & { deliveryId: number; okInt: number }>(
    `SELECT delivery_id AS deliveryId, attempt, started_at AS startedAt, duration_ms AS durationMs, status_code AS statusCode,
       error, ok AS okInt FROM alert_attempts WHERE delivery_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
  );

  const withLogs = (rows: Row[]): Delivery[] => {
    const logs = new Map<number, DeliveryAttempt[]>();
    for (const { deliveryId, okInt, ...a } of attemptsOf.all(JSON.stringify(rows.map((r) => r.id)))) {
      const log = logs.get(deliveryId) ?? [];
      log.push({ ...a, ok: okInt === 1 });
      logs.set(deliveryId, log);
    }
    return rows.map((r) => ({
      id: r.id,
      ruleId: r.rule_id,
      event: r.event,
      targetId: r.target_id,
      changeId: r.change_id,
      status: r.status,
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
    /** Queues a delivery unless the rule already fired for the same key; true when queued. */
    queue: (d: QueuedDelivery): boolean => st.queue.run(d).changes === 1,
    /**
     * Deliveries due now, each leased until `leaseUntil` so that an overlapping dispatch pass skips them.
     */
    claimDue(now: string, leaseUntil: string, limit: number): DueDelivery[] {
      return db.transaction(() => {
        const due = st.due.all({ now, limit });
        for (const d of due) st.lease.run(leaseUntil, d.id);
        return due;
      })();
    },
    /** Logs an attempt and moves the delivery on: delivered, retried at `retryAt`, or failed for good. */
    recordAttempt(id: number, a: DeliveryAttempt, retryAt: string | null): void {
      db.transaction(() => {
        st.attempt.run({ id, ...a, ok: a.ok ? 1 : 0 });
        const status: DeliveryStatus = a.ok ? 'delivered' : retryAt ? 'pending' : 'failed';
        st.settle.run({
          id,
          attempt: a.attempt,
          status,
          next: a.ok ? null : retryAt,
          error: a.ok ? null : (a.error ?? `HTTP ${a.statusCode}`),
          deliveredAt: a.ok ? new Date(Date.parse(a.startedAt) + a.durationMs).toISOString() : null,
        });
      })();
    },
    get(id: number): Delivery {
      const row = byId.get(id);
      if (!row) throw notFound('alert delivery', id);
      return withLogs([row])[0]!;
    },
    list(filter: { ruleId?: number; status?: DeliveryStatus; targetId?: number; after?: number; limit: number }): Page<Delivery> {
      const rows = list.all({
        after: filter.after ?? 0,
        ruleId: filter.ruleId ?? null,
        status: filter.status ?? null,
        targetId: filter.targetId ?? null,
        limit: filter.limit + 1,
      });
      const page = toPage(rows, filter.limit);
      return { items: withLogs(page.items), nextCursor: page.nextCursor };
    },
  };
}
