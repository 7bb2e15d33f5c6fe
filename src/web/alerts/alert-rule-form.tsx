import type { Child } from 'hono/jsx';
import { ALERT_EVENTS } from '../../store/alerts.ts';
import { CSRF_FIELD } from '../security/csrf.ts';
import type { AlertRuleFormValues, FieldErrors } from './alert-rule-form-data.ts';

export interface Option {
  id: number;
  name: string;
}

export const EVENT_LABELS: Record<(typeof ALERT_EVENTS)[number], string> = {
  undercut: 'A competitor undercuts our price',
  price_change: 'A competitor price changes',
  out_of_stock: 'Goes out of stock',
  back_in_stock: 'Is back in stock',
  promotion_started: 'A promotion starts',
  promotion_ended: 'A promotion ends',
  field_changed: 'A custom field changes',
  target_broken: 'A target breaks',
  target_recovered: 'A target works again',
};

const Field = ({ name, label, hint, errors, children }: { name: string; label: string; hint?: string; errors: FieldErrors; children: Child }) => (
  <div class={errors[name] ? 'field field-invalid' : 'field'}>
    <label for={`rule-${name}`}>{label}</label>
    {children}
    {errors[name] && (
      <p class="field-error" id={`rule-${name}-error`}>
        {errors[name]}
      </p>
    )}
    {hint && (
      <p class="hint" id={`rule-${name}-hint`}>
        {hint}
      </p>
    )}
  </div>
);

const described = (name: string, errors: FieldErrors, hint = false) => {
  const ids = [errors[name] ? `rule-${name}-error` : null, hint ? `rule-${name}-hint` : null].filter(Boolean);
  return { id: `rule-${name}`, name, 'aria-invalid': errors[name] ? 'true' : undefined, 'aria-describedby': ids.length ? ids.join(' ') : undefined };
};

const Scope = ({ name, options, value, errors, all }: { name: string; options: Option[]; value: string; errors: FieldErrors; all: string }) => (
  <select {...described(name, errors)}>
    <option value="">{all}</option>
    {options.map((o) => (
      <option value={String(o.id)} selected={value === String(o.id)}>
        {o.name}
      </option>
    ))}
  </select>
);

/** Create or edit an alert rule: what fires it, for which products and businesses, and where it posts. */
export const AlertRuleForm = (props: {
  action: string;
  submitLabel: string;
  values: AlertRuleFormValues;
  errors: FieldErrors;
  products: Option[];
  businesses: Option[];
  csrfToken: string;
}) => {
  const { values, errors } = props;
  return (
    <form method="post" action={props.action} class="card" novalidate>
      <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
      {Object.keys(errors).length > 0 && (
        <div class="flash flash-error" role="alert">
          The rule is not saved: {errors.form ?? 'fix the fields marked below.'}
        </div>
      )}
      <div class="form-row">
        <Field name="name" label="Name" errors={errors}>
          <input type="text" autocomplete="off" value={values.name} {...described('name', errors)} />
        </Field>
        <Field name="event" label="When" errors={errors}>
          <select {...described('event', errors)}>
            {ALERT_EVENTS.map((event) => (
              <option value={event} selected={values.event === event}>
                {EVENT_LABELS[event]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div class="form-row">
        <Field name="productId" label="Product" errors={errors}>
          <Scope name="productId" options={props.products} value={values.productId} errors={errors} all="Every product" />
        </Field>
        <Field name="businessId" label="Business" errors={errors}>
          <Scope name="businessId" options={props.businesses} value={values.businessId} errors={errors} all="Every business" />
        </Field>
      </div>
      <div class="form-row">
        <Field name="minPercent" label="At least this percent" hint="For price changes and undercuts, such as 5." errors={errors}>
          <input type="text" inputmode="decimal" autocomplete="off" value={values.minPercent} {...described('minPercent', errors, true)} />
        </Field>
        <Field name="minAmount" label="At least this amount" hint="Such as 2.50, in the price's currency." errors={errors}>
          <input type="text" inputmode="decimal" autocomplete="off" value={values.minAmount} {...described('minAmount', errors, true)} />
        </Field>
        <Field name="fieldKey" label="Custom field key" hint="For custom field changes; empty: any field." errors={errors}>
          <input type="text" autocomplete="off" value={values.fieldKey} {...described('fieldKey', errors, true)} />
        </Field>
      </div>
      <div class="form-row">
        <Field name="webhookUrl" label="Webhook URL" hint="Where the alert is posted, signed with the rule's secret." errors={errors}>
          <input type="text" inputmode="url" autocomplete="off" value={values.webhookUrl} {...described('webhookUrl', errors, true)} />
        </Field>
        <Field name="format" label="Body" errors={errors}>
          <select {...described('format', errors)}>
            <option value="json" selected={values.format === 'json'}>
              rivalscope JSON
            </option>
            <option value="slack" selected={values.format === 'slack'}>
              Slack-compatible text
            </option>
          </select>
        </Field>
      </div>
      <div class="checks">
        <label>
          <input type="checkbox" name="enabled" checked={values.enabled} /> Send alerts for this rule
        </label>
      </div>
      <div class="form-actions">
        <button class="button" type="submit">
          {props.submitLabel}
        </button>
        <a href="/alerts">Cancel</a>
      </div>
    </form>
  );
};
