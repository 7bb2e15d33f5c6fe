import type { Element } from 'domhandler';

/** What a price-looking element's markup and surroundings say about its role. */
export interface PriceRole {
  /** Marked up as a price (class, id, itemprop, data attribute), by the element or one of its nearest ancestors. */
  priceLike: boolean;
  /** Marked up as a price by the element itself or its parent: enough for a number without a currency. */
  ownPriceLike: boolean;
  /** A was / strikethrough / list price. */
  old: boolean;
  /** Not the product's price: shipping, instalment, unit price, savings, totals. */
  other: boolean;
}

const PRICE_WORD = /price|preis|prix|prezzo|precio|preco|preço|cena|cijena|hinta|pris|prijs|amount|fiyat|kaina|cost|money|valor|betrag|tarif/i;

/** Words at the start of a class token (after camelCase is split): "old-price", "priceOld", "was_price". */
const tokenStart = (words: string): RegExp => new RegExp(`(?:^|[-_\\s])(?:${words})`, 'i');
const OLD_WORD = tokenStart(
  'old|was|regular|list-?price|full-?price|barred|strike|crossed|before|original|uvp|rrp|msrp|compare|former|previous|prev-?price|statt|streich|pvp|retail|reference|standard-?price|crossout|line-?through|non-?discount',
);
const OTHER_WORD = tokenStart(
  'shipping|delivery|versand|install?ment|monthly|financ|credit|per-?unit|unit-?price|base-?price|grundpreis|saving|you-?save|save|total|subtotal|deposit|tax|vat|loyalty|points|bonus|coupon|voucher|discount-?amount|club|member|rating|review|stars?|count|qty|quantity|stock',
);

const OLD_TAGS = new Set(['del', 's', 'strike']);

function describe(el: Element): string {
  const a = el.attribs;
  let out = `${a['class'] ?? ''} ${a['id'] ?? ''} ${a['itemprop'] ?? ''} ${a['property'] ?? ''}`;
  for (const name of Object.keys(a)) if (name.startsWith('data-')) out += ` ${name.slice(5)}`;
  return out.replace(/([a-z])([A-Z])/g, '$1-$2');
}

/** Reads the role from the element and its nearest ancestors (the closest say most). */
export function priceRole(el: Element, depth = 4): PriceRole {
  const role: PriceRole = { priceLike: false, ownPriceLike: false, old: false, other: false };
  let node: Element | null = el;
  for (let level = 0; node && level <= depth; level++) {
    const d = describe(node);
    if (OLD_TAGS.has(node.tagName) || /line-through/.test(node.attribs['style'] ?? '') || (level <= 1 && OLD_WORD.test(d))) role.old = true;
    if (PRICE_WORD.test(d)) {
      role.priceLike = true;
      if (level <= 1 && !OTHER_WORD.test(d)) role.ownPriceLike = true;
      if (OLD_WORD.test(d)) role.old = true;
      if (OTHER_WORD.test(d) && level <= 1) role.other = true;
    } else if (level === 0 && OTHER_WORD.test(d)) role.other = true;
    node = node.parent?.type === 'tag' ? node.parent : null;
  }
  return role;
}

/**
 * Legal notes printed next to a gross price ("inkl. MwSt. zzgl. Versandkosten", "plus shipping", "TVA incluse"):
 * they name shipping or VAT without making the price something else.
 */
export const LEGAL_NOTE =
  /(inkl\.?|incl\.?|including|included|zzgl\.?|plus|\+|excl\.?|exkl\.?|hors|sans|ohne|without|w tym|vč\.?|sis\.?|inclusief|incluso|incluido|s)\s*(\p{L}+\.?\s*)?(versand\p{L}*|shipping|livraison|porto|frais de port|dostaw\p{L}*|doprav\p{L}*|spedizione|envío|mwst\.?|vat|tva|iva|btw|dph|áfa|pdv|alv|ust\.?)(\s*(incluse?|inclus|included|inbegriffen))?/giu;

const UNIT_WORDS = [
  '/\\s*(kg|g|l|ml|m|m2|m²|100 ?g|100 ?ml|10 ?ml|st|stk|pcs|szt|db|ks|kom)\\b', 'per (kg|kilo|litre|liter|100|meter|metre)', 'pro (kg|liter|100)', '\\bje (kg|liter|100)',
  'grundpreis', 'unit price', 'prix unitaire', 'prix au (kg|litre)', 'cena jednostkowa', 'egységár', 'jednotková', 'precio por (kg|litro)', 'prezzo al (kg|litro)',
];

/** A price per kg, litre or piece of a pack ("€25.80 / l", "Grundpreis: 5,16 €/kg"): not the price of the pack. */
export const UNIT_PRICE_CONTEXT = new RegExp(UNIT_WORDS.join('|'), 'i');

/** Words around a price that make it something else than the product's price, in several languages. */
export const NOT_THE_PRICE_CONTEXT = new RegExp(
  [
    ...UNIT_WORDS,
    'shipping', 'delivery', 'postage', 'versand', 'lieferung', 'livraison', 'envío', 'envio', 'spedizion', 'verzend', 'dostaw', 'wysyłk', 'szállítás', 'doprav',
    'dostav', 'poštarin', 'frakt', 'toimitus', 'free from', 'orders over', 'ab \\d', 'od \\d', '滿額', '满额', '満額', '滿\\s*\\$?\\d', '满\\s*\\$?\\d',
    '/\\s*(mo|month|monat|mies|mois|mes|mese|hó|měs)', 'x \\d+ ?(months|rat|raten)', '\\d+ ?x ', 'rata', 'raten', 'részlet', 'splátk', 'financ', '每期', '分期', '每月',
    'you save', 'sie sparen', 'oszczędzasz', 'megtakarítás', 'ušetříte', 'économisez', 'ahorras', 'risparmi', 'save',
    'total', 'subtotal', 'gesamt', 'razem', 'összesen', 'celkem', 'ukupno',
    'points', 'punkte', 'punkt', 'pont', 'bod',
    'used', 'occasion', 'gebraucht', 'usato', 'usado', 'używan', 'használt', 'other sellers', 'other offers', 'andere verkäufer', 'autres vendeurs',
  ].join('|'),
  'i',
);

/** "from …" prices: often the cheapest of other offers or variants rather than this one. */
export const FROM_CONTEXT = /(^|\s)(from|ab|od|à partir de|dès|desde|a partire da|vanaf|från|fra|alkaen|începând|από)\s/i;
