import { z } from 'zod';

/** Types a custom recipe field can have; values are normalised per type (see FieldValue in offer.ts). */
export const FIELD_TYPES = ['money', 'number', 'percent', 'duration', 'boolean', 'text'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Which way a field is better when comparing offers: more loyalty points is `higher`, a shipping threshold `lower`. */
export const BETTER_DIRECTIONS = ['higher', 'lower', 'none'] as const;
export type BetterDirection = (typeof BETTER_DIRECTIONS)[number];

const selector = z.string().trim().min(1, 'a CSS selector is required');

/** A selector that can also read an attribute instead of the text: `{ "selector": "meta[itemprop=price]", "attribute": "content" }`. */
const pick = z.union([selector, z.object({ selector, attribute: z.string().min(1).optional() }).strict()]);

const OFFER_FIELDS = ['name', 'price', 'regularPrice', 'currency', 'availability', 'sku', 'gtin', 'brand', 'promotions'] as const;

const customField = z
  .object({
    key: z.string().regex(/^[a-z][a-zA-Z0-9_]{0,63}$/, 'camelCase key starting with a letter'),
    label: z.string().min(1).max(200).optional(),
    selector,
    attribute: z.string().min(1).optional(),
    /** Optional regular expression; its first capture group (or whole match) is the value text. */
    pattern: z
      .string()
      .refine((p) => {
        try {
          new RegExp(p);
          return true;
        } catch {
          return false;
        }
      }, 'not a valid regular expression')
      .optional(),
    type: z.enum(FIELD_TYPES),
    better: z.enum(BETTER_DIRECTIONS).default('none'),
  })
  .strict();

const step = z.discriminatedUnion('action', [
  z.object({ action: z.literal('click'), selector, optional: z.boolean().default(false) }).strict(),
  z.object({ action: z.literal('fill'), selector, value: z.string() }).strict(),
  z.object({ action: z.literal('select'), selector, value: z.string() }).strict(),
  z.object({ action: z.literal('wait'), selector: selector.optional(), ms: z.number().int().min(0).max(30_000).optional() }).strict(),
  z.object({ action: z.literal('scroll'), selector: selector.optional() }).strict(),
]);

export const recipeSchema = z
  .object({
    /** Selectors that override what extraction finds for the standard offer fields. */
    selectors: z.partialRecord(z.enum(OFFER_FIELDS), pick).default({}),
    /** Custom fields for offer terms: loyalty points per unit, free-shipping threshold, return days, … */
    fields: z
      .array(customField)
      .max(50)
      .default([])
      .refine((fs) => new Set(fs.map((f) => f.key)).size === fs.length, 'field keys must be unique'),
    /** Browser steps run in order after navigation (browser fetch only). */
    steps: z.array(step).max(30).default([]),
    /** Selector the browser waits for before reading the page. */
    waitFor: selector.optional(),
  })
  .strict();

export type Recipe = z.infer<typeof recipeSchema>;
export type RecipeInput = z.input<typeof recipeSchema>;
export type RecipeField = Recipe['fields'][number];
export type RecipeStep = Recipe['steps'][number];
