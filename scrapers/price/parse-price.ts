import { THREE_DECIMAL_CODES, ZERO_DECIMAL_CODES } from './currency-codes.ts';
import type { CurrencyToken } from './currency-tokens.ts';
import { toDecimalString } from './decimal-string.ts';
import { analyseText, normaliseText, type Candidate, type PriceRole } from './price-candidates.ts';
import { FREE, hasPhrase, SHIPPING } from './price-words.ts';
import { hintedCurrency, resolveIso, type CurrencyEvidence } from './resolve-currency.ts';

export type { PriceRole } from './price-candidates.ts';

/** What is known around a price text: nearby text, the page locale ("de-AT"), the expected currency. */
export interface PriceHints {
  hint?: string;
  locale?: string;
  currency?: string;
}

/** amount: exact decimal string ("1234.56"); currency: ISO 4217; currencyText: as written. */
export interface ParsedPrice {
  amount: string | null;
  currency: string | null;
  currencyText: string | null;
}

/** One price of a text, in order: "Was $120 Now $60" gives two, the first with role "was". */
export interface FoundPrice extends ParsedPrice {
  amount: string;
  role: PriceRole;
  /** Offsets of the number in the text. */
  start: number;
  end: number;
}

/** Every price-like number of a text, in order (ranges give both ends, was/now pairs both prices). */
export function parsePrices(text: string, hints: PriceHints = {}): FoundPrice[] {
  const { candidates, evidence } = analyse(text, hints);
  return candidates.flatMap((c) => {
    const found = priceOf(c, evidence);
    return found ? [found] : [];
  });
}

/**
 * The price of a text: the number written with a currency, the current price of a was/now pair,
 * the lower end of a range, "0" for "Free"; null amount when there is none. The currency comes from
 * the text, else the currency hint, else the hint text.
 */
export function parsePrice(text: string, hints: PriceHints = {}): ParsedPrice {
  const { candidates, evidence, textIsFree } = analyse(text, hints);
  const prices = candidates.flatMap((c) => {
    const found = priceOf(c, evidence);
    return found ? [{ found, candidate: c }] : [];
  });
  const best = prices.sort((a, b) => rank(b) - rank(a) || a.found.start - b.found.start)[0];
  if (best) return { amount: best.found.amount, currency: best.found.currency, currencyText: best.found.currencyText };
  return { amount: textIsFree ? '0' : null, ...currencyOf(null, evidence) };
}

function analyse(text: string, hints: PriceHints) {
  const { candidates, currencies, words } = analyseText(normaliseText(text));
  let hintCurrencies: CurrencyToken[] | undefined;
  const evidence: CurrencyEvidence = {
    text: currencies,
    get hint() {
      hintCurrencies ??= hints.hint ? analyseText(normaliseText(hints.hint)).currencies : [];
      return hintCurrencies;
    },
    hints,
  };
  const textIsFree = candidates.length === 0 && hasPhrase(words, FREE) && !hasPhrase(words, SHIPPING);
  return { candidates, evidence, textIsFree };
}

/** The number's own currency, else the text's first, else the currency hint, else the hint text's. */
function currencyOf(own: CurrencyToken | null, evidence: CurrencyEvidence): Omit<ParsedPrice, 'amount'> {
  const token = own ?? evidence.text[0];
  if (token) return { currency: resolveIso(token, evidence), currencyText: token.text };
  const hinted = hintedCurrency(evidence.hints);
  if (hinted) return { currency: hinted, currencyText: null };
  const fromHint = evidence.hint[0];
  if (fromHint) return { currency: resolveIso(fromHint, evidence), currencyText: fromHint.text };
  return { currency: null, currencyText: null };
}

function priceOf(c: Candidate, evidence: CurrencyEvidence): FoundPrice | null {
  const { currency, currencyText } = currencyOf(c.currency, evidence);
  const { written, cents } = c.number;
  const amount = cents ? withCents(toDecimalString(written, 0), cents) : toDecimalString(written, minorDigits(currency, c.perLitre));
  if (amount === null) return null;
  return { amount, currency, currencyText, role: c.role, start: c.number.start, end: c.number.end };
}

/** Three decimals for dinars and for fuel priced per litre ("1,799 €/l"); none for yen, won, pesos chilenos, forints. */
function minorDigits(currency: string | null, perLitre: boolean): number | undefined {
  if (perLitre || (currency && THREE_DECIMAL_CODES.has(currency))) return 3;
  return currency && ZERO_DECIMAL_CODES.has(currency) ? 0 : undefined;
}

function withCents(whole: string | null, cents: string): string | null {
  return whole && !whole.includes('.') ? `${whole}.${cents}` : null;
}

/** Written with a currency first, then a non-zero amount, then the current over the regular price. */
function rank({ found, candidate }: { found: FoundPrice; candidate: Candidate }): number {
  const roleScore = { now: 3, null: 2, was: 1, saving: 0 }[candidate.role ?? 'null'];
  return (
    (candidate.currency ? 16 : 0) +
    (/^[0.]+$/.test(found.amount) ? 0 : 8) +
    roleScore * 2 +
    (candidate.glued ? 0 : 1)
  );
}
