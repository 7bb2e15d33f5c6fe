import { randomUUID } from 'node:crypto';
import type { AlertRule } from '../../store/alerts.ts';
import type { Store } from '../../store/store.ts';

/**
 * Queues a test post for a rule through the alert queue, so the dispatcher sends it like any alert and its
 * attempt (status code, error, duration) lands in the delivery log. No network I/O here.
 */
export async function queueTestDelivery(store: Store, rule: AlertRule, now: Date): Promise<void> {
  const at = now.toISOString();
  const text = `Test from rivalscope: the rule "${rule.name}" reaches this webhook.`;
  const payload = rule.format === 'slack' ? JSON.stringify({ text }) : JSON.stringify({ event: 'test', rule: { id: rule.id, name: rule.name }, text, at });
  await store.transaction((tx) =>
    tx.alertQueue.enqueue({ ruleId: rule.id, dedupeKey: `test:${randomUUID()}`, event: 'test', targetId: null, changeId: null, payload, at }),
  );
}
