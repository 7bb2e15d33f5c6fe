import type { z } from 'zod';
import type { Recipe } from '../../../scrapers/recipe.ts';
import type { Target } from '../../store/targets.ts';

/** The standard offer fields a recipe selector can override, in the order the form shows them. */
export const SELECTOR_FIELDS = ['name', 'price', 'regularPrice', 'currency', 'availability', 'promotions', 'sku', 'gtin', 'brand'] as const;
export type SelectorField = (typeof SELECTOR_FIELDS)[number];

/** What the target form shows: every field as typed, so a refused form comes back as the person left it. */
export interface TargetFormValues {
  businessId: string;
  productId: string;
  url: string;
  fetch: string;
  schedule: string;
  locale: string;
  currency: string;
  minPriceDelta: string;
  enabled: boolean;
  respectRobots: boolean;
  /** `css selector` or `css selector @attribute`. */
  selectors: Partial<Record<SelectorField, string>>;
  /** The rest of the recipe (custom fields, browser steps, waitFor) as JSON. */
  recipeMore: string;
}

/** Per form field (the input's name), the first problem found. */
export type FieldErrors = Partial<Record<string, string>>;

export const EMPTY_TARGET_FORM: TargetFormValues = {
  businessId: '',
  productId: '',
  url: '',
  fetch: 'auto',
  schedule: '0 */6 * * *',
  locale: '',
  currency: '',
  minPriceDelta: '',
  enabled: true,
  respectRobots: true,
  selectors: {},
  recipeMore: '',
};

const ATTRIBUTE_PICK = /^(.*\S)\s+@([\w:-]+)$/;

const pickText = (pick: Recipe['selectors'][SelectorField]): string =>
  !pick ? '' : typeof pick === 'string' ? pick : pick.attribute ? `${pick.selector} @${pick.attribute}` : pick.selector;

/** A saved target as form values. */
export function targetFormValues(target: Target): TargetFormValues {
  const recipe = target.recipe;
  const selectors: TargetFormValues['selectors'] = {};
  for (const field of SELECTOR_FIELDS) if (recipe?.selectors[field]) selectors[field] = pickText(recipe.selectors[field]);
  const more = recipe && (recipe.fields.length || recipe.steps.length || recipe.waitFor) ? { fields: recipe.fields, steps: recipe.steps, waitFor: recipe.waitFor } : null;
  return {
    businessId: String(target.businessId),
    productId: String(target.productId),
    url: target.url,
    fetch: target.fetch,
    schedule: target.schedule,
    locale: target.locale ?? '',
    currency: target.currency ?? '',
    minPriceDelta: target.minPriceDelta ?? '',
    enabled: target.enabled,
    respectRobots: target.respectRobots,
    selectors,
    recipeMore: more ? JSON.stringify(more, null, 2) : '',
  };
}

const text = (body: Record<string, unknown>, key: string) => (typeof body[key] === 'string' ? (body[key] as string).trim() : '');

/** The posted form (hono's parseBody) as form values. */
export function readTargetForm(body: Record<string, unknown>): TargetFormValues {
  const selectors: TargetFormValues['selectors'] = {};
  for (const field of SELECTOR_FIELDS) {
    const value = text(body, `selector.${field}`);
    if (value) selectors[field] = value;
  }
  return {
    businessId: text(body, 'businessId'),
    productId: text(body, 'productId'),
    url: text(body, 'url'),
    fetch: text(body, 'fetch'),
    schedule: text(body, 'schedule'),
    locale: text(body, 'locale'),
    currency: text(body, 'currency').toUpperCase(),
    minPriceDelta: text(body, 'minPriceDelta'),
    enabled: body.enabled === 'on',
    respectRobots: body.respectRobots === 'on',
    selectors,
    recipeMore: text(body, 'recipeMore'),
  };
}

const orNull = (value: string) => (value === '' ? null : value);
const idOf = (value: string) => (/^\d+$/.test(value) ? Number(value) : undefined);

/** The input the shared target schemas check; `recipeMore` that is not JSON is reported as its own error. */
function candidate(values: TargetFormValues): { input: Record<string, unknown>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  let more: Record<string, unknown> = {};
  if (values.recipeMore) {
    try {
      const parsed: unknown = JSON.parse(values.recipeMore);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) more = parsed as Record<string, unknown>;
      else errors.recipeMore = 'Give a JSON object such as {"fields": [], "steps": []}.';
    } catch (err) {
      errors.recipeMore = `This is not JSON: ${(err as Error).message}`;
    }
  }
  const selectors = Object.fromEntries(
    Object.entries(values.selectors).map(([field, value]) => {
      const match = ATTRIBUTE_PICK.exec(value);
      return [field, match ? { selector: match[1], attribute: match[2] } : value];
    }),
  );
  const hasRecipe = Object.keys(selectors).length > 0 || Object.keys(more).length > 0;
  return {
    errors,
    input: {
      businessId: idOf(values.businessId),
      productId: idOf(values.productId),
      url: values.url,
      fetch: values.fetch,
      schedule: values.schedule,
      locale: orNull(values.locale),
      currency: orNull(values.currency),
      minPriceDelta: orNull(values.minPriceDelta),
      enabled: values.enabled,
      respectRobots: values.respectRobots,
      recipe: hasRecipe ? { ...more, selectors } : null,
    },
  };
}

/** The form field an issue of the target schema belongs to. */
function fieldOf(path: readonly PropertyKey[]): string {
  const [first, second, third] = path.map(String);
  if (first === 'recipe' && second === 'selectors' && third) return `selector.${third}`;
  if (first === 'recipe') return 'recipeMore';
  return first ?? 'form';
}

const MESSAGES: Record<string, string> = {
  businessId: 'Choose the business whose page this is.',
  productId: 'Choose the product this page sells.',
  url: 'Give the page address, starting with http:// or https://.',
};

/** Checks the form with one of the shared target schemas: the parsed input, or a message per field. */
export function parseTargetForm<S extends z.ZodType>(
  schema: S,
  values: TargetFormValues,
): { ok: true; data: z.infer<S> } | { ok: false; errors: FieldErrors } {
  const { input, errors } = candidate(values);
  const parsed = schema.safeParse(input);
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, data: parsed.data };
  for (const issue of parsed.error?.issues ?? []) {
    const field = fieldOf(issue.path);
    if (field === 'recipeMore' && errors.recipeMore) continue;
    const where = field === 'recipeMore' && issue.path.length > 1 ? `${issue.path.slice(1).join('.')}: ` : '';
    errors[field] ??= MESSAGES[field] ?? `${where}${issue.message}`;
  }
  return { ok: false, errors };
}
