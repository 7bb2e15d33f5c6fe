import type { CheerioAPI } from 'cheerio';
import { compareDecimal } from './decimal.ts';
import type { PageContext } from './found.ts';
import type { Anchors } from './page-anchors.ts';
import { isHidden, isInChrome, isInRelatedArea } from './page-areas.ts';
import type { PageIndex, TextBox } from './page-index.ts';
import { readPrice } from './price-text.ts';
import { NOT_THE_PRICE_CONTEXT, priceRole } from './price-roles.ts';

export interface VisiblePrice {
  price: string;
  currency: string | null;
  regularPrice: string | null;
  index: number;
}

interface Candidate {
  box: TextBox;
  amount: string;
  currency: string | null;
  score: number;
  old: boolean;
}

const CURRENCY_SIGN = /[$€£¥₹₽₴₺₪₩₫₱฿¢]|\b(zł|zl|ft|kč|kc|kn|lei|lev|лв|kr|sek|nok|dkk|chf|fr|eur|usd|gbp|pln|huf|czk|hrk|ron|bgn|rsd|din|rs|tl|руб|грн|r\$)(?![\p{L}])/iu;
const MAX_PRICE_TEXT = 48;

function proximity(index: number, anchor: number | null, after: number, before: number): number {
  if (anchor === null) return 0;
  const d = index - anchor;
  return d >= 0 ? Math.exp(-d / after) : Math.exp(d / before);
}

function candidates($: CheerioAPI, index: PageIndex, anchors: Anchors, ctx: PageContext): Candidate[] {
  const out: Candidate[] = [];
  const total = Math.max(1, index.order.size);
  for (const box of index.boxes) {
    if (box.text.length > MAX_PRICE_TEXT || !/\d/.test(box.text)) continue;
    const parent = box.el.parent;
    const role = priceRole(box.el);
    const hasSign = CURRENCY_SIGN.test(box.text);
    if (!hasSign && !role.priceLike) continue;
    const read = readPrice(box.text, { locale: ctx.locale, currency: ctx.currency });
    if (!read || read.amount === '0') continue;
    const el = $(box.el);
    let score = (role.priceLike ? 3 : 0) + (hasSign ? 2 : 0);
    if (role.other) score -= 4;
    if (NOT_THE_PRICE_CONTEXT.test(box.text) || (parent?.type === 'tag' && NOT_THE_PRICE_CONTEXT.test(index.textOf.get(parent) ?? ''))) score -= 4;
    if (isInRelatedArea(el)) score -= 6;
    if (isInChrome(el)) score -= 6;
    if (isHidden(el)) score -= 2;
    score += 3 * proximity(box.index, anchors.titleIndex, 250, 120);
    score += 2 * proximity(box.index, anchors.buyIndex, 120, 250);
    score -= box.index / total;
    out.push({ box, amount: read.amount, currency: read.currency, score, old: role.old });
  }
  return out;
}

/**
 * The main product's visible price: price-looking texts scored by markup (price classes, currency
 * signs), by nearness to the title and the buy button, and against related products, page chrome,
 * shipping thresholds, unit prices and instalments. A was/strikethrough price nearby becomes the regular price.
 */
export function findVisiblePrice($: CheerioAPI, index: PageIndex, anchors: Anchors, ctx: PageContext): VisiblePrice | null {
  const all = candidates($, index, anchors, ctx);
  const current = all.filter((c) => !c.old).sort((a, b) => b.score - a.score);
  const best = current[0];
  if (!best || best.score < 2.5) return null;
  const regular = all
    .filter((c) => c.old && Math.abs(c.box.index - best.box.index) < 60 && compareDecimal(c.amount, best.amount) > 0 && c.score > 1)
    .sort((a, b) => Math.abs(a.box.index - best.box.index) - Math.abs(b.box.index - best.box.index))[0];
  return { price: best.amount, currency: best.currency, regularPrice: regular?.amount ?? null, index: best.box.index };
}
