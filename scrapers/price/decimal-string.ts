/**
 * Turns a written number into an exact decimal string, deciding which separator is the decimal one.
 * `written` holds only digits, "." and "," (grouping apostrophes and spaces already removed).
 * `minorDigits` is the currency's exponent when known: with 3, "423.923" is a decimal; with 0, "1234.500" groups thousands.
 * Returns null when the separators cannot be a number (dates, versions: "15.08.2017").
 */
export function toDecimalString(written: string, minorDigits?: number): string | null {
  let s = written;
  const lead = /^[.,]+/.exec(s);
  if (lead) {
    s = s.slice(lead[0].length);
    if (!/[.,]/.test(s)) return canonical('0', s);
  }
  const seps = s.match(/[.,]/g) ?? [];
  if (seps.length === 0) return canonical(s, '');
  const last = seps[seps.length - 1]!;
  const sameAsLast = seps.filter((c) => c === last).length;
  const lastAt = s.lastIndexOf(last);
  const intPart = s.slice(0, lastAt);
  const frac = s.slice(lastAt + 1);
  if (sameAsLast > 1) {
    if (seps.length === sameAsLast && frac.length !== 3) return null;
    return groupsValid(s, last) ? canonical(s.replace(/[.,]/g, ''), '') : null;
  }
  const grouping = s.slice(0, lastAt);
  if (/[.,]/.test(grouping) && !groupsValid(grouping, grouping.match(/[.,]/)![0])) return null;
  if (frac.length === 3 && seps.length === 1) {
    const decimal = minorDigits === 3 || (minorDigits !== 0 && (intPart === '0' || intPart.length > 3));
    if (!decimal) return canonical(intPart + frac, '');
  }
  return canonical(intPart.replace(/[.,]/g, ''), frac);
}

/** Groups after the first are three digits (or Indian lakh groups of two before the last three). */
function groupsValid(s: string, sep: string): boolean {
  const groups = s.split(/[.,]/);
  const rest = groups.slice(1);
  if (rest.every((g) => g.length === 3)) return groups[0]!.length >= 1 && groups[0]!.length <= 3;
  const lakh = sep === ',' && rest.slice(0, -1).every((g) => g.length === 2) && rest.at(-1)!.length === 3;
  return lakh && groups[0]!.length <= 2;
}

function canonical(intDigits: string, frac: string): string | null {
  if (!/^\d*$/.test(intDigits) || !/^\d*$/.test(frac) || intDigits + frac === '') return null;
  const int = intDigits.replace(/^0+(?=\d)/, '') || '0';
  return frac ? `${int}.${frac}` : int;
}
