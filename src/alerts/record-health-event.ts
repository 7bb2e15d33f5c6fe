import type { Db } from '../db/open-db.ts';
import { ruleMatcher } from '../db/alerts-rules.ts';
import { deliveriesRepo } from '../db/alerts-deliveries.ts';
import { alertBody } from './alert-payload.ts';
import { alertStatements } from './alert-statements.ts';

export interface HealthEvent {
  targetId: number;
  health: 'ok' | 'broken';
  reason: string | null;
}

const lastHealth = new WeakMap<Db, ReturnType<typeof prepare>>();

function prepare(db: Db) {
  return {
    last: db.prepare<[number], string>('SELECT health FROM target_health_events WHERE target_id = ? ORDER BY id DESC LIMIT 1').pluck(),
    insert: db.prepare('INSERT INTO target_health_events (target_id, health, reason, at) VALUES (?, ?, ?, ?)'),
  };
}

/**
 * Records that a target turned broken or recovered and queues the `target_broken` / `target_recovered`
 * alerts it fires. Called by the scheduler inside its transaction when the health flips; a repeated call
 * without a flip in between records nothing, so each flip alerts once.
 */
export function recordHealthEvent(db: Db, event: HealthEvent): void {
  let st = lastHealth.get(db);
  if (!st) lastHealth.set(db, (st = prepare(db)));
  const previous = st.last.get(event.targetId) ?? 'ok';
  if (previous === event.health) return;
  const at = new Date().toISOString();
  const eventId = Number(st.insert.run(event.targetId, event.health, event.reason, at).lastInsertRowid);
  const subject = alertStatements(db).subject(event.targetId);
  if (!subject) return;
  const name = event.health === 'broken' ? 'target_broken' : 'target_recovered';
  const rules = ruleMatcher(db).matching.all({ events: JSON.stringify([name]), productId: subject.productId, businessId: subject.businessId });
  const deliveries = deliveriesRepo(db);
  for (const rule of rules) {
    deliveries.queue({
      ruleId: rule.id,
      dedupeKey: `health:${eventId}`,
      event: name,
      targetId: event.targetId,
      changeId: null,
      payload: alertBody(rule, { event: name, subject, detail: { reason: event.reason }, at }),
      at,
    });
  }
}
