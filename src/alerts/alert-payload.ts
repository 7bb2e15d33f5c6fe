import type { AlertRule, AlertSubject } from '../store/alerts.ts';

export interface AlertChange {
  id: number;
  field: string;
  kind: string;
  old: string | null;
  new: string | null;
  delta: string | null;
  deltaPercent: number | null;
}

export interface AlertFacts {
  event: string;
  subject: AlertSubject;
  change?: AlertChange;
  /** Event specifics: the undercut own price and gap, the health reason, … */
  detail?: Record<string, unknown>;
  at: string;
}

const arrow = (c: AlertChange) => `${c.old ?? '—'} → ${c.new ?? '—'}`;
const pct = (p: number | null) => (p === null ? '' : ` (${p > 0 ? '+' : ''}${p} %)`);

/** One line a person reads in chat or e-mail. */
export function alertText(f: AlertFacts): string {
  const who = `${f.subject.business} · ${f.subject.product}`;
  const c = f.change;
  const d = f.detail ?? {};
  switch (f.event) {
    case 'undercut':
      return `${d.competitor} undercuts us on ${f.subject.product}: ${d.competitorPrice} vs our ${d.ownPrice} ${d.currency} (−${d.gapPercent} %)`;
    case 'price_change':
      return `${who}: price ${c ? arrow(c) + pct(c.deltaPercent) : 'changed'}`;
    case 'out_of_stock':
      return `${who}: out of stock`;
    case 'back_in_stock':
      return `${who}: back in stock`;
    case 'promotion_started':
      return `${who}: promotion started — ${c?.new ?? ''}`;
    case 'promotion_ended':
      return `${who}: promotion ended — ${c?.old ?? ''}`;
    case 'field_changed':
      return `${who}: ${c?.field.replace(/^fields\./, '')} ${c ? arrow(c) + pct(c.deltaPercent) : 'changed'}`;
    case 'target_broken':
      return `${who}: target broken — ${d.reason ?? 'unknown reason'} (${f.subject.url})`;
    case 'target_recovered':
      return `${who}: target works again (${f.subject.url})`;
    default:
      return `${who}: ${f.event}`;
  }
}

/** The body posted to the rule's webhook: rivalscope JSON, or `{ text }` for Slack-compatible hooks. */
export function alertBody(rule: Pick<AlertRule, 'id' | 'name' | 'format'>, f: AlertFacts): string {
  const text = alertText(f);
  if (rule.format === 'slack') return JSON.stringify({ text });
  return JSON.stringify({
    event: f.event,
    rule: { id: rule.id, name: rule.name },
    target: f.subject,
    change: f.change ?? null,
    detail: f.detail ?? null,
    text,
    at: f.at,
  });
}
