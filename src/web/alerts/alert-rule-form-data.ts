import type { z } from 'zod';
import type { AlertRule } from '../../store/alerts.ts';

/** The alert rule form as typed, so a refused form comes back as the person left it. */
export interface AlertRuleFormValues {
  name: string;
  event: string;
  productId: string;
  businessId: string;
  minPercent: string;
  minAmount: string;
  fieldKey: string;
  webhookUrl: string;
  format: string;
  enabled: boolean;
}

export type FieldErrors = Partial<Record<string, string>>;

export const EMPTY_RULE_FORM: AlertRuleFormValues = {
  name: '',
  event: 'price_change',
  productId: '',
  businessId: '',
  minPercent: '',
  minAmount: '',
  fieldKey: '',
  webhookUrl: '',
  format: 'json',
  enabled: true,
};

export const ruleFormValues = (rule: AlertRule): AlertRuleFormValues => ({
  name: rule.name,
  event: rule.event,
  productId: rule.productId === null ? '' : String(rule.productId),
  businessId: rule.businessId === null ? '' : String(rule.businessId),
  minPercent: rule.minPercent ?? '',
  minAmount: rule.minAmount ?? '',
  fieldKey: rule.fieldKey ?? '',
  webhookUrl: rule.webhookUrl,
  format: rule.format,
  enabled: rule.enabled,
});

const text = (body: Record<string, unknown>, key: string) => (typeof body[key] === 'string' ? (body[key] as string).trim() : '');

export const readRuleForm = (body: Record<string, unknown>): AlertRuleFormValues => ({
  name: text(body, 'name'),
  event: text(body, 'event'),
  productId: text(body, 'productId'),
  businessId: text(body, 'businessId'),
  minPercent: text(body, 'minPercent'),
  minAmount: text(body, 'minAmount'),
  fieldKey: text(body, 'fieldKey'),
  webhookUrl: text(body, 'webhookUrl'),
  format: text(body, 'format'),
  enabled: body.enabled === 'on',
});

const orNull = (value: string) => (value === '' ? null : value);
const idOrNull = (value: string) => (value === '' ? null : /^\d+$/.test(value) ? Number(value) : value);

/** Checks the form with one of the shared alert rule schemas (the API's): the input, or a message per field. */
export function parseRuleForm<S extends z.ZodType>(schema: S, values: AlertRuleFormValues): { ok: true; data: z.infer<S> } | { ok: false; errors: FieldErrors } {
  const parsed = schema.safeParse({
    name: values.name,
    event: values.event,
    productId: idOrNull(values.productId),
    businessId: idOrNull(values.businessId),
    minPercent: orNull(values.minPercent),
    minAmount: orNull(values.minAmount),
    fieldKey: orNull(values.fieldKey),
    webhookUrl: values.webhookUrl,
    format: values.format,
    enabled: values.enabled,
  });
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
  return { ok: false, errors };
}
