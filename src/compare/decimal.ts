/**
 * Exact arithmetic on decimal strings ("19.90", "-0.5") with BigInt: money never goes through floats.
 * A decimal is held as an integer coefficient and a scale (number of fractional digits).
 */
interface Scaled {
  coef: bigint;
  scale: number;
}

const DECIMAL = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/;

function parse(text: string): Scaled | null {
  const m = DECIMAL.exec(text);
  if (!m) return null;
  const [, sign = '', int = '', frac = ''] = m;
  if (int === '' && frac === '') return null;
  const coef = BigInt(`${int}${frac}` || '0');
  return { coef: sign === '-' ? -coef : coef, scale: frac.length };
}

function must(text: string): Scaled {
  const d = parse(text);
  if (!d) throw new TypeError(`not a decimal: ${JSON.stringify(text)}`);
  return d;
}

const pow10 = (n: number) => 10n ** BigInt(n);

function align(a: Scaled, b: Scaled): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.coef * pow10(scale - a.scale), b.coef * pow10(scale - b.scale), scale];
}

function format({ coef, scale }: Scaled): string {
  const negative = coef < 0n;
  let digits = (negative ? -coef : coef).toString().padStart(scale + 1, '0');
  let frac = scale > 0 ? digits.slice(-scale) : '';
  digits = scale > 0 ? digits.slice(0, -scale) : digits;
  frac = frac.replace(/0+$/, '');
  const body = frac ? `${digits}.${frac}` : digits;
  return negative && body !== '0' ? `-${body}` : body;
}

/** Divides with rounding half away from zero. */
function divRound(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  const away = twice >= (d < 0n ? -d : d);
  if (!away) return q;
  return (n < 0n) !== (d < 0n) ? q - 1n : q + 1n;
}

export const isDecimal = (text: string): boolean => parse(text) !== null;

/** Canonical form: no leading or trailing zeros, no "+", no "-0": "019.90" → "19.9". Null when not a decimal. */
export function normaliseDecimal(text: string): string | null {
  const d = parse(text);
  return d ? format(d) : null;
}

export function subtract(a: string, b: string): string {
  const [x, y, scale] = align(must(a), must(b));
  return format({ coef: x - y, scale });
}

export function compareDecimals(a: string, b: string): -1 | 0 | 1 {
  const [x, y] = align(must(a), must(b));
  return x < y ? -1 : x > y ? 1 : 0;
}

export function absDecimal(a: string): string {
  return a.startsWith('-') ? a.slice(1) : a;
}

/** a × b rounded to `scale` fractional digits (half away from zero). */
export function multiply(a: string, b: string, scale: number): string {
  const x = must(a);
  const y = must(b);
  const exact = x.coef * y.coef;
  const from = x.scale + y.scale;
  const coef = from > scale ? divRound(exact, pow10(from - scale)) : exact * pow10(scale - from);
  return format({ coef, scale });
}

/** a / b × 100 rounded to two decimals, as a number for display; null when b is zero. */
export function percentOf(a: string, b: string): number | null {
  const [x, y] = align(must(a), must(b));
  if (y === 0n) return null;
  return Number(divRound(x * 10_000n, y)) / 100;
}

/** Fractional digits as written ("19.90" → 2), to round converted amounts like the originals. */
export function scaleOf(text: string): number {
  return must(text).scale;
}
