import { isDecimal, multiply, scaleOf } from '../../scrapers/price/decimal.ts';

/** Exchange rates: how many units of the own (base) currency one unit of the keyed currency is worth. */
export type Rates = Readonly<Record<string, string>>;

/** Parses `EUR:4.32,USD:3.95`; returns the problem instead when an entry is malformed. */
export function parseRates(text: string): Rates | string {
  const rates: Record<string, string> = {};
  for (const entry of text.split(',').map((e) => e.trim()).filter(Boolean)) {
    const m = /^([A-Z]{3})[:=](\d+(?:\.\d+)?)$/.exec(entry);
    if (!m || !isDecimal(m[2]!)) return `"${entry}" is not CUR:rate (e.g. EUR:4.32)`;
    if (/^0*(\.0*)?$/.test(m[2]!)) return `the rate of ${m[1]} must be above zero`;
    rates[m[1]!] = m[2]!;
  }
  return rates;
}

export interface Converted {
  amount: string;
  rate: string | null;
}

/**
 * An amount in `from` expressed in `to`: as is when the currencies match (or both are unknown), converted
 * with a user-supplied rate (rounded like the base amount, at least to cents), or null: never compared silently.
 */
export function convert(amount: string, from: string | null, to: string | null, rates: Rates, scale: number): Converted | null {
  if (from === to) return { amount, rate: null };
  const rate = from === null || to === null ? undefined : rates[from];
  if (rate === undefined) return null;
  return { amount: multiply(amount, rate, Math.max(scale, scaleOf(amount), 2)), rate };
}
