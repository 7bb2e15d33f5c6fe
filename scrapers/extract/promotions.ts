import type { CheerioAPI } from 'cheerio';
import { isHidden, isInChrome, isInRelatedArea } from './page-areas.ts';
import type { PageIndex, TextBox } from './page-index.ts';
import { countPrices } from './price-text.ts';
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

/** Promotion texts shown in the main product area: the shortest text of each badge, in page order, at most five. */
export function findPromotions($: CheerioAPI, index: PageIndex, area: MainArea): string[] {
  const matches = index.boxes.filter((box) => {
    if (box.index < area.from || box.index > area.to || box.text.length > 60 || !PROMO_TEXT.test(box.text) || countPrices(box.text) > 1) return false;
    const el = $(box.el);
    return !isHidden(el) && !isInRelatedArea(el) && !isInChrome(el);
  });
  const chosen: TextBox[] = [];
  for (const box of matches.sort((a, b) => a.text.length - b.text.length)) {
    if (!chosen.some((c) => box.text.includes(c.text) || c.text.includes(box.text))) chosen.push(box);
  }
  return chosen
    .sort((a, b) => a.index - b.index)
    .slice(0, 5)
    .map((b) => b.text);
}
