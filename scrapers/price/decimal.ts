/**
 * The one decimal module: exact arithmetic on decimal strings ("19.90", "-0.5") — money never goes through
 * floats — and the canonical forms. A decimal's canonical form is its shortest exact one ("019.90" → "19.9"),
 * which arithmetic returns; money as it is stored (snapshot prices, money fields) is that form with cents
 * when it has a fraction ("19.9" → "19.90", "18.00" → "18"). Comparisons are numeric, so either form compares.
 * A decimal is an integer coefficient and a scale (fractional digits). Coefficients are safe integers
 * (exact in a double) while they fit, which keeps the common case fast, and BigInt beyond.
 */
type Coef = number | bigint;

interface Scaled {
  coef: Coef;
  scale: number;
}

const DECIMAL = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/;
const CANONICAL = /^(0|-?[1-9]\d*(\.\d*[1-9])?|-?0\.\d*[1-9])$/;
const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

function parse(text: string): Scaled | null {
  const m = DECIMAL.exec(text);
  if (!m) return null;
  const [, sign = '', int = '', frac = ''] = m;
  if (int === '' && frac === '') return null;
  const digits = `${int}${frac}`;
  const magnitude = digits.length <= 15 ? Number(digits) : BigInt(digits);
  return { coef: sign === '-' ? -magnitude : magnitude, scale: frac.length };
}

function must(text: string): Scaled {
  const d = parse(text);
  if (!d) throw new TypeError(`not a decimal: ${JSON.stringify(text)}`);
  return d;
}

const big = (c: Coef): bigint => (typeof c === 'bigint' ? c : BigInt(c));

/** c × 10^k, staying a safe integer when it can. */
function shift(c: Coef, k: number): Coef {
  if (k === 0) return c;
  if (typeof c === 'number' && k < 16) {
    const r = c * POW10[k]!;
    if (Number.isSafeInteger(r)) return r;
  }
  return big(c) * 10n ** BigInt(k);
}

function align(a: Scaled, b: Scaled): [Coef, Coef, number] {
  const scale = Math.max(a.scale, b.scale);
  const x = shift(a.coef, scale - a.scale);
  const y = shift(b.coef, scale - b.scale);
  return typeof x === typeof y ? [x, y, scale] : [big(x), big(y), scale];
}

function add(x: Coef, y: Coef, sign: 1 | -1): Coef {
  if (typeof x === 'number' && typeof y === 'number') {
    const r = x + sign * y;
    if (Number.isSafeInteger(r)) return r;
  }
  return sign === 1 ? big(x) + big(y) : big(x) - big(y);
}

function format({ coef, scale }: Scaled): string {
  const negative = coef < 0;
  const abs = negative ? -coef : coef;
  let digits = abs.toString().padStart(scale + 1, '0');
  const frac = scale > 0 ? digits.slice(-scale).replace(/0+$/, '') : '';
  digits = scale > 0 ? digits.slice(0, -scale) : digits;
  const body = frac ? `${digits}.${frac}` : digits;
  return negative && body !== '0' ? `-${body}` : body;
}

/** n / d rounded half away from zero (d ≠ 0). */
function divRound(n: Coef, d: Coef): Coef {
  if (typeof n === 'number' && typeof d === 'number') {
    let q = Math.trunc(n / d);
    let r = n - q * d;
    // The float quotient can be one off: correct it so that |r| < |d| and r has the sign of n.
    while (r !== 0 && (Math.sign(r) !== Math.sign(n) || Math.abs(r) >= Math.abs(d))) {
      const step = Math.sign(r) === Math.sign(d) ? 1 : -1;
      q += step;
      r -= step * d;
    }
    if (2 * Math.abs(r) < Math.abs(d)) return q;
    return q + ((n < 0) !== (d < 0) ? -1 : 1);
  }
  const bn = big(n);
  const bd = big(d);
  const q = bn / bd;
  const r = bn % bd;
  if (r === 0n) return q;
  if ((r < 0n ? -r : r) * 2n < (bd < 0n ? -bd : bd)) return q;
  return (bn < 0n) !== (bd < 0n) ? q - 1n : q + 1n;
}

export const isDecimal = (text: string): boolean => parse(text) !== null;

/** Canonical form: no leading or trailing zeros, no "+", no "-0": "019.90" → "19.9". Null when not a decimal. */
export function normaliseDecimal(text: string): string | null {
  if (CANONICAL.test(text)) return text;
  const d = parse(text);
  return d ? format(d) : null;
}

/** Money as stored: the canonical form with cents when there is a fraction ("0099.0" → "99", "19.5" → "19.50", "1.999" → "1.999"). */
export function canonicalMoney(text: string): string {
  const canonical = format(must(text));
  const dot = canonical.indexOf('.');
  return dot >= 0 && dot === canonical.length - 2 ? `${canonical}0` : canonical;
}

export function subtract(a: string, b: string): string {
  const [x, y, scale] = align(must(a), must(b));
  return format({ coef: add(x, y, -1), scale });
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
  let exact: Coef = big(x.coef) * big(y.coef);
  if (exact >= -Number.MAX_SAFE_INTEGER && exact <= Number.MAX_SAFE_INTEGER) exact = Number(exact);
  const from = x.scale + y.scale;
  const coef = from > scale ? divRound(exact, shift(1, from - scale)) : shift(exact, scale - from);
  return format({ coef, scale });
}

/** a / b × 100 rounded to two decimals, as a number for display; null when b is zero. */
export function percentOf(a: string, b: string): number | null {
  const [x, y] = align(must(a), must(b));
  if (y === 0 || y === 0n) return null;
  return Number(divRound(shift(x, 4), y)) / 100;
}

/** Fractional digits as written ("19.90" → 2), to round converted amounts like the originals. */
export function scaleOf(text: string): number {
  return must(text).scale;
}
