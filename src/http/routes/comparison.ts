import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../app-env.ts';
import { allComparisons, comparisonPage, comparisonSummary, productComparison, type ComparisonOptions } from '../../compare/comparisons.ts';
import type { ProductComparison } from '../../compare/compare-product.ts';
import { parseRates } from '../../compare/rates.ts';
import { csvLine } from '../../csv.ts';
import { download, ExportFormat } from '../../compare/download.ts';
import { newRouter } from '../new-router.ts';
import { apiRoute, json } from '../route.ts';
import { pageBody, PageQuery, pageRequest } from '../paging.ts';
import { IdParam } from '../schemas.ts';

const RatesQuery = z.object({
  rates: z
    .string()
    .max(1000)
    .optional()
    .transform((text, ctx) => {
      const rates = parseRates(text ?? '');
      if (typeof rates === 'string') {
        ctx.addIssue({ code: 'custom', message: rates });
        return z.NEVER;
      }
      return rates;
    })
    .openapi({
      type: 'string',
      example: 'EUR:4.32,USD:3.95',
      description: 'Units of the own currency per unit of another currency; without a rate, other currencies are flagged, not compared',
    }),
});

const Standing = z.enum(['better', 'worse', 'equal', 'different']).nullable();
const Offer = z.object({
  targetId: z.number().int(),
  businessId: z.number().int(),
  business: z.string(),
  snapshotId: z.number().int().nullable(),
  capturedAt: z.string().nullable(),
  stale: z.boolean(),
  issue: z.enum(['no_offer', 'stale', 'no_price', 'currency_mismatch']).nullable(),
  price: z.string().nullable(),
  regularPrice: z.string().nullable(),
  currency: z.string().nullable(),
  comparablePrice: z.string().nullable(),
  rate: z.string().nullable(),
  discount: z.string().nullable(),
  discountPercent: z.number().nullable(),
  availability: z.enum(['InStock', 'OutOfStock']).nullable(),
  promotions: z.array(z.string()),
  fields: z.record(z.string(), z.object({ value: z.union([z.string(), z.boolean()]), currency: z.string().nullable().optional(), text: z.string() })),
  rank: z.number().int().nullable(),
  cheapest: z.boolean(),
});
const ProductComparisonSchema = z
  .object({
    productId: z.number().int(),
    product: z.string(),
    currency: z.string().nullable(),
    fields: z.array(z.object({ key: z.string(), label: z.string().nullable(), type: z.string(), better: z.enum(['higher', 'lower', 'none']) })),
    own: Offer.nullable(),
    competitors: z.array(
      Offer.extend({
        delta: z.string().nullable(),
        deltaPercent: z.number().nullable(),
        priceIndex: z.number().nullable(),
        ownPrice: Standing,
        ownFields: z.record(z.string(), Standing),
      }),
    ),
    cheapestBusinessIds: z.array(z.number().int()),
    ownRank: z.number().int().nullable(),
    rankedOffers: z.number().int(),
  })
  .openapi('ProductComparison');
const SummarySchema = z
  .object({
    products: z.number().int(),
    pricedProducts: z.number().int(),
    cheapestOn: z.number().int(),
    soleCheapestOn: z.number().int(),
    staleOffers: z.number().int(),
    currencyMismatches: z.number().int(),
    competitors: z.array(
      z.object({
        businessId: z.number().int(),
        business: z.string(),
        comparedProducts: z.number().int(),
        averagePriceIndex: z.number().nullable(),
        cheaperThanOwn: z.number().int(),
        dearerThanOwn: z.number().int(),
      }),
    ),
  })
  .openapi('ComparisonSummary');

const HEADER = [
  'productId', 'product', 'businessId', 'business', 'own', 'targetId', 'price', 'currency', 'comparablePrice', 'rate', 'regularPrice',
  'discount', 'discountPercent', 'availability', 'promotions', 'delta', 'deltaPercent', 'priceIndex', 'rank', 'cheapest', 'issue',
  'capturedAt', 'ownPrice', 'ownFields',
] as const;

/** The CSV document: a header, then one row per offer (own first) of each product. */
async function* exportCsv(comparisons: AsyncIterable<ProductComparison>): AsyncGenerator<string> {
  yield csvLine(HEADER);
  for await (const p of comparisons) {
    const offers = [...(p.own ? [{ ...p.own, own: true }] : []), ...p.competitors.map((c) => ({ ...c, own: false }))];
    for (const o of offers) {
      const c = 'priceIndex' in o ? o : null;
      yield csvLine([
        p.productId, p.product, o.businessId, o.business, o.own, o.targetId, o.price, o.currency, o.comparablePrice, o.rate, o.regularPrice,
        o.discount, o.discountPercent, o.availability, o.promotions.join(' | '), c?.delta, c?.deltaPercent, c?.priceIndex, o.rank, o.cheapest,
        o.issue, o.capturedAt, c?.ownPrice, c ? c.ownFields : null,
      ]);
    }
  }
}

const tags = ['comparison'];

export function comparisonRoutes({ store, config }: AppDeps) {
  const options = (rates: ComparisonOptions['rates']): ComparisonOptions => ({ rates, staleAfter: config.staleAfter });
  return newRouter()
    .openapi(
      apiRoute({
        method: 'get',
        path: '/',
        tags,
        summary: 'Where the own offer stands: a summary over all products and a page of product comparisons',
        permission: 'offers.read',
        request: { query: PageQuery.extend(RatesQuery.shape) },
        responses: {
          200: json(z.object({ summary: SummarySchema, items: z.array(ProductComparisonSchema), nextCursor: z.string().nullable() }), 'Summary and a page'),
        },
      }),
      async (c) => {
        const { rates, ...page } = c.req.valid('query');
        const o = options(rates);
        const summary = await comparisonSummary(store, o);
        return c.json({ summary, ...pageBody(await comparisonPage(store, pageRequest(page), o)) }, 200);
      },
    )
    .openapi(
      apiRoute({
        method: 'get',
        path: '/export',
        tags,
        summary: 'Every offer of every product against the own offer, as CSV (formula-safe) or a JSON array of product comparisons',
        permission: 'offers.read',
        request: { query: RatesQuery.extend({ format: ExportFormat }) },
        responses: { 200: { description: 'The comparison, as text/csv or application/json' } },
      }),
      (c) => {
        const { rates, format } = c.req.valid('query');
        const all = allComparisons(store, options(rates));
        return format === 'csv' ? download('csv', 'comparison', exportCsv(all)) : download('json', 'comparison', all);
      },
    );
}

/** `GET /api/products/:id/comparison`, mounted on the products path. */
export function productComparisonRoutes({ store, config }: AppDeps) {
  return newRouter().openapi(
    apiRoute({
      method: 'get',
      path: '/{id}/comparison',
      tags,
      summary: "The own offer against each competitor's latest offer: price, index, rank, discount, availability, promotions, terms",
      permission: 'offers.read',
      request: { params: IdParam, query: RatesQuery },
      responses: { 200: json(ProductComparisonSchema, 'The comparison') },
    }),
    async (c) =>
      c.json(await productComparison(store, c.req.valid('param').id, { rates: c.req.valid('query').rates, staleAfter: config.staleAfter }), 200),
  );
}
