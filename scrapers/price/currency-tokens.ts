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

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LETTER = /[\p{L}\p{M}]/u;

function alternative(symbol: string): string {
  const before = LETTER.test(symbol[0]!) ? '(?<![\\p{L}\\p{M}])' : '';
  const after = LETTER.test(symbol.at(-1)!) ? '(?![\\p{L}\\p{M}])' : '';
  return before + escape(symbol) + after;
}

const SYMBOL_PATTERN = [...CURRENCY_SYMBOLS.keys()]
  .sort((a, b) => b.length - a.length)
  .map(alternative)
  .join('|');
const TOKEN = new RegExp(`${SYMBOL_PATTERN}|(?<![\\p{L}\\p{M}])[A-Za-z]{3}(?![\\p{L}\\p{M}])`, 'gu');

/** All currency symbols and ISO codes in a text, in order. Word-like forms are marked `near`. */
export function scanCurrencies(text: string): CurrencyToken[] {
  const tokens: CurrencyToken[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const written = m[0];
    const start = m.index;
    const symbol = CURRENCY_SYMBOLS.get(written);
    if (symbol) {
      tokens.push({ ...symbol, text: written, start, end: start + written.length, code: false });
      continue;
    }
    const upper = written.toUpperCase();
    if (!ISO_CODES.has(upper)) continue;
    const near = written !== upper || WORDLIKE_CODES.has(upper);
    if (written !== upper && WORDLIKE_CODES.has(upper)) continue;
    tokens.push({ isos: [upper], near, text: written, start, end: start + 3, code: true });
  }
  return mergeCodeDollar(text, tokens);
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
