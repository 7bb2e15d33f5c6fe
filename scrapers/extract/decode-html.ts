import iconv from 'iconv-lite';

/** WHATWG: these labels all mean windows-1252 in browsers. */
const WINDOWS_1252_ALIASES = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'cp819', 'ibm819', 'iso_8859-1']);

const CENTRAL_EUROPEAN_LANGS = new Set(['pl', 'cs', 'sk', 'hu', 'hr', 'sl', 'ro', 'bs', 'sq', 'sr']);
const CYRILLIC_LANGS = new Set(['ru', 'uk', 'bg', 'be', 'mk']);

/**
 * Letters that are common in the languages each single-byte encoding is used for; a decoding that
 * yields many of them inside words is more plausible than one yielding symbols or rare letters.
 */
const COMMON_LETTERS: Record<string, string> = {
  'windows-1252': 'éèàáíóúüöäßñçêâôîûëïãõåæøùò',
  'windows-1250': 'ąćęłńóśźżčďěňřšťůžőűáéíúýöüäôľĺăâîșțşţđ',
  'iso-8859-2': 'ąćęłńóśźżčďěňřšťůžőűáéíúýöüäôľĺăâîșțşţđ',
};

/** UTF-7 can smuggle markup past a filter as plain ASCII ("+ADw-script+AD4-"); browsers refuse it, and so do we (the page decodes as undeclared). */
const REFUSED = /^(x-)?(utf-?7|unicode-1-1-utf-7|csunicode11utf7)(-?imap)?$/;

function normaliseLabel(label: string): string | null {
  const l = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (!l || REFUSED.test(l)) return null;
  if (WINDOWS_1252_ALIASES.has(l)) return 'windows-1252';
  if (l === 'utf8' || l === 'unicode-1-1-utf-8') return 'utf-8';
  return iconv.encodingExists(l) ? l : null;
}

function charsetFromContentType(header: string | undefined): string | null {
  const m = header ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(header) : null;
  return m?.[1] ? normaliseLabel(m[1]) : null;
}

/** The prescan of the HTML spec, simplified: `<meta charset>` or an http-equiv Content-Type in the first bytes. */
function charsetFromMeta(head: string): string | null {
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?([\w.:-]+)/i.exec(tag);
    if (direct?.[1]) {
      const label = normaliseLabel(direct[1]);
      // A page saved as UTF-16 cannot describe itself in ASCII; browsers treat that declaration as UTF-8.
      if (label) return label.startsWith('utf-16') ? 'utf-8' : label;
    }
  }
  return null;
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  return null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Scores how plausible a decoded text is: letters inside words are good, symbols or control characters there are bad. */
function plausibility(text: string, common: string): number {
  let score = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const code = c.charCodeAt(0);
    if (code < 0xa1) {
      if (code >= 0x80 && code < 0xa0) score -= 10;
      continue;
    }
    if (c === '\ufffd') {
      score -= 10;
      continue;
    }
    const nearLetter = /\p{L}/u.test(text[i - 1] ?? '') || /\p{L}/u.test(text[i + 1] ?? '');
    if (/\p{L}/u.test(c)) score += (nearLetter ? 1 : 0) + (common.includes(c) ? 2 : 0);
    else if (nearLetter) score -= 3;
  }
  return score;
}

function detectSingleByte(bytes: Uint8Array, lang: string | null): string {
  let candidates = ['windows-1252', 'windows-1250', 'iso-8859-2'];
  if (lang && CENTRAL_EUROPEAN_LANGS.has(lang)) candidates = ['windows-1250', 'iso-8859-2'];
  else if (lang && CYRILLIC_LANGS.has(lang)) return 'windows-1251';
  else if (lang === 'el') return 'windows-1253';
  let best = candidates[0] as string;
  let bestScore = -Infinity;
  for (const encoding of candidates) {
    const score = plausibility(iconv.decode(Buffer.from(bytes), encoding), COMMON_LETTERS[encoding] ?? '');
    if (score > bestScore) {
      best = encoding;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Decodes a fetched HTML body: a byte-order mark wins, then the HTTP charset, then `<meta charset>` /
 * http-equiv, then detection (valid UTF-8, else the most plausible of windows-1252, windows-1250 and
 * ISO-8859-2, guided by `<html lang>`).
 */
export function decodeHtml(bytes: Uint8Array, contentTypeHeader?: string): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = bomEncoding(bytes);
  if (bom) return iconv.decode(buffer.subarray(bom.length), bom.encoding);
  const head = buffer.subarray(0, 16_384).toString('latin1');
  const declared = charsetFromContentType(contentTypeHeader) ?? charsetFromMeta(head);
  if (declared) return iconv.decode(buffer, declared);
  if (isValidUtf8(bytes)) return buffer.toString('utf8');
  const lang = /<html\b[^>]*\blang\s*=\s*["']?([a-z]{2,3})/i.exec(head)?.[1]?.toLowerCase() ?? null;
  return iconv.decode(buffer, detectSingleByte(bytes, lang));
}
