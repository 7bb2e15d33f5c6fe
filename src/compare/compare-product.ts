import type { FieldValue } from '../../scrapers/offer.ts';
import type { BetterDirection, FieldType } from '../../scrapers/recipe.ts';
import { compareDecimals, percentOf, subtract } from '../../scrapers/price/decimal.ts';
import { judgeField, standingOf, type Standing } from './field-verdict.ts';
import { normalisePrice, type SnapshotValues } from './offer-values.ts';
import { convert, type Rates } from './rates.ts';

/** The latest offer of one target for the product, as loaded from the database. */
export interface OfferInput extends Omit<SnapshotValues, 'name'> {
  targetId: number;
  businessId: number;
  business: string;
  own: boolean;
  snapshotId: number | null;
  capturedAt: string | null;
  stale: boolean;
}

export interface FieldDefinition {
  key: string;
  label: string | null;
  type: FieldType;
  better: BetterDirection;
}

/** Why an offer takes no part in the price ranking. */
export type OfferIssue = 'no_offer' | 'stale' | 'no_price' | 'currency_mismatch' | null;

export interface OfferView extends Omit<OfferInput, 'own' | 'fields'> {
  issue: OfferIssue;
  /** The price in the base (own) currency: as is, converted with a given rate, or null. */
  comparablePrice: string | null;
  rate: string | null;
  discount: string | null;
  discountPercent: number | null;
  rank: number | null;
  cheapest: boolean;
  fields: Record<string, FieldValue>;
}

export interface CompetitorView extends OfferView {
  /** competitor − own, in the own currency. */
  delta: string | null;
  deltaPercent: number | null;
  /** competitor / own × 100. */
  priceIndex: number | null;
  /** Where the own offer stands against this competitor: on price, and on each recipe field. */
  ownPrice: Standing;
  ownFields: Record<string, Standing>;
}

export interface ProductComparison {
  productId: number;
  product: string;
  currency: string | null;
  fields: FieldDefinition[];
  own: OfferView | null;
  competitors: CompetitorView[];
  /** Businesses with the lowest comparable price (ties share it). */
  cheapestBusinessIds: number[];
  ownRank: number | null;
  rankedOffers: number;
}

function discountOf(o: OfferInput): Pick<OfferView, 'discount' | 'discountPercent'> {
  const price = normalisePrice(o.price);
  const regular = normalisePrice(o.regularPrice);
  if (price === null || regular === null || compareDecimals(regular, price) <= 0) return { discount: null, discountPercent: null };
  const discount = subtract(regular, price);
  return { discount, discountPercent: percentOf(discount, regular) };
}

function view(o: OfferInput, base: string | null, rates: Rates, scale: number): OfferView {
  const { own: _own, ...rest } = o;
  const price = normalisePrice(o.price);
  let issue: OfferIssue = o.snapshotId === null ? 'no_offer' : o.stale ? 'stale' : price === null ? 'no_price' : null;
  let converted = null;
  if (issue === null && price !== null) {
    converted = convert(price, o.currency, base, rates, scale);
    if (!converted) issue = 'currency_mismatch';
  }
  return {
    ...rest,
    ...discountOf(o),
    issue,
    comparablePrice: converted?.amount ?? null,
    rate: converted?.rate ?? null,
    rank: null,
    cheapest: false,
  };
}

/** Read and not stale: its terms can be judged even without a (comparable) price. */
const isCurrent = (o: OfferView) => o.issue !== 'stale' && o.issue !== 'no_offer';

/** Own offer against each competitor's latest offer for one product. `offers` holds one latest offer per target. */
export function compareProduct(
  product: { id: number; name: string },
  offers: readonly OfferInput[],
  fields: readonly FieldDefinition[],
  rates: Rates,
): ProductComparison {
  // The own offer: the freshest own target's (a product may have several own pages).
  const ownInput = offers.filter((o) => o.own).sort((a, b) => (b.capturedAt ?? '').localeCompare(a.capturedAt ?? ''))[0];
  const base = ownInput?.currency ?? offers.find((o) => !o.own && o.currency)?.currency ?? null;
  const scale = 2;
  const own = ownInput ? view(ownInput, base, rates, scale) : null;
  const competitorInputs = offers.filter((o) => !o.own);
  const competitors = competitorInputs.map((o) => view(o, base, rates, scale));
  const ranked = [own, ...competitors].filter((o): o is OfferView => o !== null && o.comparablePrice !== null);
  ranked.sort((a, b) => compareDecimals(a.comparablePrice!, b.comparablePrice!));
  ranked.forEach((o, i) => {
    const prev = ranked[i - 1];
    o.rank = prev && compareDecimals(prev.comparablePrice!, o.comparablePrice!) === 0 ? prev.rank : i + 1;
    o.cheapest = o.rank === 1;
  });
  const ownPrice = own?.comparablePrice ?? null;

  return {
    productId: product.id,
    product: product.name,
    currency: base,
    fields: [...fields],
    own,
    competitors: competitors.map((c, i) => {
      const input = competitorInputs[i]!;
      const judged = own !== null && isCurrent(own) && isCurrent(c);
      const priced = ownPrice !== null && c.comparablePrice !== null;
      const delta = priced ? subtract(c.comparablePrice!, ownPrice) : null;
      const ownFields: Record<string, Standing> = {};
      for (const f of fields)
        ownFields[f.key] = judged ? judgeField(ownInput!.fields[f.key], input.fields[f.key], f.type, f.better, rates) : null;
      return {
        ...c,
        delta,
        deltaPercent: priced ? percentOf(delta!, ownPrice) : null,
        priceIndex: priced ? percentOf(c.comparablePrice!, ownPrice) : null,
        ownPrice: priced ? standingOf(compareDecimals(ownPrice, c.comparablePrice!), 'lower') : null,
        ownFields,
      };
    }),
    cheapestBusinessIds: [...new Set(ranked.filter((o) => o.cheapest).map((o) => o.businessId))],
    ownRank: own?.rank ?? null,
    rankedOffers: ranked.length,
  };
}
