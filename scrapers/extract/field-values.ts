import { normaliseDecimal } from '../price/decimal.ts';

/**
 * The first number in a text as a decimal string: "1 234,5" → "1234.5"; "1,234.5" → "1234.5"; "30" → "30". With both separators the last one is the decimal one; a lone separator followed by exactly
 * three digits groups thousands, otherwise it is the decimal one.
 */
export function readNumber(text: string): string | null {
  const m = /([-+−]?)(\d[\d\s\u00a0\u202f.,']*)/.exec(text);
  if (!m?.[2]) return null;
  const raw = m[2].replace(/[\s\u00a0\u202f.,']+$/, '').replace(/[\s\u00a0\u202f']/g, '');
  const lastDot = raw.lastIndexOf('.');
  const lastComma = raw.lastIndexOf(',');
  let int = raw;
  let frac = '';
  const decimalAt = Math.max(lastDot, lastComma);
  if (decimalAt >= 0) {
    const sep = raw[decimalAt] as string;
    const both = lastDot >= 0 && lastComma >= 0;
    const once = raw.indexOf(sep) === decimalAt;
    const grouping = !both && (!once || raw.length - decimalAt - 1 === 3);
    if (!grouping) {
      int = raw.slice(0, decimalAt);
      frac = raw.slice(decimalAt + 1);
    }
  }
  const digits = `${int.replace(/[.,]/g, '')}${frac ? `.${frac}` : ''}`;
  const value = normaliseDecimal(digits);
  if (value === null) return null;
  return m[1] && value !== '0' ? `-${value}` : value;
}

/** Time units in several languages → their length in days. */
const UNITS: [RegExp, number][] = [
  [/^(h|hrs?|hours?|std|stunden?|godz\p{L}*|óra|órá\p{L}*|hod\p{L}*|sat[ia]?|heures?|horas?|or[ae]|uur|timm\p{L}*|tunti\p{L}*|ώρες|ore)$/iu, 1 / 24],
  [/^(w|wks?|weeks?|wochen?|tydzień|tygodni\p{L}*|hét\p{L}*|týd\p{L}*|tjed\p{L}*|semaines?|semanas?|settiman[ae]|we[e]?k(en)?|veck\p{L}*|viiko\p{L}*|uge|uger|uke|uker)$/iu, 7],
  [/^(months?|mo|monat\p{L}*|mies\p{L}*|hónap\p{L}*|měsíc\p{L}*|mesec\p{L}*|mjesec\p{L}*|mois|mes(es)?|mes[ei]|maand\p{L}*|månad\p{L}*|måned\p{L}*|kuukau\p{L}*|luni|lună|μήνες)$/iu, 30],
  [/^(y|yrs?|years?|jahre?n?|rok|lat[a]?|év\p{L}*|roky|let|godin\p{L}*|ans?|années?|años?|anni|anno|jaar|år|vuo\p{L}*|ani)$/iu, 365],
  [/^(d|days?|tag\p{L}*|dzień|dni|nap\p{L}*|den|dny|dní|dan[a]?|jours?|días?|dias?|giorn[oi]|dag\p{L}*|päiv\p{L}*|zile|zi|ημέρες|μέρες|дн\p{L}*)$/iu, 1],
];

/** "30 days", "30 Tage", "30 dni", "2 weeks", "24 h", "1 month" → days as a decimal string ("30", "14", "1"). */
export function readDuration(text: string): string | null {
  const m = /(\d+(?:[.,]\d+)?)\s*([\p{L}]+)?/u.exec(text);
  if (!m?.[1]) return null;
  const amount = Number(m[1].replace(',', '.'));
  const unit = m[2] ? UNITS.find(([re]) => re.test(m[2] as string)) : undefined;
  if (m[2] && !unit) return readNumber(m[1]);
  const days = amount * (unit?.[1] ?? 1);
  return String(Math.round(days * 10_000) / 10_000);
}

const YES = /^(yes|y|true|ja|tak|igen|ano|áno|da|oui|sí|si|sim|kyllä|evet|ναι|да|так|included|inklusive|inkl\.?|✓|✔|☑|1)$/i;
const NO = /^(no|n|false|nein|nie|nem|ne|non|não|nee|nej|ei|hayır|όχι|нет|ні|none|keine?|brak|nincs|žádné|✗|✘|☐|0|-|—)$/i;

/** Yes/no words in several languages; any other matched text means the thing is present (true). */
export function readBoolean(text: string): boolean {
  const t = text.trim().replace(/[.!]$/, '');
  if (NO.test(t)) return false;
  if (YES.test(t)) return true;
  const first = t.split(/[\s,;:]+/)[0] ?? '';
  return !NO.test(first);
}
