import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../app-env.ts';
import { newWebhookSecret } from '../../alerts/sign-webhook.ts';
import { webhookUrlProblem } from '../../alerts/webhook-url.ts';
import { ALERT_EVENTS } from '../../store/alerts.ts';
import { getByIdRoute, withByIdRoutes } from '../crud-routes.ts';
import { newRouter } from '../new-router.ts';
import { apiRoute, json, jsonBody, READ_ROLES, WRITE_ROLES } from '../route.ts';
import { PageQuery, pageOf, Timestamp } from '../schemas.ts';

const Decimal = z.string().regex(/^\d+(\.\d+)?$/, 'a decimal such as "5" or "2.50"');

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

const fields = (allowHosts: readonly string[]) => ({
  name: z.string().trim().min(1).max(200),
  event: z.enum(ALERT_EVENTS).openapi({
    description: 'undercut: a competitor is cheaper than the own price by ≥ minPercent / minAmount; price_change: a competitor price moved by ≥ minPercent / minAmount',
  }),
  productId: z.number().int().positive().nullable(),
  businessId: z.number().int().positive().nullable().openapi({ description: 'the business whose targets fire (for undercut: the competitor)' }),
  minPercent: Decimal.nullable(),
  minAmount: Decimal.nullable(),
  fieldKey: z.string().regex(/^[a-z][a-zA-Z0-9_]{0,63}$/).nullable().openapi({ description: 'field_changed: the recipe field key (null: any)' }),
  webhookUrl: z
    .string()
    .max(2048)
    .superRefine((url, ctx) => {
      const problem = webhookUrlProblem(url, allowHosts);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  format: z.enum(['json', 'slack']).openapi({ description: 'slack: a Slack-compatible `{ text }` body' }),
  enabled: z.boolean(),
  secret: z.string().min(16).max(200).openapi({ description: 'HMAC-SHA256 key for the signature header; generated when omitted' }),
});

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
  const f = fields(config.allowHosts);
  const Input = z
    .object({
      ...f,
      productId: f.productId.default(null),
      businessId: f.businessId.default(null),
      minPercent: f.minPercent.default(null),
      minAmount: f.minAmount.default(null),
      fieldKey: f.fieldKey.default(null),
      format: f.format.default('json'),
      enabled: f.enabled.default(true),
      secret: f.secret.optional(),
    })
    .strict()
    .openapi('AlertRuleInput');
  const Patch = z.object(f).partial().strict().openapi('AlertRulePatch');
  const router = newRouter()
    .openapi(
      apiRoute({
        method: 'get',
        path: '/',
        tags,
        summary: 'List alert rules',
        roles: READ_ROLES,
        request: { query: PageQuery.extend({ event: z.enum(ALERT_EVENTS).optional() }) },
        responses: { 200: json(pageOf(AlertRule), 'A page of rules') },
      }),
      async (c) => c.json(await alerts.listRules(c.req.valid('query')), 200),
    )
    .openapi(
      apiRoute({
        method: 'post',
        path: '/',
        tags,
        summary: 'Create an alert rule (per product, business or global); the answer shows the signing secret once',
        roles: WRITE_ROLES,
        request: { body: jsonBody(Input) },
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
    patch: Patch,
    repo: {
      get: (id) => alerts.getRule(id),
      update: (id, patch) => alerts.updateRule(id, patch),
      remove: (id) => alerts.removeRule(id),
    },
    readRoles: READ_ROLES,
    writeRoles: WRITE_ROLES,
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
        roles: READ_ROLES,
        request: {
          query: PageQuery.extend({
            ruleId: z.coerce.number().int().positive().optional(),
            targetId: z.coerce.number().int().positive().optional(),
            status: z.enum(['pending', 'delivered', 'failed']).optional(),
          }),
        },
        responses: { 200: json(pageOf(Delivery), 'A page of deliveries') },
      }),
      async (c) => c.json(await alerts.listDeliveries(c.req.valid('query')), 200),
    )
    .openapi(
      getByIdRoute({ tags, noun: 'delivery with its attempts', schema: Delivery, roles: READ_ROLES }),
      async (c) => c.json(await alerts.getDelivery(c.req.valid('param').id), 200),
    );
}
