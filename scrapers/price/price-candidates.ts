import { isLetter, scanCurrencies, type CurrencyToken } from './currency-tokens.ts';
import { scanNumbers, type NumberToken } from './number-tokens.ts';
import {
  FREE,
  FREE_SHIPPING,
  hasPhrase,
  lastPhraseAt,
  MONTH_DATE,
  NOT_AN_AMOUNT_AFTER,
  NOW_LABEL,
  ON_REQUEST,
  RANGE_JOIN,
  SAVING_LABEL,
  SHIPPING,
  THRESHOLD_LABEL,
  UNIT_AFTER,
  WAS_LABEL,
  wordsOf,
} from './price-words.ts';

/** was: a regular (crossed-out) price; now: the current price; saving: the amount saved. */
export type PriceRole = 'was' | 'now' | 'saving' | null;

/** A number of a price text that may be a price, with the currency written next to it. */
export interface Candidate {
  number: NumberToken;
  currency: CurrencyToken | null;
  role: PriceRole;
  /** Glued to a word that is not a currency ("MX924"): an identifier more likely than a price. */
  glued: boolean;
  /** Priced per litre ("1,799 €/l", "1.759 € pro Liter"): fuel, written with three decimals. */
  perLitre: boolean;
}

const PER_LITRE = /^ ?\S{0,4} ?(\/ ?(l|ltr|liter|litre|litro)|(per|pro|je|par|por|al|za) (l|ltr|liter|litre|litro|litr))(?![\p{L}])/iu;

export interface TextAnalysis {
  /** The text's words, for phrase matching (see wordsOf). */
  words: string;
  candidates: Candidate[];
  /** Currencies of the text; word-like forms only where they touch a number. */
  currencies: CurrencyToken[];
}

const ODD_CHARS = /[\u00a0\u1680\u2000-\u200a\u200e\u200f\u202f\u205f\u3000\t\n\r\f\v’ʼ′´`\u0660-\u066c\u06f0-\u06f9\uff0c\uff0e\uff10-\uff19]/g;

function plainChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  if (code >= 0xff10 && code <= 0xff19) return String(code - 0xff10);
  if (c === '\u066b' || c === '\uff0e') return '.';
  if (c === '\u066c' || c === '\uff0c') return ',';
  if (code === 0x066a) return '%';
  return /[’ʼ′´`]/.test(c) ? "'" : ' ';
}

/** Same length as the input, so offsets stay valid: odd spaces, apostrophes and digits made plain. */
export function normaliseText(text: string): string {
  return text.replace(ODD_CHARS, plainChar);
}

export function analyseText(text: string): TextAnalysis {
  const numbers = scanNumbers(text);
  const allCurrencies = scanCurrencies(text);
  const beside = numbers.map((n) => besideCurrencies(text, n, allCurrencies));
  const whole = text.trim();
  const currencies = allCurrencies.filter((c) => !c.near || c.text === whole || beside.some((b) => b.includes(c)));
  const words = /\p{L}/u.test(text) ? wordsOf(text) : ' ';
  if (hasPhrase(words, ON_REQUEST)) return { words, candidates: [], currencies };
  const excluded = excludedNumbers(text, numbers, allCurrencies);
  const freeShipping = (hasPhrase(words, FREE) && hasPhrase(words, SHIPPING)) || hasPhrase(words, FREE_SHIPPING);
  const candidates: Candidate[] = [];
  numbers.forEach((number, k) => {
    const prevEnd = k > 0 ? numbers[k - 1]!.end : 0;
    if (excluded.has(k) || (freeShipping && isThreshold(text.slice(prevEnd, number.start)))) return;
    const near = beside[k]!;
    const currency = near.find((c) => c.isos.length === 1) ?? near[0] ?? null;
    candidates.push({
      number,
      currency,
      role: roleBefore(text.slice(prevEnd, number.start)),
      glued: isLetter(text[number.start - 1]) && !near.some((c) => c.end === number.start),
      perLitre: PER_LITRE.test(text.slice(number.end, number.end + 20)),
    });
  });
  inheritRangeCurrency(text, candidates);
  return { words, candidates, currencies };
}

