/** GTIN-8, UPC-A (12), EAN-13 and GTIN-14 share one check-digit rule: weights 3,1,3,… from the right. */
export function hasValidCheckDigit(digits: string): boolean {
  if (!/^\d+$/.test(digits) || digits.length < 2) return false;
  let sum = 0;
  for (let i = digits.length - 2, weight = 3; i >= 0; i--, weight = 4 - weight) sum += Number(digits[i]) * weight;
  return (10 - (sum % 10)) % 10 === Number(digits[digits.length - 1]);
}

/**
 * A GTIN in its 14-digit form (so a UPC-A, its EAN-13 with a leading 0 and its GTIN-14 compare equal), or null when
 * the text is not 8, 12, 13 or 14 digits (spaces and dashes allowed) with a valid check digit.
 */
export function normaliseGtin(text: string | null | undefined): string | null {
  if (!text) return null;
  const digits = text.trim().replace(/[\s-]/g, '');
  if (!/^\d+$/.test(digits) || ![8, 12, 13, 14].includes(digits.length)) return null;
  if (!hasValidCheckDigit(digits) || /^0+$/.test(digits)) return null;
  return digits.padStart(14, '0');
}

const LABELLED_GTIN = /\b(?:gtin(?:-?1[234])?|ean(?:-?13)?|upc(?:-a)?|isbn(?:-?13)?|čárový kód|carovy kod)\b\s*[:#]?\s*((?:\d[\s-]?){7,13}\d)/gi;

/** GTINs that a text names with a label ("EAN 8590000000000", "UPC: 037000971924"); valid ones only. */
export function labelledGtins(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(LABELLED_GTIN)) {
    const gtin = normaliseGtin(m[1]);
    if (gtin) found.add(gtin);
  }
  return [...found];
}
