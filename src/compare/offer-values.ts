import type { Availability, FieldValue } from '../../scrapers/offer.ts';
import type { FieldType } from '../../scrapers/recipe.ts';
import { normaliseDecimal } from '../../scrapers/price/decimal.ts';

/** The comparable part of a stored snapshot. */
export interface SnapshotValues {
  name: string | null;
  price: string | null;
  regularPrice: string | null;
  currency: string | null;
  availability: Availability | null;
  promotions: string[];
  fields: Record<string, FieldValue>;
}

/** Collapses runs of whitespace and trims; empty text counts as absent. */
export function normaliseText(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const t = text.replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}

/** A price as a canonical decimal ("19.90" → "19.9"); text that is no decimal counts as absent. */
export function normalisePrice(price: string | null): string | null {
  return price === null ? null : normaliseDecimal(price);
}

export const NUMERIC_TYPES: ReadonlySet<FieldType> = new Set(['money', 'number', 'percent', 'duration']);

/** The type a custom field is compared as: the recipe's, else guessed from the value. */
export function fieldType(value: FieldValue | undefined, declared: FieldType | undefined): FieldType {
  if (declared) return declared;
  if (typeof value?.value === 'boolean') return 'boolean';
  if (typeof value?.value === 'string' && normaliseDecimal(value.value) !== null) return value.currency ? 'money' : 'number';
  return 'text';
}

/** A custom field's value normalised for its type: decimals canonical, booleans "true"/"false", text collapsed. */
export function normaliseFieldValue(value: FieldValue | undefined, type: FieldType): string | null {
  if (!value) return null;
  if (typeof value.value === 'boolean') return String(value.value);
  if (type === 'boolean') return /^(true|yes|1)$/i.test(value.value.trim()) ? 'true' : 'false';
  if (NUMERIC_TYPES.has(type)) return normaliseDecimal(value.value) ?? normaliseText(value.value);
  return normaliseText(value.value);
}
