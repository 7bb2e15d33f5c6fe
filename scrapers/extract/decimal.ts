/**
 * "0099.0" → "99", "19.5" → "19.50", "1.999" → "1.999": no leading zeros, no all-zero fraction,
 * at least two fraction digits when there is a fraction. Input must be digits with an optional "." fraction.
 */
export function canonicalDecimal(plain: string): string {
  const [int = '0', frac = ''] = plain.split('.');
  const whole = int.replace(/^0+(?=\d)/, '') || '0';
  if (/^0*$/.test(frac)) return whole;
  return `${whole}.${frac.replace(/0+$/, '').padEnd(2, '0')}`;
}

/**
 * A machine-readable amount as structured data writes it ("119.01", 99, "1,299.00", "1 299.00") →
 * canonical decimal; null when the text is not in such a machine format (then it is a display text).
 */
export function machineAmount(text: string): string | null {
  const t = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (/^\d+(\.\d+)?$/.test(t)) return canonicalDecimal(t);
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return canonicalDecimal(t.replace(/,/g, ''));
  if (/^\d+,\d{1,2}$/.test(t)) return canonicalDecimal(t.replace(',', '.'));
  return null;
}

/** Compares two decimal strings numerically, exactly. */
export function compareDecimal(a: string, b: string): number {
  const [ai = '0', af = ''] = canonicalDecimal(a).split('.');
  const [bi = '0', bf = ''] = canonicalDecimal(b).split('.');
  if (ai.length !== bi.length) return ai.length - bi.length;
  if (ai !== bi) return ai < bi ? -1 : 1;
  const len = Math.max(af.length, bf.length);
  const x = af.padEnd(len, '0');
  const y = bf.padEnd(len, '0');
  return x === y ? 0 : x < y ? -1 : 1;
}
