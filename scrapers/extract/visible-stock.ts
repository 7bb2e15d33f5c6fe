import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { Availability } from '../offer.ts';
import { isHidden, isInChrome, isInRelatedArea } from './page-areas.ts';
import type { PageIndex } from './page-index.ts';
import { stockStatement } from './stock-phrases.ts';

/** Class tokens of variant pickers: they say "sold out" about one size or colour, not about the product. */
const VARIANT_TOKEN =
  /^(sizes?|size-?(picker|select|selector|list|option|item|button)s?|variants?|variations?|variant-?\w+|swatch(es)?|swatch-?\w+|colou?r-?(picker|select|selector|list|swatch|option)s?|options?|option-?(list|item|value)s?|groesse|größe|tailles?|tallas?|tagli[ae]|rozmiary?|meret|velikost)$/i;

export interface MainArea {
  from: number;
  to: number;
}

const isVariantElement = (el: Element): boolean => `${el.attribs['class'] ?? ''} ${el.attribs['id'] ?? ''}`.split(/[\s_]+|--/).some((t) => VARIANT_TOKEN.test(t));

function inVariantPicker(el: Element): boolean {
  for (let p: Element | null = el, level = 0; p && level < 6; level++, p = p.parent?.type === 'tag' ? p.parent : null) {
    if (p.tagName === 'label' || isVariantElement(p)) return true;
  }
  return false;
}

const QUANTITY = /qty|quantity|menge|ilo[sś]|mennyis|množstv|quantit|cantidad/i;

/**
 * A size, colour or option choice shown in the main area (a select, radio buttons, a picker): a buy
 * button may be disabled only until the shopper makes it. Quantity selects do not count.
 */
export function hasVariantPicker($: CheerioAPI, index: PageIndex, area: MainArea): boolean {
  for (const [el, i] of index.order) {
    if (i < area.from || i > area.to) continue;
    const choice = el.tagName === 'select' || (el.tagName === 'input' && el.attribs['type'] === 'radio') || isVariantElement(el);
    if (!choice || QUANTITY.test(`${el.attribs['name'] ?? ''} ${el.attribs['id'] ?? ''} ${el.attribs['class'] ?? ''}`)) continue;
    if (!isHidden($(el)) && !isInRelatedArea($(el)) && !isInChrome($(el))) return true;
  }
  return false;
}

/** The text around a box (its nearest ancestor that adds text), where "No disponible" may turn out to be about pickup in store. */
function surroundings(index: PageIndex, el: Element, own: string): string {
  for (let p = el.parent, level = 0; p?.type === 'tag' && level < 3; p = p.parent, level++) {
    const text = index.textOf.get(p);
    if (text === undefined) return '';
    if (text.length > own.length) return text;
  }
  return '';
}

/** The main product area in document order: around its title, price and buy button. */
export function mainArea(anchors: (number | null)[]): MainArea | null {
  const known = anchors.filter((a): a is number => a !== null);
  if (!known.length) return null;
  return { from: Math.min(...known) - 40, to: Math.max(...known) + 200 };
}

/** What the visible main product area says about stock; an out-of-stock phrase there wins over any in-stock one. */
export function findVisibleStock($: CheerioAPI, index: PageIndex, area: MainArea): Availability | null {
  let result: Availability | null = null;
  for (const box of index.boxes) {
    if (box.index < area.from || box.index > area.to || box.text.length > 160) continue;
    const stock = stockStatement(box.text, surroundings(index, box.el, box.text));
    if (!stock || (result === 'OutOfStock' && stock === 'InStock')) continue;
    const el = $(box.el);
    if (isHidden(el) || isInRelatedArea(el) || isInChrome(el) || inVariantPicker(box.el)) continue;
    result = stock;
  }
  return result;
}
