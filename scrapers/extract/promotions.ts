import type { CheerioAPI } from 'cheerio';
import { isHidden, isInChrome, isInRelatedArea } from './page-areas.ts';
import type { PageIndex } from './page-index.ts';
import type { MainArea } from './visible-stock.ts';

/** Badge and promotion texts: "-20 %", "20% off", "2 for 1", "3+1 gratis", coupon codes, in several languages. */
const PROMO_TEXT = new RegExp(
  [
    '^[-−–]\\s?\\d{1,2}([.,]\\d)?\\s?%',
    '\\d{1,2}\\s?%\\s?(off|rabatt|taniej|kedvezmény|sleva|popust|remise|de descuento|dto|sconto|korting|alennus|rabat|reducere|έκπτωση)',
    '(save|spare|oszczędź|spórolj|ušetři|économisez|ahorra|risparmia|bespaar)\\s?\\d',
    '\\b\\d\\s?(for|für|za|pour|per|por|voor|för)\\s?\\d\\b',
    '\\b\\d\\s?\\+\\s?\\d\\s?(gratis|free|zdarma|ingyen|za darmo|offert)',
    '(coupon|kupon|kuponkód|gutschein(code)?|voucher|promo ?code|discount code|rabattcode|kod rabatowy|code promo|código (promocional|de descuento)|codice (sconto|promo)|slevový kód|kod za popust|cupom|cupón)\\s?:?\\s?[A-Z0-9]{4,}',
  ].join('|'),
  'i',
);

/** Promotion texts shown in the main product area, deduplicated, at most five. */
export function findPromotions($: CheerioAPI, index: PageIndex, area: MainArea): string[] {
  const seen = new Set<string>();
  for (const box of [...index.boxes].sort((a, b) => a.index - b.index)) {
    if (box.index < area.from || box.index > area.to || box.text.length > 60 || !PROMO_TEXT.test(box.text)) continue;
    const el = $(box.el);
    if (isHidden(el) || isInRelatedArea(el) || isInChrome(el)) continue;
    if ([...seen].some((s) => s.includes(box.text) || box.text.includes(s))) continue;
    seen.add(box.text);
    if (seen.size === 5) break;
  }
  return [...seen];
}
