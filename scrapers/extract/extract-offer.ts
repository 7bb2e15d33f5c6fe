import type { CheerioAPI } from 'cheerio/slim';
import type { Offer, Provenance, Source } from '../offer.ts';
import type { Recipe } from '../recipe.ts';
import { applyRecipe } from './apply-recipe.ts';
import { chooseProduct } from './choose-product.ts';
import { ExtractionError } from './extraction-error.ts';
import { cleanText, type Found, type PageContext, type SourcedFound } from './found.ts';
import { readMicrodata, readRdfa } from './item-markup.ts';
import { readJsonLd } from './json-ld.ts';
import { mergeFound } from './merge-found.ts';
import { readOpenGraph } from './opengraph.ts';
import { loadPage } from './load-page.ts';
import { findAnchors } from './page-anchors.ts';
import { indexPage } from './page-index.ts';
import { findPromotions } from './promotions.ts';
import type { SchemaNode } from './schema-node.ts';
import { reconcile } from './reconcile.ts';
import { productFound } from './schema-offer.ts';
import { findLabelledValues } from './visible-labels.ts';
import { findVisiblePrice } from './visible-price.ts';
import { findVisibleStock, hasVariantPicker, mainArea } from './visible-stock.ts';

export { ExtractionError } from './extraction-error.ts';

export interface ExtractInput {
  html: string;
  url: string;
  /** BCP 47 locale of the page ("pl-PL", "de"), a hint for reading numbers; default: the page's `<html lang>`. */
  locale?: string;
  /** ISO 4217 currency to assume when the page names none. */
  currency?: string;
  recipe?: Recipe;
  /** The shop sells to businesses: where a page shows a price without and one with VAT, the net one is the price (else the consumer's gross one). */
  b2b?: boolean;
  /** Read JSON-LD, microdata, RDFa and OpenGraph (default); false measures what the visible page alone gives. */
  structuredData?: boolean;
}

function structuredSources($: CheerioAPI, ctx: PageContext, title: string): SourcedFound[] {
  const readers: [Source, () => SchemaNode[]][] = [
    ['json-ld', () => readJsonLd($)],
    ['microdata', () => readMicrodata($)],
    ['rdfa', () => readRdfa($)],
  ];
  const out: SourcedFound[] = [];
  for (const [source, read] of readers) {
    const chosen = chooseProduct(read(), ctx, title);
    if (chosen) out.push({ source, found: productFound(chosen.node, ctx, chosen.offeredBy, chosen.variants) });
  }
  out.push({ source: 'opengraph', found: readOpenGraph($, ctx) });
  return out;
}

/** The page's web address: the given one, or for a saved file the canonical URL the page names. */
function webUrl($: CheerioAPI, given: string): string {
  if (/^https?:/i.test(given)) return given;
  const named = $('link[rel="canonical"]').attr('href') ?? $('meta[property="og:url"]').attr('content');
  return named && /^https?:\/\//i.test(named) ? named : given;
}

/**
 * Reads the offer of a product page from its structured data (JSON-LD, microdata, RDFa Lite,
 * OpenGraph) and its visible text, then applies the recipe if there is one. Every value carries the
 * source it came from. Throws ExtractionError when a recipe part matches nothing or the page has
 * neither a price nor a name.
 */
export function extractOffer(input: ExtractInput): { offer: Offer; provenance: Provenance } {
  const $ = loadPage(input.html);
  const pageLocale = cleanText($('html').attr('lang'))?.replace('_', '-');
  const ctx: PageContext = { url: webUrl($, input.url), locale: input.locale ?? pageLocale, currency: input.currency?.toUpperCase(), b2b: input.b2b };
  const pageTitle = cleanText($('h1').first().text()) ?? cleanText($('meta[property="og:title"]').attr('content')) ?? cleanText($('title').first().text()) ?? '';
  const sources = input.structuredData === false ? [] : structuredSources($, ctx, pageTitle);

  const index = indexPage($, 160);
  const names = [...sources.map((s) => s.found.name), cleanText($('title').first().text())].filter((n): n is string => Boolean(n));
  const anchors = findAnchors($, index, names);
  const visible = findVisiblePrice($, index, anchors, ctx);
  const area = mainArea([anchors.titleIndex, anchors.buyIndex, visible?.index ?? null]);
  // Buy buttons all disabled say "sold out" unless a size or colour is still to be chosen.
  const buyBlocked = anchors.buyDisabled && !(area && hasVariantPicker($, index, area));
  const stock = (area ? findVisibleStock($, index, area) : null) ?? (buyBlocked ? 'OutOfStock' : null);
  const labelled = findLabelledValues($, index, anchors.titleIndex ?? visible?.index ?? null);
  const heuristic: Found = {
    ...labelled,
    ...(anchors.titleText ? { name: anchors.titleText } : {}),
    ...(visible ? { price: visible.price } : {}),
    ...(visible?.currency ? { currency: visible.currency } : {}),
    ...(visible?.regularPrice ? { regularPrice: visible.regularPrice } : {}),
    ...(stock ? { availability: stock } : {}),
  };
  const { offer, provenance } = mergeFound([...sources, { source: 'heuristic', found: heuristic }]);

  reconcile(offer, provenance, { visible, labelledSku: labelled.sku, stock, buyable: anchors.buyEnabled, url: ctx.url, currency: ctx.currency });
  if (area) {
    offer.promotions = findPromotions($, index, area);
    if (offer.promotions.length) provenance.promotions = 'heuristic';
  }
  if (input.recipe) applyRecipe($, input.recipe, offer, provenance, ctx);
  if (offer.price === null && offer.name === null) {
    throw new ExtractionError('extraction_empty', 'the page shows neither a price nor a product name');
  }
  return { offer, provenance };
}
