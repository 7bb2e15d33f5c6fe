import { absDecimal, compareDecimals } from '../../scrapers/price/decimal.ts';
import { ALERT_EVENTS, type AlertRule, type AlertSubject } from '../store/alerts.ts';
import type { Store } from '../store/store.ts';
import { alertBody, type AlertChange, type AlertFacts } from './alert-payload.ts';
import { undercutsAfter } from './undercut.ts';

/** The target whose snapshot changed. */
export interface ChangedTarget {
  id: number;
  productId: number;
}

const CHANGE_EVENTS = ALERT_EVENTS.filter((e) => !e.startsWith('target_'));

const atLeast = (value: string | number | null, min: string | null) =>
  min === null || (value !== null && compareDecimals(absDecimal(String(value)), min) >= 0);

/** Whether a rule of a per-change event fires for this change of a target of the rule's scope. */
function fires(rule: AlertRule, c: AlertChange, subject: AlertSubject): boolean {
  switch (rule.event) {
    case 'price_change':
      return (
        !subject.own &&
        (c.kind === 'price_increase' || c.kind === 'price_decrease') &&
        atLeast(c.deltaPercent, rule.minPercent) &&
        atLeast(c.delta, rule.minAmount)
      );
    case 'field_changed':
      return c.field.startsWith('fields.') && (rule.fieldKey === null || c.field === `fields.${rule.fieldKey}`);
    default:
      return c.kind === rule.event;
  }
}

/**
 * Queues the webhook deliveries that stored changes fire, inside the unit of work that stores the snapshot
 * (sending happens later, in the dispatcher). Each (rule, change) pair — for undercuts (rule, change,
 * competitor) — queues once.
 */
export async function queueChangeAlerts(tx: Store, target: ChangedTarget, changes: readonly AlertChange[]): Promise<void> {
  const rules = await tx.alerts.matchingRules(CHANGE_EVENTS, { productId: target.productId, businessId: null });
  if (rules.length === 0) return;
  const subject = await tx.alerts.subject(target.id);
  if (!subject) return;
  const queue = (rule: AlertRule, key: string, facts: AlertFacts, change: AlertChange) =>
    tx.alertQueue.enqueue({
      ruleId: rule.id,
      dedupeKey: key,
      event: rule.event,
      targetId: facts.subject.targetId,
      changeId: change.id,
      payload: alertBody(rule, facts),
      at: facts.at,
    });
  const at = new Date().toISOString();

  for (const rule of rules) {
    for (const c of changes) {
      if (rule.event === 'undercut') {
        if (c.field !== 'price' || c.new === null) continue;
        for (const u of undercutsAfter(rule, subject, await tx.alerts.latestPrices(target.productId))) {
          const competitor = subject.own ? await tx.alerts.subject(u.competitorTargetId) : subject;
          if (!competitor) continue;
          const facts: AlertFacts = { event: 'undercut', subject: competitor, change: c, detail: u.detail, at };
          await queue(rule, `change:${c.id}:target:${u.competitorTargetId}`, facts, c);
        }
        continue;
      }
      if (rule.businessId !== null && rule.businessId !== subject.businessId) continue;
      if (fires(rule, c, subject)) await queue(rule, `change:${c.id}`, { event: rule.event, subject, change: c, at }, c);
    }
  }
}
