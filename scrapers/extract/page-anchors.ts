import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { isHidden, isInChrome, isInRelatedArea } from './page-areas.ts';
import type { PageIndex } from './page-index.ts';

/** Landmarks of the main product on a page: its title and its buy button, with their document positions. */
export interface Anchors {
  title: Element | null;
  titleText: string | null;
  titleIndex: number | null;
  buyIndex: number | null;
  /** Every buy button of the page is disabled: nothing can be bought. */
  buyDisabled: boolean;
  /** The buy button nearest the title is shown and enabled: the page sells the product. */
  buyEnabled: boolean;
}

/** Buy-button texts in many languages, as whole words. */
const BUY = new RegExp(
  `(?<!\\p{L})(${[
    'add to (cart|bag|basket|trolley)', 'buy now', 'buy it now', 'add to shopping', 'in den warenkorb', 'in den einkaufswagen', 'warenkorb', 'jetzt kaufen',
    'do koszyka', 'kup teraz', 'kosárba', 'a kosárba', 'do košíku', 'do košíka', 'do košarice', 'u košaricu', 'v košarico', 'ajouter au panier', 'acheter',
    'añadir al carrito', 'añadir a la cesta', 'comprar', 'aggiungi al carrello', 'acquista', 'in winkelwagen', 'in winkelmand', 'lägg i varukorgen', 'köp',
    'læg i kurv', 'legg i handlekurv', 'lisää ostoskoriin', 'osta', 'adaugă în coș', 'adauga in cos', 'cumpără', 'προσθήκη στο καλάθι', 'в корзину', 'купить',
    'sepete ekle', 'satın al', 'kupi', 'koupit', 'kúpiť', 'vásárlás', 'place bid', 'make offer',
  ].join('|')})(?!\\p{L})`,
  'iu',
);

const TITLE_CLASS = /product[-_]?(title|name|heading)|productname|item[-_]?(title|name)|pdp[-_]?(title|name)/i;

const words = (s: string): Set<string> => new Set(s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1));

export function nameSimilarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return common / Math.min(x.size, y.size);
}

const textOf = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** An h1 that is the shop's logo: a link to the home page or an image with little text. */
function isLogo($: CheerioAPI, el: Element): boolean {
  const h = $(el);
  const home = h.find('a[href]').toArray().some((a) => /^(\/|https?:\/\/[^/]+\/?)$/.test(a.attribs['href'] ?? ''));
  return home || (h.find('img, svg').length > 0 && textOf(h.text()).length < 30);
}

/**
 * The main product's title: among the h1s (not a logo) and elements marked as product titles, the one that
 * best matches the names the page gives itself; an h1 wins a tie.
 */
function findTitle($: CheerioAPI, names: string[]): Element | null {
  const usable = (el: Element, maxLength: number): boolean => {
    const t = textOf($(el).text());
    return t.length > 1 && t.length < maxLength && !isInChrome($(el)) && !isInRelatedArea($(el));
  };
  const h1s = $('h1')
    .toArray()
    .filter((el) => usable(el, 400) && !isLogo($, el));
  const marked = $('[class], [id], [itemprop="name"]')
    .toArray()
    .filter((el) => el.tagName !== 'h1' && (TITLE_CLASS.test(`${el.attribs['class'] ?? ''} ${el.attribs['id'] ?? ''}`) || el.attribs['itemprop'] === 'name'))
    .filter((el) => usable(el, 300));
  let best: Element | null = null;
  let bestScore = -1;
  for (const el of [...h1s, ...marked]) {
    const text = textOf($(el).text());
    const score = Math.max(0, ...names.map((n) => nameSimilarity(text, n))) + (el.tagName === 'h1' ? 0.3 : 0);
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best;
}

/** The clickable element a buy text belongs to; null for a container around one (a form, a wrapper). */
function controlOf($: CheerioAPI, el: Element): Element | null {
  const own = $(el).closest('button, a, input, [role="button"]')[0] as Element | undefined;
  if (own) return own;
  return $(el).find('button, a, input, [role="button"]').length ? null : el;
}

/** A buy control that cannot be used: disabled, aria-disabled, or styled as disabled. */
function isDisabled(control: Element): boolean {
  const a = control.attribs;
  return a['disabled'] !== undefined || a['aria-disabled'] === 'true' || /(^|\s)(is-|btn-|button--)?disabled(\s|$)/i.test(a['class'] ?? '');
}

export function findAnchors($: CheerioAPI, index: PageIndex, names: string[]): Anchors {
  const title = findTitle($, names);
  const titleIndex = title ? (index.order.get(title) ?? null) : null;
  const buttons = index.boxes.filter((b) => BUY.test(b.text) && b.text.length < 60 && !isInRelatedArea($(b.el)) && !isInChrome($(b.el)));
  const inputs = $('input[type="submit"], input[type="button"]')
    .toArray()
    .filter((el) => BUY.test(el.attribs['value'] ?? '') && !isInRelatedArea($(el)) && !isHidden($(el)));
  const controls = [...new Set([...buttons.map((b) => controlOf($, b.el)), ...inputs])]
    .filter((el): el is Element => el !== null)
    .map((el) => ({ el, index: index.order.get(el) ?? 0 }));
  const distance = (i: number): number => (titleIndex === null ? i : Math.abs(i - titleIndex));
  const nearest = controls.reduce<(typeof controls)[number] | null>((best, c) => (best === null || distance(c.index) < distance(best.index) ? c : best), null);
  return {
    title,
    titleText: title ? textOf($(title).text()) : null,
    titleIndex,
    buyIndex: nearest?.index ?? null,
    buyDisabled: controls.length > 0 && controls.every((c) => isDisabled(c.el)),
    buyEnabled: nearest !== null && !isDisabled(nearest.el),
  };
}
