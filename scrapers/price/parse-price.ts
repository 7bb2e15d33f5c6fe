import { THREE_DECIMAL_CODES } from './currency-codes.ts';
import type { CurrencyToken } from './currency-tokens.ts';
import { toDecimalString } from './decimal-string.ts';
import { analyseText, normaliseText, type Candidate, type PriceRole } from './price-candidates.ts';
import { FREE, SHIPPING } from './price-words.ts';
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
  const token = best?.candidate.currency ?? evidence.text[0] ?? null;
  const amount = best?.found.amount ?? (textIsFree ? '0' : null);
  if (token) return { amount, currency: resolveIso(token, evidence), currencyText: token.text };
  const hinted = hintedCurrency(hints);
  if (hinted) return { amount, currency: hinted, currencyText: null };
  const fromHint = evidence.hint[0];
  if (fromHint) return { amount, currency: resolveIso(fromHint, evidence), currencyText: fromHint.text };
  return { amount, currency: null, currencyText: null };
}

function analyse(text: string, hints: PriceHints) {
  const normal = normaliseText(text);
  const { candidates, currencies } = analyseText(normal);
  const hintCurrencies = hints.hint ? analyseText(normaliseText(hints.hint)).currencies : [];
  const evidence: CurrencyEvidence = { text: currencies, hint: hintCurrencies, hints };
  const textIsFree = candidates.length === 0 && FREE.test(normal) && !SHIPPING.test(normal);
  return { candidates, evidence, textIsFree };
}

function priceOf(c: Candidate, evidence: CurrencyEvidence): FoundPrice | null {
  const token: CurrencyToken | null = c.currency;
  const iso = token ? resolveIso(token, evidence) : (hintedCurrency(evidence.hints) ?? null);
  const { written, cents } = c.number;
  const amount = cents
    ? withCents(toDecimalString(written, 0), cents)
    : toDecimalString(written, iso && THREE_DECIMAL_CODES.has(iso) ? 3 : undefined);
  if (amount === null) return null;
  return {
    amount,
    currency: iso,
    currencyText: token?.text ?? null,
    role: c.role,
    start: c.number.start,
    end: c.number.end,
  };
}

function withCents(whole: string | null, cents: string): string | null {
  return whole && !whole.includes('.') ? `${whole}.${cents}` : null;
}

/** Written with a currency first, then a non-zero amount, then the current over the regular price. */
function rank({ found, candidate }: { found: FoundPrice; candidate: Candidate }): number {
  const roleScore = candidate.role === 'now' ? 2 : candidate.role === 'was' ? 0 : 1;
  return (
    (candidate.currency ? 16 : 0) +
    (/^[0.]+$/.test(found.amount) ? 0 : 8) +
    roleScore * 2 +
    (candidate.glued ? 0 : 1)
  );
}
