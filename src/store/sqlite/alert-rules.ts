import type { Selectable } from 'kysely';
import { notFound, unprocessable } from '../../errors.ts';
import type { AlertEvent, AlertFormat, AlertRule, AlertStore, NewAlertRule } from '../alerts.ts';
import { toPage } from '../paging.ts';
import type { Queries } from './open-sqlite.ts';
import { preparedQuery } from './prepared-query.ts';
import type { AlertRulesTable } from './schema.ts';
import { bit, bool, nowIso } from './sqlite-values.ts';

type AlertRuleStore = Pick<AlertStore, 'getRule' | 'createRule' | 'updateRule' | 'removeRule' | 'listRules' | 'matchingRules'>;

const toAlertRule = (r: Selectable<AlertRulesTable>): AlertRule => ({
  id: r.id,
  name: r.name,
  event: r.event as AlertEvent,
  productId: r.product_id,
  businessId: r.business_id,
  minPercent: r.min_percent,
  minAmount: r.min_amount,
  fieldKey: r.field_key,
  webhookUrl: r.webhook_url,
  format: r.format as AlertFormat,
  enabled: bool(r.enabled),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/**
 * Enabled rules whose scope covers the product, by id: ingest asks for them with every snapshot that changed,
 * so the query is prepared once (see prepared-query.ts). Events and business scope are sifted from these few
 * rows in code, which keeps one query for any list of events.
 */
const productRules = preparedQuery<{ productId: number }, Selectable<AlertRulesTable>>((db, p) =>
  db
    .selectFrom('alert_rules')
    .selectAll()
    .where('enabled', '=', 1)
    .where((eb) => eb.or([eb('product_id', 'is', null), eb('product_id', '=', p('productId'))]))
    .orderBy('id'),
);

export function sqliteAlertRules(db: Queries): AlertRuleStore {
  const row = async (id: number) => {
    const r = await db.selectFrom('alert_rules').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw notFound('alert rule', id);
    return r;
  };

  /** The columns of a rule, once its scope is known to exist. */
  const columns = async (r: NewAlertRule) => {
    if (r.productId !== null && !(await db.selectFrom('products').select('id').where('id', '=', r.productId).executeTakeFirst()))
      throw unprocessable('productId', `product ${r.productId} does not exist`);
    if (r.businessId !== null && !(await db.selectFrom('businesses').select('id').where('id', '=', r.businessId).executeTakeFirst()))
      throw unprocessable('businessId', `business ${r.businessId} does not exist`);
    return {
      name: r.name,
      event: r.event,
      product_id: r.productId,
      business_id: r.businessId,
      min_percent: r.minPercent,
      min_amount: r.minAmount,
      field_key: r.fieldKey,
      webhook_url: r.webhookUrl,
      secret: r.secret,
      format: r.format,
      enabled: bit(r.enabled),
      updated_at: nowIso(),
    };
  };

  return {
    getRule: async (id) => toAlertRule(await row(id)),
    async createRule(rule) {
      const values = await columns(rule);
      const { id } = await db
        .insertInto('alert_rules')
        .values({ ...values, created_at: values.updated_at })
        .returning('id')
        .executeTakeFirstOrThrow();
      return toAlertRule(await row(id));
    },
    async updateRule(id, patch) {
      const current = await row(id);
      const next = { ...toAlertRule(current), ...patch, secret: patch.secret ?? current.secret };
      await db
        .updateTable('alert_rules')
        .set(await columns(next))
        .where('id', '=', id)
        .execute();
      return toAlertRule(await row(id));
    },
    async removeRule(id) {
      const { numDeletedRows } = await db.deleteFrom('alert_rules').where('id', '=', id).executeTakeFirst();
      if (numDeletedRows === 0n) throw notFound('alert rule', id);
    },
    async listRules(filter) {
      let q = db.selectFrom('alert_rules').selectAll().where('id', '>', filter.after ?? 0);
      if (filter.event) q = q.where('event', '=', filter.event);
      const rows = await q.orderBy('id').limit(filter.limit + 1).execute();
      return toPage(rows.map(toAlertRule), filter.limit);
    },
    async matchingRules(events, { productId, businessId }) {
      if (events.length === 0) return [];
      const inScope = (r: Selectable<AlertRulesTable>) =>
        events.includes(r.event as AlertEvent) && (businessId === null || r.business_id === null || r.business_id === businessId);
      return (await productRules(db, { productId })).filter(inScope).map(toAlertRule);
    },
  };
}
