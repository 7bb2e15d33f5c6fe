import type { FieldType } from '../../scrapers/recipe.ts';
import { absDecimal, compareDecimals, isDecimal, percentOf, subtract } from '../../scrapers/price/decimal.ts';
import {
  fieldType,
  normaliseFieldValue,
  normalisePrice,
  normaliseText,
  NUMERIC_TYPES,
  type SnapshotValues,
} from './offer-values.ts';

export const CHANGE_KINDS = [
  'price_increase',
  'price_decrease',
  'price_added',
  'price_removed',
  'price_changed',
  'regular_price_increase',
  'regular_price_decrease',
  'regular_price_added',
  'regular_price_removed',
  'regular_price_changed',
  'currency_changed',
  'out_of_stock',
  'back_in_stock',
  'availability_changed',
  'promotion_started',
  'promotion_ended',
  'name_changed',
  'field_changed',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** A field-level difference before it is stored. `field` is price, regularPrice, …, or `fields.<key>`. */
export interface ChangeDraft {
  field: string;
  kind: ChangeKind;
  old: string | null;
  new: string | null;
  delta: string | null;
  deltaPercent: number | null;
}

export interface DiffOptions {
  /** Price moves smaller than this decimal amount are noise. */
  minPriceDelta: string | null;
  /** Declared types of the recipe's custom fields, by key. */
  fieldTypes: Readonly<Record<string, FieldType>>;
}

const change = (field: string, kind: ChangeKind, old: string | null, next: string | null): ChangeDraft => ({
  field,
  kind,
  old,
  new: next,
  delta: null,
  deltaPercent: null,
});

/** A move of an amount: delta and percent, or null when it is smaller than `minDelta`. */
function amountMove(field: string, kinds: readonly [ChangeKind, ChangeKind], old: string, next: string, minDelta: string | null): ChangeDraft | null {
  const delta = subtract(next, old);
  if (minDelta !== null && compareDecimals(absDecimal(delta), minDelta) < 0) return null;
  return { field, kind: delta.startsWith('-') ? kinds[1] : kinds[0], old, new: next, delta, deltaPercent: percentOf(delta, old) };
}

type PriceKinds = readonly [ChangeKind, ChangeKind, ChangeKind, ChangeKind, ChangeKind];
const PRICE_KINDS: PriceKinds = ['price_increase', 'price_decrease', 'price_added', 'price_removed', 'price_changed'];
const REGULAR_KINDS: PriceKinds = [
  'regular_price_increase',
  'regular_price_decrease',
  'regular_price_added',
  'regular_price_removed',
  'regular_price_changed',
];

function diffPrice(field: string, kinds: PriceKinds, a: SnapshotValues, b: SnapshotValues, key: 'price' | 'regularPrice', min: string | null): ChangeDraft | null {
  const old = normalisePrice(a[key]);
  const next = normalisePrice(b[key]);
  if (old === next) return null;
  if (old === null) return change(field, kinds[2], null, next);
  if (next === null) return change(field, kinds[3], old, null);
  // Amounts in different currencies are never subtracted: the move is recorded without a delta.
  if (a.currency !== b.currency) return change(field, kinds[4], old, next);
  return amountMove(field, [kinds[0], kinds[1]], old, next, min);
}

function diffAvailability(a: SnapshotValues, b: SnapshotValues): ChangeDraft | null {
  if (a.availability === b.availability) return null;
  const kind: ChangeKind =
    b.availability === 'OutOfStock' ? 'out_of_stock' : a.availability === 'OutOfStock' && b.availability === 'InStock' ? 'back_in_stock' : 'availability_changed';
  return change('availability', kind, a.availability, b.availability);
}

function diffPromotions(a: SnapshotValues, b: SnapshotValues): ChangeDraft[] {
  const index = (list: string[]) => {
    const byKey = new Map<string, string>();
    for (const p of list) {
      const text = normaliseText(p);
      if (text) byKey.set(text.toLowerCase(), text);
    }
    return byKey;
  };
  const before = index(a.promotions);
  const after = index(b.promotions);
  const out: ChangeDraft[] = [];
  for (const [key, text] of before) if (!after.has(key)) out.push(change('promotions', 'promotion_ended', text, null));
  for (const [key, text] of after) if (!before.has(key)) out.push(change('promotions', 'promotion_started', null, text));
  return out;
}

function diffField(key: string, a: SnapshotValues, b: SnapshotValues, declared: FieldType | undefined): ChangeDraft | null {
  const va = a.fields[key];
  const vb = b.fields[key];
  const type = fieldType(va ?? vb, declared);
  const old = normaliseFieldValue(va, type);
  const next = normaliseFieldValue(vb, type);
  const curA = va?.currency ?? null;
  const curB = vb?.currency ?? null;
  const field = `fields.${key}`;
  if (old === next && (curA === curB || old === null)) return null;
  if (old === null || next === null || !NUMERIC_TYPES.has(type) || !isDecimal(old) || !isDecimal(next))
    return change(field, 'field_changed', old, next);
  if (curA !== curB) return change(field, 'field_changed', `${old} ${curA ?? ''}`.trim(), `${next} ${curB ?? ''}`.trim());
  return amountMove(field, ['field_changed', 'field_changed'], old, next, null);
}

/** Field-level changes from snapshot `a` to its successor `b`; values equal after normalisation are no change. */
export function diffSnapshots(a: SnapshotValues, b: SnapshotValues, options: DiffOptions): ChangeDraft[] {
  const out: ChangeDraft[] = [];
  const push = (c: ChangeDraft | null) => {
    if (c) out.push(c);
  };
  push(diffPrice('price', PRICE_KINDS, a, b, 'price', options.minPriceDelta));
  push(diffPrice('regularPrice', REGULAR_KINDS, a, b, 'regularPrice', options.minPriceDelta));
  if (a.currency !== b.currency) push(change('currency', 'currency_changed', a.currency, b.currency));
  push(diffAvailability(a, b));
  out.push(...diffPromotions(a, b));
  const nameA = normaliseText(a.name);
  const nameB = normaliseText(b.name);
  if (nameA !== nameB) push(change('name', 'name_changed', nameA, nameB));
  const keys = new Set([...Object.keys(a.fields), ...Object.keys(b.fields)]);
  for (const key of keys) push(diffField(key, a, b, options.fieldTypes[key]));
  return out;
}
