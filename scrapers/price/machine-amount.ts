import { parsePrice } from './parse-price.ts';

const PLAIN_DECIMAL = /^\+?(\d+)(?:\.(\d+))?$/;

/**
 * An amount from structured data (schema.org `price`, OpenGraph `product:price:amount`), where "."
 * is the decimal separator: "299.000" is 299, not 299000. Values that are not plain decimals
 * ("1.299,00 €", as some shops write) are read like visible text.
 */
export function parseMachineAmount(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return null;
    value = String(value);
    if (value.includes('e')) return null;
  }
  const text = value.trim();
  const plain = PLAIN_DECIMAL.exec(text);
  if (plain) {
    const int = plain[1]!.replace(/^0+(?=\d)/, '');
    return plain[2] === undefined ? int : `${int}.${plain[2]}`;
  }
  return parsePrice(text).amount;
}