/** Currencies written right before, right after or inside a number. */
function besideCurrencies(text: string, n: NumberToken, currencies: CurrencyToken[]): CurrencyToken[] {
  return currencies.filter(
    (c) =>
      (c.end <= n.start && /^[ :]{0,3}$/.test(text.slice(c.end, n.start))) ||
      (c.start >= n.end && /^ {0,2}$/.test(text.slice(n.end, c.start))) ||
      (c.start >= n.start && c.end <= n.end),
  );
}

/** Percentages, quantities, thresholds, dates and identifiers ("25-09", "2017-08-15"). */
function excludedNumbers(text: string, numbers: NumberToken[], currencies: CurrencyToken[]): Set<number> {
  const excluded = new Set<number>();
  const dates = [...(/\d{4}/.test(text) ? text.matchAll(MONTH_DATE) : [])].map((m) => [m.index, m.index + m[0].length] as const);
  numbers.forEach((n, k) => {
    const after = text.slice(n.end, n.end + 16);
    const currencyNext = currencies.some((c) => c.start >= n.end && /^ ?$/.test(text.slice(n.end, c.start)));
    if (NOT_AN_AMOUNT_AFTER.test(after) || (!currencyNext && /^ ?\p{L}/u.test(after) && UNIT_AFTER.test(after))) {
      excluded.add(k);
    }
    if (dates.some(([s, e]) => n.start >= s && n.end <= e)) excluded.add(k);
  });
  for (const chain of joinedChains(text, numbers)) {
    const parts = chain.map((k) => numbers[k]!.written);
    const time = chain.some((k) => text[numbers[k]!.start - 1] === ':');
    if (time || chain.length > 2 || parts.slice(1).some((p) => /^0\d/.test(p))) chain.forEach((k) => excluded.add(k));
  }
  for (let k = numbers.length - 2; k >= 0; k--) {
    const joined = RANGE_JOIN.test(text.slice(numbers[k]!.end, numbers[k + 1]!.start));
    if (joined && excluded.has(k + 1) && !excluded.has(k)) excluded.add(k);
  }
  return excluded;
}

/** Runs of numbers joined by a bare "-", "/" or ":" ("25-09", "15/08/2017", "10:30"). */
function joinedChains(text: string, numbers: NumberToken[]): number[][] {
  const chains: number[][] = [];
  let current: number[] = [];
  numbers.forEach((n, k) => {
    const prev = numbers[k - 1];
    if (prev && /^[-/:]$/.test(text.slice(prev.end, n.start))) current.push(k);
    else {
      if (current.length > 1) chains.push(current);
      current = [k];
    }
  });
  if (current.length > 1) chains.push(current);
  return chains;
}

/** "Free delivery over £50", "Versandkostenfrei ab 49 €". */
function isThreshold(span: string): boolean {
  return /\p{L}/u.test(span) && lastPhraseAt(wordsOf(span), THRESHOLD_LABEL) >= 0;
}

function roleBefore(span: string): PriceRole {
  if (!/\p{L}\p{L}/u.test(span)) return null;
  const words = wordsOf(span);
  const found = (
    [
      ['was', lastPhraseAt(words, WAS_LABEL)],
      ['now', lastPhraseAt(words, NOW_LABEL)],
      ['saving', lastPhraseAt(words, SAVING_LABEL)],
    ] as const
  ).reduce((a, b) => (b[1] > a[1] ? b : a));
  return found[1] < 0 ? null : found[0];
}

/** "From 26 to 50 €": the currency after the second number belongs to the first too. */
function inheritRangeCurrency(text: string, candidates: Candidate[]): void {
  for (let k = 0; k + 1 < candidates.length; k++) {
    const a = candidates[k]!;
    const b = candidates[k + 1]!;
    if (a.currency || !b.currency || b.currency.start < b.number.end) continue;
    if (RANGE_JOIN.test(text.slice(a.number.end, b.number.start))) a.currency = b.currency;
  }
}
