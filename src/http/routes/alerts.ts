import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../app-env.ts';
import { newWebhookSecret } from '../../alerts/sign-webhook.ts';
import { alertRuleInputs } from '../../schemas/alert-rule.ts';
import { ALERT_EVENTS } from '../../store/alerts.ts';
import { getByIdRoute, withByIdRoutes } from '../crud-routes.ts';
import { newRouter } from '../new-router.ts';
import { apiRoute, json, jsonBody } from '../route.ts';
import { pageBody, PageQuery, pageOf, pageRequest } from '../paging.ts';
import { Timestamp } from '../schemas.ts';

const AlertRule = z
  .object({
    id: z.number().int(),
    name: z.string(),
    event: z.enum(ALERT_EVENTS),
    productId: z.number().int().nullable(),
    businessId: z.number().int().nullable(),
    minPercent: z.string().nullable(),
    minAmount: z.string().nullable(),
    fieldKey: z.string().nullable(),
    webhookUrl: z.string(),
    format: z.enum(['json', 'slack']),
    enabled: z.boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi('AlertRule');

const AlertAttempt = z.object({
  attempt: z.number().int(),
  startedAt: Timestamp,
  durationMs: z.number().int(),
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  ok: z.boolean(),
});
const Delivery = z
  .object({
    id: z.number().int(),
    ruleId: z.number().int(),
    event: z.string(),
    targetId: z.number().int().nullable(),
    changeId: z.number().int().nullable(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    nextAttemptAt: Timestamp.nullable(),
    lastError: z.string().nullable(),
    createdAt: Timestamp,
    deliveredAt: Timestamp.nullable(),
    payload: z.unknown(),
    log: z.array(AlertAttempt),
  })
  .openapi('AlertDelivery');

const tags = ['alerts'];

export function alertRulesRoutes({ store, config }: AppDeps) {
  const { alerts } = store;
  const { AlertRuleInput, AlertRulePatch } = alertRuleInputs(config.allowHosts);
  const router = newRouter()
    .openapi(
      apiRoute({
        method: 'get',
        path: '/',
        tags,
        summary: 'List alert rules',
        permission: 'offers.read',
        request: { query: PageQuery.extend({ event: z.enum(ALERT_EVENTS).optional() }) },
        responses: { 200: json(pageOf(AlertRule), 'A page of rules') },
      }),
      async (c) => c.json(pageBody(await alerts.listRules(pageRequest(c.req.valid('query')))), 200),
    )
    .openapi(
      apiRoute({
        method: 'post',
        path: '/',
        tags,
        summary: 'Create an alert rule (per product, business or global); the answer shows the signing secret once',
        permission: 'offers.write',
        request: { body: jsonBody(AlertRuleInput) },
        responses: { 201: json(AlertRule.extend({ secret: z.string() }), 'The rule with its secret') },
      }),
      async (c) => {
        const { secret, ...input } = c.req.valid('json');
        const rule = { ...input, secret: secret ?? newWebhookSecret() };
        return c.json({ ...(await alerts.createRule(rule)), secret: rule.secret }, 201);
      },
    );
  return withByIdRoutes(router, {
    tags,
    noun: 'alert rule',
    schema: AlertRule,
    patch: AlertRulePatch,
    repo: {
      get: (id) => alerts.getRule(id),
      update: (id, patch) => alerts.updateRule(id, patch),
      remove: (id) => alerts.removeRule(id),
    },
    read: 'offers.read',
    write: 'offers.write',
    deleteSummary: 'Delete an alert rule with its deliveries',
  });
}

export function alertDeliveriesRoutes({ store }: AppDeps) {
  const { alerts } = store;
  return newRouter()
    .openapi(
      apiRoute({
        method: 'get',
        path: '/',
        tags,
        summary: 'The delivery log: each queued webhook post with its attempts',
        permission: 'offers.read',
        request: {
          query: PageQuery.extend({
            ruleId: z.coerce.number().int().positive().optional(),
            targetId: z.coerce.number().int().positive().optional(),
            status: z.enum(['pending', 'delivered', 'failed']).optional(),
          }),
        },
        responses: { 200: json(pageOf(Delivery), 'A page of deliveries') },
      }),
      async (c) => c.json(pageBody(await alerts.listDeliveries(pageRequest(c.req.valid('query')))), 200),
    )
    .openapi(
      getByIdRoute({ tags, noun: 'delivery with its attempts', schema: Delivery, permission: 'offers.read' }),
      async (c) => c.json(await alerts.getDelivery(c.req.valid('param').id), 200),
    );
}
