import type { PageContext, Found } from './found.ts';
import { cleanBrand, cleanCurrency, cleanGtin, cleanSku, cleanText, compact, schemaAvailability } from './found.ts';
import { readAmount } from './price-text.ts';
import { children, firstText, hasType, texts, type SchemaNode } from './schema-node.ts';

const LIST_PRICE = /StrikethroughPrice|ListPrice|MSRP|RegularPrice|OriginalPrice/i;

interface PriceQuote {
  price?: string;
  regularPrice?: string;
  currency?: string;
}

function amount(node: SchemaNode, ctx: PageContext, currency: string | undefined, ...props: string[]): string | undefined {
  const text = firstText(node, ...props);
  return text ? readAmount(text, { locale: ctx.locale, currency: currency ?? ctx.currency }) : undefined;
}

/** UN/CEFACT codes and words for "one piece": a price per piece is the price, one per kg or litre is a unit price. */
const PIECE = /^(c62|h87|ea|xpp|xpce|pce|pcs?|piece|stk|st|unit|1)$/i;

/** A price specification "per kg", "per litre", "per 100 g": a unit price, never the price. */
function isUnitPrice(spec: SchemaNode): boolean {
  return children(spec, 'referenceQuantity').some((q) => {
    const unit = firstText(q, 'unitCode', 'unitText');
    return unit !== null && !PIECE.test(unit.trim());
  });
}

/**
 * Reads an Offer (or AggregateOffer): its own price, else its price specifications (never a unit price
 * such as "per kg"), else the low price; a strikethrough or list price as the regular price.
 */
function quote(offer: SchemaNode, ctx: PageContext): PriceQuote {
  const currency = cleanCurrency(firstText(offer, 'priceCurrency', 'currency'));
  const q: PriceQuote = { currency, price: amount(offer, ctx, currency, 'price', 'salePrice') };
  for (const spec of children(offer, 'priceSpecification')) {
    if (isUnitPrice(spec)) continue;
    const specCurrency = cleanCurrency(firstText(spec, 'priceCurrency')) ?? currency;
    const value = amount(spec, ctx, specCurrency, 'price', 'minPrice');
    if (!value) continue;
    if (LIST_PRICE.test(firstText(spec, 'priceType') ?? '')) q.regularPrice ??= value;
    else q.price ??= value;
    q.currency ??= specCurrency;
  }
  q.price ??= amount(offer, ctx, currency, 'lowPrice', 'highPrice');
  q.regularPrice ??= amount(offer, ctx, currency, 'listPrice', 'regularPrice');
  return q;
}

function offersOf(product: SchemaNode): SchemaNode[] {
  const direct = children(product, 'offers');
  return [...direct, ...direct.flatMap((o) => children(o, 'offers'))];
}

function samePage(url: string | null, page: string): boolean {
  if (!url) return false;
  try {
    const a = new URL(url, page);
    const b = new URL(page);
    return a.host === b.host && a.pathname.replace(/\/$/, '') === b.pathname.replace(/\/$/, '');
  } catch {
    return false;
  }
}

const inStock = (o: SchemaNode): boolean => schemaAvailability(firstText(o, 'availability') ?? '') === 'InStock';

/**
 * Among several offers (sellers, sizes) the one for the page's URL, else the first with a price, preferring
 * those in stock. Sellers' own offers come before an AggregateOffer: the buy box is the first seller's
 * offer, not the lowest price of the list.
 */
function chooseOffer(offers: SchemaNode[], ctx: PageContext): SchemaNode | undefined {
  const priced = offers.filter((o) => quote(o, ctx).price);
  const sellers = priced.filter((o) => !hasType(o, 'AggregateOffer'));
  const withPrice = sellers.length ? sellers : priced;
  const forPage = withPrice.filter((o) => samePage(firstText(o, 'url'), ctx.url));
  const pool = forPage.length ? forPage : withPrice;
  return pool.find(inStock) ?? pool[0] ?? offers[0];
}

function brandOf(product: SchemaNode): string | undefined {
  const direct = cleanBrand(texts(product, 'brand')[0]);
  if (direct) return direct;
  const node = children(product, 'brand')[0] ?? children(product, 'manufacturer')[0];
  return cleanBrand(node ? firstText(node, 'name') : null);
}

/**
 * A schema.org product item → what it says about the offer. The product is in stock when any of its
 * offers or of its variants' offers is: one sold-out size does not make the product sold out.
 */
export function productFound(product: SchemaNode, ctx: PageContext, offeredBy?: SchemaNode, variants: SchemaNode[] = []): Found {
  const offers = offersOf(product);
  if (offeredBy) offers.unshift(offeredBy);
  const offer = chooseOffer(offers, ctx);
  const q = offer ? quote(offer, ctx) : {};
  // A price of 0 is a placeholder of an offer that is not really there: neither its price nor its stock count.
  const placeholder = q.price !== undefined && /^0(\.0*)?$/.test(q.price);
  const anyInStock = [...offers, ...variants.flatMap(offersOf)].some(inStock);
  const availability = offer && !placeholder ? (anyInStock ? 'InStock' : schemaAvailability(firstText(offer, 'availability') ?? '')) : undefined;
  const found: Found = {
    name: cleanText(firstText(product, 'name')),
    price: placeholder ? undefined : q.price,
    regularPrice: q.regularPrice && q.regularPrice !== q.price && !placeholder ? q.regularPrice : undefined,
    currency: q.currency,
    availability: availability ?? schemaAvailability(firstText(product, 'availability') ?? ''),
    sku: cleanSku(firstText(product, 'sku') ?? (offer ? firstText(offer, 'sku') : null) ?? firstText(product, 'productID', 'mpn')),
    gtin: ['gtin13', 'gtin', 'gtin14', 'gtin12', 'gtin8', 'ean', 'isbn'].map((p) => cleanGtin(firstText(product, p))).find(Boolean),
    brand: brandOf(product),
  };
  return compact(found);
}
