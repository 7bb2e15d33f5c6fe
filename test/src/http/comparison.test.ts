import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { offerSeed, type OfferSeed } from '../../helpers/offer-seed.ts';

let t: TestApp;
let seed: OfferSeed;
let own: number;
let rival: number;
let euro: number;
let espresso: number;
let loyalty: number;

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();
const recipe = {
  fields: [
    { key: 'points', label: 'Points per zł', selector: '.p', type: 'number' as const, better: 'higher' as const },
    { key: 'freeShippingFrom', selector: '.f', type: 'money' as const, better: 'lower' as const },
  ],
};

beforeEach(async () => {
  t = await createTestApp();
  seed = offerSeed(t.store);
  own = await seed.business('Us', true);
  rival = await seed.business('Rival');
  euro = await seed.business('Euro Shop');
  const stale = await seed.business('Sleepy');
  espresso = await seed.product('Espresso 250 g');
  loyalty = await seed.product('Loyalty programme');
  await seed.snapshot(await seed.target(own, espresso), { price: '20.00', capturedAt: hoursAgo(1) });
  await seed.snapshot(await seed.target(rival, espresso), { price: '18.00', regularPrice: '22.50', promotions: ['−20 %'], capturedAt: hoursAgo(1) });
  await seed.snapshot(await seed.target(euro, espresso), { price: '5.00', currency: 'EUR', capturedAt: hoursAgo(1) });
  await seed.snapshot(await seed.target(stale, espresso), { price: '1.00', capturedAt: hoursAgo(10) });
  const terms = (points: string, from: string) => ({
    price: null,
    fields: { points: { value: points, text: '' }, freeShippingFrom: { value: from, currency: 'PLN', text: '' } },
    capturedAt: hoursAgo(1),
  });
  await seed.snapshot(await seed.target(own, loyalty, { recipe }), terms('5', '199'));
  await seed.snapshot(await seed.target(rival, loyalty, { recipe }), terms('10', '249'));
});
afterEach(() => t.close());

describe('GET /api/products/:id/comparison', () => {
  it('sets the own offer against each competitor: index, rank, discount, currency and staleness flags', async () => {
    const res = await t.call('viewer', 'GET', `/api/products/${espresso}/comparison`);
    expect(res.status).toBe(200);
    const c = await res.json();
    expect(c).toMatchObject({ productId: espresso, currency: 'PLN', ownRank: 2, cheapestBusinessIds: [rival], rankedOffers: 2 });
    const [r, e, s] = c.competitors;
    expect(r).toMatchObject({ business: 'Rival', delta: '-2', priceIndex: 90, rank: 1, cheapest: true, discount: '4.5', discountPercent: 20, promotions: ['−20 %'] });
    expect(e).toMatchObject({ business: 'Euro Shop', issue: 'currency_mismatch', priceIndex: null });
    expect(s).toMatchObject({ business: 'Sleepy', issue: 'stale', stale: true, rank: null, priceIndex: null });
    const converted = await (await t.call('viewer', 'GET', `/api/products/${espresso}/comparison?rates=EUR:4.30`)).json();
    expect(converted.competitors[1]).toMatchObject({ comparablePrice: '21.5', priceIndex: 107.5, rank: 3, rate: '4.30' });
    expect((await t.call('viewer', 'GET', `/api/products/${espresso}/comparison?rates=EUR`)).status).toBe(400);
    expect((await t.call('viewer', 'GET', '/api/products/999/comparison')).status).toBe(404);
  });

  it('follows target and business changes after a cached answer', async () => {
    const before = await (await t.call('viewer', 'GET', `/api/products/${espresso}/comparison`)).json();
    const rivalTarget = before.competitors[0].targetId;
    expect((await t.call('admin', 'PATCH', `/api/targets/${rivalTarget}`, { enabled: false })).status).toBe(200);
    expect((await t.call('admin', 'PATCH', `/api/businesses/${euro}`, { name: 'Euro Shop GmbH' })).status).toBe(200);
    const after = await (await t.call('viewer', 'GET', `/api/products/${espresso}/comparison`)).json();
    expect(after.competitors.map((c: { business: string }) => c.business)).toEqual(['Euro Shop GmbH', 'Sleepy']);
    expect(after).toMatchObject({ ownRank: 1, cheapestBusinessIds: [own] });
  });

  it('judges recipe fields by direction, also without prices', async () => {
    const c = await (await t.call('viewer', 'GET', `/api/products/${loyalty}/comparison`)).json();
    expect(c.fields.map((f: { key: string }) => f.key)).toEqual(['points', 'freeShippingFrom']);
    expect(c.competitors[0]).toMatchObject({ issue: 'no_price', ownFields: { points: 'worse', freeShippingFrom: 'better' } });
  });
});

describe('GET /api/comparison', () => {
  it('summarises all products and pages the comparisons', async () => {
    const res = await t.call('marketer', 'GET', '/api/comparison?limit=1');
    const body = await res.json();
    expect(body.summary).toMatchObject({ products: 2, pricedProducts: 1, cheapestOn: 0, staleOffers: 1, currencyMismatches: 1 });
    expect(body.summary.competitors).toEqual([
      { businessId: rival, business: 'Rival', comparedProducts: 1, averagePriceIndex: 90, cheaperThanOwn: 1, dearerThanOwn: 0 },
    ]);
    expect(body.items.map((p: { productId: number }) => p.productId)).toEqual([espresso]);
    const next = await (await t.call('marketer', 'GET', `/api/comparison?limit=1&cursor=${body.nextCursor}`)).json();
    expect(next.items.map((p: { productId: number }) => p.productId)).toEqual([loyalty]);
    await seed.snapshot(await seed.target(await seed.business('Newcomer'), espresso), { price: '15.00', capturedAt: hoursAgo(0) });
    const after = await (await t.call('marketer', 'GET', '/api/comparison?limit=1')).json();
    expect(after.summary.competitors.map((b: { business: string }) => b.business)).toEqual(['Rival', 'Newcomer']);
    expect(after.items[0].cheapestBusinessIds).toEqual([after.summary.competitors[1].businessId]);
    const withRates = await (await t.call('marketer', 'GET', '/api/comparison?rates=EUR:3')).json();
    expect(withRates.summary.competitors.find((b: { businessId: number }) => b.businessId === euro)).toMatchObject({ averagePriceIndex: 75 });
  });

  it('exports one row per offer as CSV and the comparisons as JSON', async () => {
    const csv = await (await t.call('viewer', 'GET', '/api/comparison/export')).text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toMatch(/^productId,product,businessId,business,own,targetId,price,currency,comparablePrice/);
    expect(lines).toHaveLength(1 + 4 + 2);
    expect(lines.find((l) => l.includes('Rival') && l.includes('Espresso'))).toContain(',18.00,PLN,18,');
    expect(lines.find((l) => l.includes('Loyalty') && l.includes('Rival'))).toContain('"{""points"":""worse"",""freeShippingFrom"":""better""}"');
    const json = await (await t.call('viewer', 'GET', '/api/comparison/export?format=json')).json();
    expect(json.map((p: { productId: number }) => p.productId)).toEqual([espresso, loyalty]);
  });
});
