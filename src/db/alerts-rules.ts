import { randomBytes } from 'node:crypto';
import type { Db } from './open-db.ts';
import { nowIso } from './open-db.ts';
import { notFound, unprocessable } from '../errors.ts';
import { toPage, type Page } from './paging.ts';

export const ALERT_EVENTS = [
  'undercut',
  'price_change',
  'out_of_stock',
  'back_in_stock',
  'promotion_started',
  'promotion_ended',
  'field_changed',
  'target_broken',
  'target_recovered',
] as const;
export type AlertEvent = (typeof ALERT_EVENTS)[number];
export type AlertFormat = 'json' | 'slack';

/** When to send what where. Scope: a product and/or a business; neither means every target. */
export interface AlertRule {
  id: number;
  name: string;
  event: AlertEvent;
  productId: number | null;
  businessId: number | null;
  /** Decimal thresholds: undercut by / price moved by at least this percent, undercut by at least this amount. */
  minPercent: string | null;
  minAmount: string | null;
  /** field_changed: the recipe field key to watch (null: any field). */
  fieldKey: string | null;
  webhookUrl: string;
  format: AlertFormat;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export type AlertRuleInput = Pick<
  AlertRule,
  'name' | 'event' | 'productId' | 'businessId' | 'minPercent' | 'minAmount' | 'fieldKey' | 'webhookUrl' | 'format' | 'enabled'
> & { secret?: string | null };

export interface AlertRuleRow {
  id: number;
  name: string;
  event: AlertEvent;
  product_id: number | null;
  business_id: number | null;
  min_percent: string | null;
  min_amount: string | null;
  field_key: string | null;
  webhook_url: string;
  secret: string;
  format: AlertFormat;
  enabled: number;
  created_at: string;
  updated_at: string;
}

export const toAlertRule = (r: AlertRuleRow): AlertRule => ({
  id: r.id,
  name: r.name,
  event: r.event,
  productId: r.product_id,
  businessId: r.business_id,
  minPercent: r.min_percent,
  minAmount: r.min_amount,
  fieldKey: r.field_key,
  webhookUrl: r.webhook_url,
  format: r.format,
  enabled: r.enabled === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const cache = new WeakMap<Db, ReturnType<typeof prepare>>();

function prepare(db: Db) {
  return {
    /** Enabled rules of some events whose scope covers a product and a business. */
    matching: db.prepare<{ events: string; productId: number; businessId: number | null }, AlertRuleRow>(
      `SELECT * FROM alert_rules WHERE enabled = 1 AND event IN (SELECT value FROM json_each(:events))
         AND (product_id IS NULL OR product_id = :productId)
         AND (business_id IS NULL OR :businessId IS NULL OR business_id = :businessId) ORDER BY id`,
    ),
  };
}

/** The statements the alert queueing runs inside snapshot transactions (prepared once per database). */
export function ruleMatcher(db: Db) {
  let st = cache.get(db);
  if (!st) cache.set(db, (st = prepare(db)));
  return st;
}

export const newSecret = () => randomBytes(24).toString('base64url');

export function alertRulesRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO alert_rules (name, event, product_id, business_id, min_percent, min_amount, field_key, webhook_url, secret,
       format, enabled, created_at, updated_at)
     VALUES (:name, :event, :productId, :businessId, :minPercent, :minAmount, :fieldKey, :webhookUrl, :secret, :format,
       :enabled, :now, :now)`,
  );
  const update = db.prepare(
    `UPDATE alert_rules SET name = :name, event = :event, product_id = :productId, business_id = :businessId,
       min_percent = :minPercent, min_amount = :minAmount, field_key = :fieldKey, webhook_url = :webhookUrl,
       secret = :secret, format = :format, enabled = :enabled, updated_at = :now WHERE id = :id`,
  );
  const byId = db.prepare<[number], AlertRuleRow>('SELECT * FROM alert_rules WHERE id = ?');
  const list = db.prepare<{ after: number; event: string | null; limit: number }, AlertRuleRow>(
    'SELECT * FROM alert_rules WHERE id > :after AND (:event IS NULL OR event = :event) ORDER BY id LIMIT :limit',
  );
  const remove = db.prepare('DELETE FROM alert_rules WHERE id = ?');
  const productExists = db.prepare<[number], number>('SELECT 1 FROM products WHERE id = ?').pluck();
  const businessExists = db.prepare<[number], number>('SELECT 1 FROM businesses WHERE id = ?').pluck();

  const row = (id: number): AlertRuleRow => {
    const r = byId.get(id);
    if (!r) throw notFound('alert rule', id);
    return r;
  };
  const params = (r: AlertRuleInput & { secret: string }) => {
    if (r.productId !== null && !productExists.get(r.productId)) throw unprocessable('productId', `product ${r.productId} does not exist`);
    if (r.businessId !== null && !businessExists.get(r.businessId))
      throw unprocessable('businessId', `business ${r.businessId} does not exist`);
    return { ...r, enabled: r.enabled ? 1 : 0, now: nowIso() };
  };

  return {
    get: (id: number): AlertRule => toAlertRule(row(id)),
    /** Creates a rule; the secret (given or generated) is returned here only. */
    create(input: AlertRuleInput): AlertRule & { secret: string } {
      const secret = input.secret ?? newSecret();
      const id = Number(insert.run(params({ ...input, secret })).lastInsertRowid);
      return { ...toAlertRule(row(id)), secret };
    },
    update(id: number, patch: Partial<AlertRuleInput>): AlertRule {
      const current = row(id);
      const next = { ...toAlertRule(current), ...patch, secret: patch.secret ?? current.secret };
      update.run({ ...params(next), id });
      return toAlertRule(row(id));
    },
    remove(id: number): void {
      if (remove.run(id).changes === 0) throw notFound('alert rule', id);
    },
    list(filter: { event?: AlertEvent; after?: number; limit: number }): Page<AlertRule> {
      const rows = list.all({ after: filter.after ?? 0, event: filter.event ?? null, limit: filter.limit + 1 });
      return toPage(rows.map(toAlertRule), filter.limit);
    },
  };
}
