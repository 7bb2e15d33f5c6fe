const CANDIDATE = /[a-z0-9]+(?:[-/.][a-z0-9]+)*/g;
const UNIT_SUFFIX = /^\d+(?:[.,]\d+)?(?:mg|g|kg|ml|cl|dl|l|mm|cm|m|in|ft|w|kw|gb|tb|mb|ks|pcs|ct|pk|oz|lb|lbs|v|mah|wh|hz|mhz|ghz|x|p)$/;
/** Short words that precede numbers without forming a code with them ("se 150 LED", "for 2"). */
const JOIN_STOPWORDS = new Set(['se', 'ze', 've', 'na', 'do', 'od', 'pro', 'for', 'of', 'to', 'in', 'and', 'with', 'cca', 'az', 'by', 'up', 'x', 'a', 'i', 'k', 'o', 's', 'v', 'z', 'u', 'no', 'pack']);
const LETTERS_THEN_NUMBER = /\b([a-z]{1,3}) (\d{3,})\b/g;

/** A model or part number without separators: "TX-55JX940E" → "tx55jx940e", "D52F/10" → "d52f10". */
export const canonicalCode = (code: string): string => code.replace(/[-/.]/g, '');

/** A number followed by a word ("18-inch", "6-speed", "7dilna") describes the product; it names no model. */
const NUMBER_THEN_WORD = /^\d+(?:[.,]\d+)?[a-z]{3,}$/;

function isCode(canonical: string, minLength: number): boolean {
  if (canonical.length < minLength || UNIT_SUFFIX.test(canonical) || NUMBER_THEN_WORD.test(canonical)) return false;
  const digits = canonical.replace(/\D/g, '').length;
  if (digits === 0) return false;
  // Digits only: long enough not to be a year, a count or a size.
  if (digits === canonical.length) return canonical.length >= 4 && !/^(19|20)\d\d$/.test(canonical);
  return digits >= 2 || canonical.length >= Math.max(minLength, 2);
}

/**
 * Model and part numbers in folded text: tokens mixing letters and digits, long digit runs, "VD 1441" joined.
 * `minLength` 2 also keeps short codes such as "g5" (worth comparing between names, too vague to search text for).
 */
export function modelCodesOf(folded: string, minLength = 4): Set<string> {
  const codes = new Set<string>();
  const text = folded.replace(/(\d),(\d)/g, '$1.$2');
  for (const [token] of text.matchAll(CANDIDATE)) {
    const canonical = canonicalCode(token);
    if (isCode(canonical, minLength)) codes.add(canonical);
  }
  for (const m of text.matchAll(LETTERS_THEN_NUMBER)) if (!JOIN_STOPWORDS.has(m[1] as string)) codes.add(`${m[1]}${m[2]}`);
  return codes;
}

/** How two codes relate: the same, one a suffixed form of the other ("zx310" / "zx310b"), a sibling, or unrelated. */
export type CodeRelation = 'same' | 'extended' | 'digits-differ' | 'letters-differ' | 'unrelated';

export function relateCodes(a: string, b: string): CodeRelation {
  if (a === b) return 'same';
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 4 && long.startsWith(short) && /^[a-z]{1,3}$/.test(long.slice(short.length))) return 'extended';
  if (a.length !== b.length) {
    // Same skeleton with one more or fewer digits ("qe55qn85a" / "qe55q80a") is still a sibling.
    return a.replace(/\d+/g, '#') === b.replace(/\d+/g, '#') || sharedPrefix(a, b) >= 4 ? 'digits-differ' : 'unrelated';
  }
  let digitDiffs = 0;
  let letterDiffs = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (/\d/.test(a[i] as string) || /\d/.test(b[i] as string)) digitDiffs++;
    else letterDiffs++;
  }
  if (digitDiffs + letterDiffs > Math.max(2, a.length / 3)) return 'unrelated';
  return digitDiffs > 0 ? 'digits-differ' : 'letters-differ';
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}
