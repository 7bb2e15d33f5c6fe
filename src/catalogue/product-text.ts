import iconv from 'iconv-lite';
import { SPACED_UNIT } from './quantities.ts';

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', reg: '®', trade: '™' };

/** Decodes the HTML entities shops leave in feed text (`&amp;`, `&nbsp;`, `&#8482;`, `&#x2122;`). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const MOJIBAKE = /[ÃÂâ][\u0080-\u00BF\u0152-\u02DC\u2013-\u2122]/;

/** Undoes UTF-8 text that was decoded as Windows-1252 (once or twice): "ZiplocÃ‚Â®" → "Ziploc®". */
export function repairMojibake(text: string): string {
  let current = text;
  for (let round = 0; round < 3 && MOJIBAKE.test(current); round++) {
    const repaired = iconv.decode(iconv.encode(current, 'windows-1252'), 'utf8');
    if (repaired.includes('\uFFFD')) break;
    current = repaired;
  }
  return current;
}

/** Lower case without diacritics, entities decoded, mojibake repaired: "Černá Dóza" → "cerna doza". */
export function foldText(text: string): string {
  return repairMojibake(decodeEntities(text))
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/ß/g, 'ss')
    .toLowerCase();
}

/** Hyphens and slashes inside a code with digits go, so "TX-55JX940E" and "TX55JX940E" give one word. */
const CODE_SEPARATOR = /\b([a-z]*\d[a-z0-9]*|[a-z]+)[-/](?=[a-z]*\d)/g;

/** Words and numbers of folded text: a decimal comma becomes a point ("0,8" → "0.8"), codes are kept whole, "150 g" is "150g". */
export function wordsOf(folded: string): string[] {
  return folded
    .replace(/(\d),(\d)/g, '$1.$2')
    .replace(CODE_SEPARATOR, '$1')
    .replace(SPACED_UNIT, '$1$2')
    .split(/[^a-z0-9.]+|\.(?!\d)|(?<!\d)\./)
    .filter((w) => w !== '');
}

/** A crude stem that lets Czech and English inflections meet: "cerna"/"cerny" → "cern", "bags" → "bag". */
export function stem(word: string): string {
  if (/\d/.test(word) || word.length <= 3) return word;
  const cut = word.replace(/(ov[aeiyu]|ymi|ami|ich|ych|emi|es|ie|ou|em|ch|[aeiouy]|s)$/, '');
  return cut.length >= 3 ? cut : word;
}
