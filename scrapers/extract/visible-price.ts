import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { compareDecimals } from '../price/decimal.ts';
import type { PageContext } from './found.ts';
import type { Anchors } from './page-anchors.ts';
import { isHidden, isInChrome, isInRelatedArea } from './page-areas.ts';
import type { PageIndex, TextBox } from './page-index.ts';
import { countPrices, labelledWas, readPrice } from './price-text.ts';
import { taxSide } from './tax-context.ts';
import { FROM_CONTEXT, LEGAL_NOTE, NOT_THE_PRICE_CONTEXT, priceRole, UNIT_PRICE_CONTEXT } from './price-roles.ts';

export interface VisiblePrice {
  price: string;
  currency: string | null;
  regularPrice: string | null;
  /** Every struck-through amount shown next to the price. */
  oldPrices: string[];
  /** Amounts shown as the same price on the other side of VAT (the net one for consumers, the gross one for B2B shops). */
  otherTaxPrices: string[];
  /** How sure the heuristics are, and how much each other amount shown as a current price scored. */
  score: number;
  scores: Map<string, number>;
  index: number;
}

interface Candidate {
  box: TextBox;
  amount: string;
  currency: string | null;
  score: number;
  old: boolean;
  /** Shown as the price on the side of VAT the shopper does not pay. */
  otherTax: boolean;
  /** A price per kg or litre. */
  unit: boolean;
}

const MAX_PRICE_TEXT = 48;

/** Containers of the main product's buy box and details. */
const MAIN_AREA_TOKEN = /^(buy-?box|buybox\w*|pdp\w*|product-?(detail|details|info|main|summary|essential|shop|buy|offer|price|top)\w*|add-?to-?cart\w*|purchase\w*)$/i;

function proximity(index: number, anchor: number | null, after: number, before: number): number {
  if (anchor === null) return 0;
  const d = index - anchor;
  return d >= 0 ? Math.exp(-d / after) : Math.exp(d / before);
}

const withoutNotes = (text: string): string => text.replace(LEGAL_NOTE, ' ');

function isInside(inner: Element, outer: Element): boolean {
  for (let p = inner.parent; p; p = p.parent) if (p === outer) return true;
  return false;
}

function upTo(el: Element, levels: number): Element[] {
  const out: Element[] = [];
  for (let p: Element | null = el; p && out.length <= levels; p = p.parent?.type === 'tag' ? p.parent : null) out.push(p);
  return out;
}

const bigFont = (el: Element): boolean =>
  upTo(el, 2).some((e) => Number(/font(?:-size)?\s*:[^;]*?(\d+)px/i.exec(e.attribs['style'] ?? '')?.[1] ?? 0) >= 18);

const inMainArea = (el: Element): boolean =>
  upTo(el, 10).some((e) => `${e.attribs['class'] ?? ''} ${e.attribs['id'] ?? ''}`.split(/[\s_]+/).some((t) => MAIN_AREA_TOKEN.test(t)));

/** Every price-looking text of the page with a score for being the main product's current price. */
function candidates($: CheerioAPI, index: PageIndex, anchors: Anchors, ctx: PageContext): Candidate[] {
  const out: Candidate[] = [];
  const total = Math.max(1, index.order.size);
  // The page's address settles an ambiguous sign by its country domain ("$" on a .cl shop, "元" on a .tw one).
  const hints = { locale: ctx.locale, currency: ctx.currency, hint: ctx.url };
  for (const box of index.boxes) {
    if (box.text.length > MAX_PRICE_TEXT || !/\d/.test(box.text)) continue;
    const role = priceRole(box.el);
    const read = readPrice(box.text, hints);
    if (!read || read.amount === '0' || (!read.currencyText && !role.ownPriceLike)) continue;
    if (countPrices(box.text, hints) > 1 || box.text.includes('=')) continue;
    const parent = box.el.parent?.type === 'tag' ? index.textOf.get(box.el.parent) : undefined;
    const el = $(box.el);
    let score = (role.priceLike ? 3 : 0) + (read.currencyText ? 2 : 0);
    if (role.other) score -= 6;
    if (NOT_THE_PRICE_CONTEXT.test(withoutNotes(box.text)) || NOT_THE_PRICE_CONTEXT.test(withoutNotes(parent ?? ''))) score -= 4;
    if (FROM_CONTEXT.test(parent ?? box.text)) score -= 1.5;
    const otherTax = (taxSide(box.text) ?? taxSide(parent ?? '')) === (ctx.b2b ? 'gross' : 'net');
    if (otherTax) score -= 4;
    if (isInRelatedArea(el)) score -= 6;
    if (isInChrome(el)) score -= 6;
    if (isHidden(el)) score -= 2;
    if (bigFont(box.el)) score += 1;
    if (inMainArea(box.el)) score += 1;
    score += 3 * proximity(box.index, anchors.titleIndex, 250, 120);
    score += 2 * proximity(box.index, anchors.buyIndex, 120, 250);
    score -= box.index / total;
    out.push({ box, amount: read.amount, currency: read.currency, score, old: role.old || labelledWas(box.text, read.amount, hints), otherTax, unit: UNIT_PRICE_CONTEXT.test(box.text) });
  }
  // A box around a struck-through price is that old price, whatever its own markup says.
  const olds = out.filter((c) => c.old);
  for (const c of out) if (!c.old && olds.some((o) => o.amount === c.amount && isInside(o.box.el, c.box.el))) c.old = true;
  return out;
}

/**
 * The main product's visible price: price-looking texts (a unit price only when there is no other) scored by markup (price classes, currency
 * signs), by nearness to the title and the buy button, and against related products, page chrome,
 * shipping thresholds, instalments and the price on the other side of VAT (net for consumers, gross for B2B). A was/strikethrough price nearby becomes the regular price.
 */
export function findVisiblePrice($: CheerioAPI, index: PageIndex, anchors: Anchors, ctx: PageContext): VisiblePrice | null {
  const found = candidates($, index, anchors, ctx);
  // A unit price is never the price of a pack; it is the price only where nothing else is priced (fuel per litre).
  const packs = found.filter((c) => !c.unit);
  const all = packs.length ? packs : found;
  const current = all.filter((c) => !c.old).sort((a, b) => b.score - a.score);
  const topOld = all.filter((c) => c.old).sort((a, b) => b.score - a.score)[0];
  // A lone "old" price far ahead of any current one is the shop's markup for its only price.
  const best = topOld && topOld.score - (current[0]?.score ?? 0) >= 3 ? { ...topOld, old: false } : current[0];
  if (!best || best.score < 2.5) return null;
  const olds = all
    .filter((c) => c.old && Math.abs(c.box.index - best.box.index) < 60 && compareDecimals(c.amount, best.amount) > 0 && c.score > 1)
    .sort((a, b) => Math.abs(a.box.index - best.box.index) - Math.abs(b.box.index - best.box.index));
  return {
    price: best.amount,
    currency: best.currency,
    regularPrice: olds[0]?.amount ?? null,
    oldPrices: [...new Set(olds.map((c) => c.amount))],
    otherTaxPrices: [...new Set(all.filter((c) => c.otherTax && !c.old && Math.abs(c.box.index - best.box.index) < 60).map((c) => c.amount))],
    score: best.score,
    scores: new Map([...current].reverse().map((c) => [c.amount, c.score])),
    index: best.box.index,
  };
}
