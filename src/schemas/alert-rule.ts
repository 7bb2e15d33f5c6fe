import { z } from 'zod';
import { webhookUrlProblem } from '../alerts/webhook-url.ts';
import { ALERT_EVENTS } from '../store/alerts.ts';

const Decimal = z.string().regex(/^\d+(\.\d+)?$/, 'a decimal such as "5" or "2.50"');

const fields = (allowHosts: readonly string[]) => ({
  name: z.string().trim().min(1).max(200),
  event: z.enum(ALERT_EVENTS).meta({
    description: 'undercut: a competitor is cheaper than the own price by ≥ minPercent / minAmount; price_change: a competitor price moved by ≥ minPercent / minAmount',
  }),
  productId: z.number().int().positive().nullable(),
  businessId: z.number().int().positive().nullable().meta({ description: 'the business whose targets fire (for undercut: the competitor)' }),
  minPercent: Decimal.nullable(),
  minAmount: Decimal.nullable(),
  fieldKey: z.string().regex(/^[a-z][a-zA-Z0-9_]{0,63}$/).nullable().meta({ description: 'field_changed: the recipe field key (null: any)' }),
  webhookUrl: z
    .string()
    .max(2048)
    .superRefine((url, ctx) => {
      const problem = webhookUrlProblem(url, allowHosts);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  format: z.enum(['json', 'slack']).meta({ description: 'slack: a Slack-compatible `{ text }` body' }),
  enabled: z.boolean(),
  secret: z.string().min(16).max(200).meta({ description: 'HMAC-SHA256 key for the signature header; generated when omitted' }),
});

/** The input and patch of an alert rule; `allowHosts` lets a webhook go to an address that is otherwise refused. */
export function alertRuleInputs(allowHosts: readonly string[]) {
  const f = fields(allowHosts);
  const AlertRuleInput = z
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
    .meta({ id: 'AlertRuleInput' });
  const AlertRulePatch = z.object(f).partial().strict().meta({ id: 'AlertRulePatch' });
  return { AlertRuleInput, AlertRulePatch };
}
