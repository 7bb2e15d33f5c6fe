import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { Availability } from '../offer.ts';
import { isHidden, isInChrome, isInRelatedArea } from './page-areas.ts';
import type { PageIndex } from './page-index.ts';
import { stockFromText } from './stock-phrases.ts';

/** Variant pickers say "sold out" about one size or colour, not about the product. */
const VARIANT_AREA = /size|variant|swatch|colou?r|option|groesse|größe|taille|talla|taglia|rozmiar|méret|velikost|velicina|veličina/i;

export interface MainArea {
  from: number;
  to: number;
}

function inVariantPicker(el: Element): boolean {
  for (let p: Element | null = el, level = 0; p && level < 6; level++, p = p.parent?.type === 'tag' ? p.parent : null) {
    if (VARIANT_AREA.test(`${p.attribs['class'] ?? ''} ${p.attribs['id'] ?? ''}`) || p.tagName === 'li' || p.tagName === 'label') return true;
  }
  return false;
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
    const stock = stockFromText(box.text);
    if (!stock || (result === 'OutOfStock' && stock === 'InStock')) continue;
    const el = $(box.el);
    if (isHidden(el) || isInRelatedArea(el) || isInChrome(el) || inVariantPicker(box.el)) continue;
    result = stock;
  }
  return result;
}
