import type { FieldValue } from '../../scrapers/offer.ts';
import type { BetterDirection, FieldType } from '../../scrapers/recipe.ts';
import { compareDecimals, isDecimal } from '../../scrapers/price/decimal.ts';
import { normaliseFieldValue, NUMERIC_TYPES } from './offer-values.ts';
import { convert, type Rates } from './rates.ts';

/** Where the own offer stands on one term: better, worse, equal, merely different (no direction), or unknown. */
export type Standing = 'better' | 'worse' | 'equal' | 'different' | null;

/** Standing of own against competitor for an ordering result (-1: own smaller) and a direction. */
export function standingOf(order: -1 | 0 | 1, better: BetterDirection): Standing {
  if (order === 0) return 'equal';
  if (better === 'none') return 'different';
  return (order > 0) === (better === 'higher') ? 'better' : 'worse';
}

/**
 * Judges a custom field by its declared direction (e.g. more loyalty points is better, a higher free-shipping
 * threshold is worse). Money in different currencies is compared only through a given rate.
 */
export function judgeField(
  own: FieldValue | undefined,
  theirs: FieldValue | undefined,
  type: FieldType,
  better: BetterDirection,
  rates: Rates,
): Standing {
  let a = normaliseFieldValue(own, type);
  let b = normaliseFieldValue(theirs, type);
  if (a === null || b === null) return null;
  if (NUMERIC_TYPES.has(type) && isDecimal(a) && isDecimal(b)) {
    if (type === 'money' && (own?.currency ?? null) !== (theirs?.currency ?? null)) {
      const converted = convert(b, theirs?.currency ?? null, own?.currency ?? null, rates, 2);
      if (!converted) return null;
      b = converted.amount;
    }
    return standingOf(compareDecimals(a, b), better);
  }
  if (type === 'boolean') {
    a = a === 'true' ? '1' : '0';
    b = b === 'true' ? '1' : '0';
    return standingOf(compareDecimals(a, b), better);
  }
  return a === b ? 'equal' : 'different';
}
