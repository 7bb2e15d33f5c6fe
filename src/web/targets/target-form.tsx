import type { Child } from 'hono/jsx';
import { CSRF_FIELD } from '../security/csrf.ts';
import type { Option } from './targets-page.tsx';
import { SELECTOR_FIELDS, type FieldErrors, type SelectorField, type TargetFormValues } from './target-form-data.ts';

const SELECTOR_LABELS: Record<SelectorField, string> = {
  name: 'Name',
  price: 'Price',
  regularPrice: 'Regular price',
  currency: 'Currency',
  availability: 'Availability',
  promotions: 'Promotions',
  sku: 'SKU',
  gtin: 'GTIN',
  brand: 'Brand',
};

const inputId = (name: string) => `target-${name.replace('.', '-')}`;

/** A labelled control with its hint and, after a refused post, its error right below it. */
const Field = ({ name, label, hint, errors, children }: { name: string; label: string; hint?: string; errors: FieldErrors; children: Child }) => (
  <div class={errors[name] ? 'field field-invalid' : 'field'}>
    <label for={inputId(name)}>{label}</label>
    {children}
    {errors[name] && (
      <p class="field-error" id={`${inputId(name)}-error`}>
        {errors[name]}
      </p>
    )}
    {hint && (
      <p class="hint" id={`${inputId(name)}-hint`}>
        {hint}
      </p>
    )}
  </div>
);

/** aria attributes tying a control to its hint and error. */
const described = (name: string, errors: FieldErrors, hint = false) => {
  const ids = [errors[name] ? `${inputId(name)}-error` : null, hint ? `${inputId(name)}-hint` : null].filter(Boolean);
  return { id: inputId(name), name, 'aria-invalid': errors[name] ? 'true' : undefined, 'aria-describedby': ids.length ? ids.join(' ') : undefined };
};

const Choose = ({ name, options, value, errors, placeholder }: { name: string; options: Option[]; value: string; errors: FieldErrors; placeholder: string }) => (
  <select {...described(name, errors)} required>
    <option value="">{placeholder}</option>
    {options.map((o) => (
      <option value={String(o.id)} selected={value === String(o.id)}>
        {o.name}
      </option>
    ))}
  </select>
);

export interface TargetFormProps {
  /** Where the form posts: `/targets` or `/targets/:id`. */
  action: string;
  submitLabel: string;
  values: TargetFormValues;
  errors: FieldErrors;
  businesses: Option[];
  products: Option[];
  csrfToken: string;
}

/** Add or edit a target: where and how to fetch, how often, the recipe; "Try it" previews before saving. */
export const TargetForm = ({ action, submitLabel, values, errors, businesses, products, csrfToken }: TargetFormProps) => (
  <form method="post" action={action} class="target-form" novalidate>
    <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
    {Object.keys(errors).length > 0 && (
      <div class="flash flash-error" role="alert">
        The target is not saved: {errors.form ?? 'fix the fields marked below.'}
      </div>
    )}
    <section class="card" aria-labelledby="where-title">
      <h2 id="where-title">Page</h2>
      <div class="form-row">
        <Field name="businessId" label="Business" errors={errors}>
          <Choose name="businessId" options={businesses} value={values.businessId} errors={errors} placeholder="Choose a business" />
        </Field>
        <Field name="productId" label="Product" errors={errors}>
          <Choose name="productId" options={products} value={values.productId} errors={errors} placeholder="Choose a product" />
        </Field>
      </div>
      <Field name="url" label="Page URL" hint="The product page at the competitor, http or https." errors={errors}>
        <input type="text" inputmode="url" autocomplete="off" value={values.url} {...described('url', errors, true)} />
      </Field>
      <div class="form-row">
        <Field name="fetch" label="Fetch with" hint="Automatic: plain HTTP first, the browser when the page needs it." errors={errors}>
          <select {...described('fetch', errors, true)}>
            <option value="auto" selected={values.fetch === 'auto'}>
              Automatic
            </option>
            <option value="static" selected={values.fetch === 'static'}>
              Plain HTTP
            </option>
            <option value="browser" selected={values.fetch === 'browser'}>
              Browser
            </option>
          </select>
        </Field>
        <Field name="schedule" label="Schedule (cron)" hint="0 */6 * * * checks every six hours." errors={errors}>
          <input type="text" autocomplete="off" value={values.schedule} {...described('schedule', errors, true)} />
        </Field>
      </div>
      <div class="form-row">
        <Field name="locale" label="Page language" hint="Such as pl-PL; empty: the page's own." errors={errors}>
          <input type="text" autocomplete="off" value={values.locale} {...described('locale', errors, true)} />
        </Field>
        <Field name="currency" label="Currency" hint="Such as PLN, when the page names none." errors={errors}>
          <input type="text" autocomplete="off" value={values.currency} {...described('currency', errors, true)} />
        </Field>
        <Field name="minPriceDelta" label="Ignore price moves below" hint="An amount such as 0.50." errors={errors}>
          <input type="text" inputmode="decimal" autocomplete="off" value={values.minPriceDelta} {...described('minPriceDelta', errors, true)} />
        </Field>
      </div>
      <div class="checks">
        <label>
          <input type="checkbox" name="enabled" checked={values.enabled} /> Check this page on its schedule
        </label>
        <label>
          <input type="checkbox" name="respectRobots" checked={values.respectRobots} /> Honour the site's robots.txt
        </label>
      </div>
    </section>
    <section class="card" aria-labelledby="recipe-title">
      <h2 id="recipe-title">Recipe</h2>
      <p class="muted">
        Leave these empty and rivalscope reads the page by itself. A CSS selector overrides what it finds; add
        <code> @content</code> to read an attribute instead of the text. "Try it" shows what each selector matches.
      </p>
      <div class="selector-grid">
        {SELECTOR_FIELDS.map((field) => (
          <Field name={`selector.${field}`} label={`${SELECTOR_LABELS[field]} selector`} errors={errors}>
            <input type="text" autocomplete="off" spellcheck={false} value={values.selectors[field] ?? ''} {...described(`selector.${field}`, errors)} />
          </Field>
        ))}
      </div>
      <Field name="recipeMore" label="Custom fields, browser steps and waitFor (JSON)" hint='Such as {"fields": [{"key": "points", "selector": ".loyalty", "type": "number"}]}' errors={errors}>
        <textarea rows={4} spellcheck={false} {...described('recipeMore', errors, true)}>
          {values.recipeMore}
        </textarea>
      </Field>
    </section>
    <div class="form-actions">
      <button class="button button-secondary" type="button" hx-post="/targets/try" hx-target="#try-result" hx-indicator="#try-busy">
        Try it
      </button>
      <button class="button" type="submit">
        {submitLabel}
      </button>
      <span id="try-busy" class="htmx-indicator muted">
        Fetching the page…
      </span>
    </div>
    <div id="try-result" aria-live="polite"></div>
  </form>
);
