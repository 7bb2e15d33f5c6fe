import type { DisplayPrefs } from './display-prefs.ts';

// Intl formatters are costly to build and pages format hundreds of values: one per locale, zone and style.
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) cache.set(key, (formatter = make()));
  return formatter;
}

const toDate = (value: string | Date) => (typeof value === 'string' ? new Date(value) : value);

/** "29 Nov 2026, 14:05" in the person's locale and time zone. */
export function formatDateTime(value: string | Date, { locale, timeZone }: DisplayPrefs): string {
  const f = cached(`dt|${locale}|${timeZone}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }));
  return f.format(toDate(value));
}

/** "29 Nov 2026" in the person's locale, the calendar day in their time zone. */
export function formatDate(value: string | Date, { locale, timeZone }: DisplayPrefs): string {
  const f = cached(`d|${locale}|${timeZone}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }));
  return f.format(toDate(value));
}

/** An ISO timestamp for <time datetime>, in UTC. */
export const machineTime = (value: string | Date): string => toDate(value).toISOString();

/**
 * An exact decimal amount ("1234.56") with its ISO 4217 currency in the person's locale: "1 234,56 zł", "€17.50".
 * The string goes to Intl as is (no float on the way); an unknown currency code is shown after the number.
 */
export function formatMoney(amount: string, currency: string, { locale }: DisplayPrefs): string {
  try {
    const f = cached(`m|${locale}|${currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 20 }));
    return f.format(amount as Intl.StringNumericLiteral);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** "14:05" in the person's locale and time zone, for lists already grouped by day. */
export function formatTime(value: string | Date, { locale, timeZone }: DisplayPrefs): string {
  const f = cached(`t|${locale}|${timeZone}`, () => new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }));
  return f.format(toDate(value));
}
