import { ZERO_DECIMAL_CODES } from '../price/currency-codes.ts';
import { canonicalMoney, compareDecimals } from '../price/decimal.ts';
import { machineAmount } from '../price/machine-amount.ts';
import { parsePrice, parsePrices } from '../price/parse-price.ts';
import { readNumber } from './field-values.ts';

export interface PriceHints {
  locale?: string;
  currency?: string;
  /** Nearby text that may name the currency. */
  hint?: string;
}

export interface ReadPrice {
  amount: string;
  currency: string | null;
  /** The currency as written in the text (null when it came from a hint). */
  currencyText: string | null;
}

/** A price text as shown to people ("1 234,56 zł", "€19,99") → exact amount and ISO currency. */
export function readPrice(text: string, hints: PriceHints = {}): ReadPrice | null {
  const parsed = parsePrice(text, hints);
  if (!parsed.amount || !/^\d+(\.\d+)?$/.test(parsed.amount)) return null;
  return { amount: canonicalMoney(parsed.amount), currency: parsed.currency, currencyText: parsed.currencyText };
}

/**
 * A money amount for a recipe field: the price of the text, or — where the price parser declines, as for
 * "Free shipping from 1 234,50 zł" — the first number with the currency the text names.
 */
export function readMoney(text: string, hints: PriceHints = {}): ReadPrice | null {
  const read = readPrice(text, hints);
  if (read) return read;
  const amount = readNumber(text);
  if (amount === null || amount.startsWith('-')) return null;
  const parsed = parsePrice(text, hints);
  return { amount: canonicalMoney(amount), currency: parsed.currency, currencyText: parsed.currencyText };
}

/** How many different amounts with a written currency a text shows ("€ 17,10 € 18,00 -5%" shows two, "2 for 1" none). */
export function countPrices(text: string, hints: PriceHints = {}): number {
  return new Set(parsePrices(text, hints).filter((p) => p.currencyText !== null).map((p) => p.amount)).size;
}

/** Is the amount labelled as the former price in the text itself ("Was €30.00", "Statt 30 €", "Avant 30 €")? */
export function labelledWas(text: string, amount: string, hints: PriceHints = {}): boolean {
  if (!/\p{L}\p{L}/u.test(text)) return false;
  return parsePrices(text, hints).some((p) => p.role === 'was' && compareDecimals(p.amount, amount) === 0);
}

/**
 * An amount from structured data: a machine format when it is one, else read as a display text. For a
 * currency without minor units, "229.990" groups thousands (shops write CLP and HUF amounts so).
 */
export function readAmount(text: string, hints: PriceHints = {}): string | undefined {
  const currency = hints.currency?.toUpperCase();
  if (currency && ZERO_DECIMAL_CODES.has(currency) && /^\s*\d{1,3}(\.\d{3})+\s*$/.test(text)) return canonicalMoney(text.replace(/[.\s]/g, ''));
  return machineAmount(text) ?? readPrice(text, hints)?.amount ?? undefined;
}
