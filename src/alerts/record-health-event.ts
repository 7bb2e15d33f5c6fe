import type { HealthEvent } from '../store/alerts.ts';
import type { Store } from '../store/store.ts';
import { alertBody } from './alert-payload.ts';

/**
 * Records that a target turned broken or recovered and queues the `target_broken` / `target_recovered`
 * alerts it fires. Called inside the unit of work that records a run's outcome when the health flips; a
 * repeated call without a flip in between records nothing, so each flip alerts once.
 */
export async function recordHealthEvent(tx: Store, event: HealthEvent): Promise<void> {
  const previous = (await tx.alerts.lastHealth(event.targetId)) ?? 'ok';
  if (previous === event.health) return;
  const at = new Date().toISOString();
  const eventId = await tx.alerts.addHealthEvent(event, at);
  const subject = await tx.alerts.subject(event.targetId);
  if (!subject) return;
  const name = event.health === 'broken' ? 'target_broken' : 'target_recovered';
  const rules = await tx.alerts.matchingRules([name], { productId: subject.productId, businessId: subject.businessId });
  for (const rule of rules) {
    await tx.alertQueue.enqueue({
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
