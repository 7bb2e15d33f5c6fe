import { canonicalMoney } from './decimal.ts';

/**
 * A machine-readable amount as structured data writes it ("119.01", 99, "1,299.00", "1 299.00") → money
 * in its stored form; null when the text is not in such a machine format (then it is a display text).
 */
export function machineAmount(text: string): string | null {
  const t = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (/^\d+(\.\d+)?$/.test(t)) return canonicalMoney(t);
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return canonicalMoney(t.replace(/,/g, ''));
  if (/^\d+,\d{1,2}$/.test(t)) return canonicalMoney(t.replace(',', '.'));
  return null;
}
