import type { Db } from '../db/open-db.ts';
import { ALERT_EVENTS, ruleMatcher, type AlertRuleRow } from '../db/alerts-rules.ts';
import { deliveriesRepo } from '../db/alerts-deliveries.ts';
import { absDecimal, compareDecimals } from '../compare/decimal.ts';
import { alertBody, type AlertChange, type AlertFacts, type AlertSubject } from './alert-payload.ts';
import { alertStatements } from './alert-statements.ts';
import { undercutsAfter } from './undercut.ts';

/** The target whose snapshot changed. */
export interface ChangedTarget {
  id: number;
  business_id: number;
  product_id: number;
}

const CHANGE_EVENTS = ALERT_EVENTS.filter((e) => !e.startsWith('target_'));
const EVENTS_JSON = JSON.stringify(CHANGE_EVENTS);

const atLeast = (value: string | number | null, min: string | null) =>
  min === null || (value !== null && compareDecimals(absDecimal(String(value)), min) >= 0);

/** Whether a rule of a per-change event fires for this change of a target of the rule's scope. */
function fires(rule: AlertRuleRow, c: AlertChange, subject: AlertSubject): boolean {
  switch (rule.event) {
    case 'price_change':
      return (
        !subject.own &&
        (c.kind === 'price_increase' || c.kind === 'price_decrease') &&
        atLeast(c.deltaPercent, rule.min_percent) &&
        atLeast(c.delta, rule.min_amount)
      );
    case 'field_changed':
      return c.field.startsWith('fields.') && (rule.field_key === null || c.field === `fields.${rule.field_key}`);
    default:
      return c.kind === rule.event;
  }
}

/**
 * Queues the webhook deliveries that stored changes fire, inside the snapshot transaction (sending happens
 * later, in the dispatcher). Each (rule, change) pair — for undercuts (rule, change, competitor) — queues once.
 */
export function queueChangeAlerts(db: Db, target: ChangedTarget, changes: readonly AlertChange[]): void {
  const rules = ruleMatcher(db).matching.all({ events: EVENTS_JSON, productId: target.product_id, businessId: null });
  if (rules.length === 0) return;
  const reads = alertStatements(db);
  const subject = reads.subject(target.id);
  if (!subject) return;
  const deliveries = deliveriesRepo(db);
  const queue = (rule: AlertRuleRow, key: string, facts: AlertFacts, change: AlertChange | undefined) =>
    deliveries.queue({
      ruleId: rule.id,
      dedupeKey: key,
      event: rule.event,
      targetId: facts.subject.targetId,
      changeId: change?.id ?? null,
      payload: alertBody(rule, facts),
      at: facts.at,
    });
  const at = new Date().toISOString();

  for (const rule of rules) {
    for (const c of changes) {
      if (rule.event === 'undercut') {
        if (c.field !== 'price' || c.new === null) continue;
        for (const u of undercutsAfter(rule, subject, reads.latestPrices(target.product_id))) {
          const competitor = subject.own ? reads.subject(u.competitorTargetId) : subject;
          if (!competitor) continue;
          const facts: AlertFacts = { event: 'undercut', subject: competitor, change: c, detail: u.detail, at };
          queue(rule, `change:${c.id}:target:${u.competitorTargetId}`, facts, c);
        }
        continue;
      }
      if (rule.business_id !== null && rule.business_id !== target.business_id) continue;
      if (fires(rule, c, subject)) queue(rule, `change:${c.id}`, { event: rule.event, subject, change: c, at }, c);
    }
  }
}
