import { ISO_CODES, LANGUAGE_CURRENCY, REGION_CURRENCY } from './currency-codes.ts';
import type { CurrencyToken } from './currency-tokens.ts';
import type { PriceHints } from './parse-price.ts';

/** What can settle an ambiguous symbol ("$", "kr", "¥", "lei"). */
export interface CurrencyEvidence {
  text: readonly CurrencyToken[];
  hint: readonly CurrencyToken[];
  hints: PriceHints;
}

const LOCALE = /^([a-z]{2,3})(?:[-_][A-Za-z]{4})?(?:[-_]([A-Za-z]{2}|\d{3}))?/i;
const HOSTNAME_TLD = /(?:^|[\s/@(])(?:[a-z0-9-]+\.)+([a-z]{2})(?=$|[\s/:?#)])/i;

/**
 * The ISO code a written currency stands for. An unambiguous symbol is itself; an ambiguous one is
 * settled by, in order: the currency hint, an ISO code elsewhere in the text or in the hint text,
 * the locale (region, then language), a hostname in the hint text, and else its usual meaning.
 */
export function resolveIso(token: CurrencyToken, evidence: CurrencyEvidence): string | null {
  const options = token.isos;
  if (options.length <= 1) return options[0] ?? null;
  const fits = (iso: string | undefined): iso is string => iso !== undefined && options.includes(iso);
  const explicit = evidence.hints.currency?.trim().toUpperCase();
  if (fits(explicit)) return explicit;
  for (const other of [...evidence.text, ...evidence.hint]) {
    if (other.isos.length === 1 && fits(other.isos[0])) return other.isos[0];
  }
  const locale = LOCALE.exec(evidence.hints.locale?.trim() ?? '');
  const byRegion = locale?.[2] ? REGION_CURRENCY[locale[2].toUpperCase()] : undefined;
  if (fits(byRegion)) return byRegion;
  const byLanguage = locale?.[1] ? LANGUAGE_CURRENCY[locale[1].toLowerCase()] : undefined;
  if (fits(byLanguage)) return byLanguage;
  const tld = HOSTNAME_TLD.exec(evidence.hints.hint ?? '')?.[1]?.toUpperCase();
  const byTld = tld ? REGION_CURRENCY[tld] : undefined;
  if (fits(byTld)) return byTld;
  return options[0]!;
}

/** The `currency` hint when it is a known ISO code, or null. */
export function hintedCurrency(hints: PriceHints): string | null {
  const code = hints.currency?.trim().toUpperCase();
  return code && ISO_CODES.has(code) ? code : null;
}
