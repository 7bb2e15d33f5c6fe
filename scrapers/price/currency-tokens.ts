import { ISO_CODES, WORDLIKE_CODES } from './currency-codes.ts';
import { CURRENCY_SYMBOLS, type CurrencySymbol } from './currency-symbols.ts';

/** A currency as written in a text, with the ISO codes it may stand for. */
export interface CurrencyToken extends CurrencySymbol {
  text: string;
  start: number;
  end: number;
  /** Written as an ISO code ("EUR", "SGD$"). */
  code: boolean;
}

export const isLetter = (c: string | undefined): boolean =>
  c !== undefined && (/[A-Za-z]/.test(c) || (c > '\u007f' && /[\p{L}\p{M}]/u.test(c)));

/** Written forms by first character, longest first. */
const BY_FIRST = new Map<string, string[]>();
for (const symbol of [...CURRENCY_SYMBOLS.keys()].sort((a, b) => b.length - a.length)) {
  const list = BY_FIRST.get(symbol[0]!) ?? [];
  list.push(symbol);
  BY_FIRST.set(symbol[0]!, list);
}

/** The written form starting at `i`; letters at its ends must not run into a word. */
function symbolAt(text: string, i: number): string | undefined {
  for (const symbol of BY_FIRST.get(text[i]!) ?? []) {
    if (!text.startsWith(symbol, i)) continue;
    if (isLetter(symbol.at(-1)) && isLetter(text[i + symbol.length])) continue;
    return symbol;
  }
  return undefined;
}

/** All currency symbols and ISO codes in a text, in order. Word-like forms are marked `near`. */
export function scanCurrencies(text: string): CurrencyToken[] {
  const tokens: CurrencyToken[] = [];
  let i = 0;
  while (i < text.length) {
    const wordStart = isLetter(text[i]) && !isLetter(text[i - 1]);
    if (isLetter(text[i]) && !wordStart) {
      i++;
      continue;
    }
    const symbol = symbolAt(text, i);
    if (symbol) {
      const { isos, near } = CURRENCY_SYMBOLS.get(symbol)!;
      tokens.push({ isos, near, text: symbol, start: i, end: i + symbol.length, code: false });
      i += symbol.length;
      continue;
    }
    const code = wordStart ? isoCodeAt(text, i) : undefined;
    if (code) tokens.push(code);
    i += code ? 3 : 1;
  }
  return mergeCodeDollar(text, tokens);
}

/** A three-letter word that is an ISO code; lower case ("eur") only when not also a common word. */
function isoCodeAt(text: string, i: number): CurrencyToken | undefined {
  const written = text.slice(i, i + 3);
  if (!/^[A-Za-z]{3}$/.test(written) || isLetter(text[i + 3])) return undefined;
  const upper = written.toUpperCase();
  if (!ISO_CODES.has(upper)) return undefined;
  const wordlike = WORDLIKE_CODES.has(upper);
  if (written !== upper && wordlike) return undefined;
  return { isos: [upper], near: written !== upper || wordlike, text: written, start: i, end: i + 3, code: true };
}

/** "SGD$4.90", "NZD $100.70": the code says which dollar. */
function mergeCodeDollar(text: string, tokens: CurrencyToken[]): CurrencyToken[] {
  const merged: CurrencyToken[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const next = tokens[k + 1];
    if (t.code && next?.text === '$' && /^ ?$/.test(text.slice(t.end, next.start))) {
      merged.push({ ...t, near: false, text: text.slice(t.start, next.end), end: next.end });
      k++;
      continue;
    }
    merged.push(t);
  }
  return merged;
}
