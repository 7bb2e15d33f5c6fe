/** A number as written in a price text. */
export interface NumberToken {
  start: number;
  end: number;
  /** Digits, "." and "," only: grouping spaces and apostrophes removed. */
  written: string;
  /** Cents written after a euro sign used as the decimal separator ("35€ 99"). */
  cents?: string;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isSep = (c: string | undefined): boolean => c === '.' || c === ',';
const DASHES = '-–—';

/**
 * Finds the numbers of a (normalised) price text: thousands grouped with ".", ",", "'" or spaces
 * ("1 234,56", "CHF 1'299.50"), a stray space after the decimal separator ("1.837, 32"),
 * ",-" for whole amounts ("1.299,-"), a bare leading separator (".75").
 */
export function scanNumbers(text: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  let i = 0;
  while (i < text.length) {
    const startsHere =
      isDigit(text[i]) || (isSep(text[i]) && !isDigit(text[i - 1]) && /^[.,]*\d/.test(text.slice(i, i + 4)));
    if (!startsHere) {
      i++;
      continue;
    }
    const token = scanOne(text, i);
    tokens.push(token);
    i = token.end;
  }
  return tokens;
}

function scanOne(text: string, start: number): NumberToken {
  let j = start;
  let written = '';
  while (isSep(text[j])) written += text[j++];
  let group = 0;
  let spacedOnly = true;
  for (;;) {
    if (isDigit(text[j])) {
      written += text[j++];
      group++;
      continue;
    }
    const c = text[j];
    if ((isSep(c) || c === "'") && isDigit(text[j + 1])) {
      if (c !== "'") written += c;
      spacedOnly = false;
      group = 0;
      j++;
      continue;
    }
    if (c === ' ' && spacedOnly && group <= 3 && /^ \d{3}(?!\d)/.test(text.slice(j, j + 5))) {
      group = 0;
      j++;
      continue;
    }
    if (isSep(c) && /^ \d\d(?!\d|[.,] ?\d)/.test(text.slice(j + 1, j + 7))) {
      written += c + text.slice(j + 2, j + 4);
      j += 4;
      break;
    }
    if (isSep(c) && DASHES.includes(text[j + 1] ?? 'x')) j += 2;
    break;
  }
  const euro = /^€ ?(\d\d)(?![\d]|[.,]\d)/.exec(text.slice(j, j + 6));
  if (euro && !/[.,]\d{1,2}$/.test(written) && text.split('€').length === 2) {
    return { start, end: j + euro[0].length, written, cents: euro[1] };
  }
  return { start, end: j, written };
}
