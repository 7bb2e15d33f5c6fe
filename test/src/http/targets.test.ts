import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';

let t: TestApp;
let businessId: number;
let productId: number;

beforeEach(async () => {
  t = await createTestApp();
  businessId = (await (await t.call('admin', 'POST', '/api/businesses', { name: 'Rival' })).json()).id;
  productId = (await (await t.call('admin', 'POST', '/api/products', { name: 'Espresso 250 g', gtin: '5901234123457' })).json()).id;
});
afterEach(() => t.close());

const recipe = {
  selectors: { price: '.price' },
  fields: [{ key: 'loyaltyPoints', label: 'Points per zł', selector: '.points', type: 'number', better: 'higher' }],
};

describe('/api/targets', () => {
  it('creates a target with defaults, a validated recipe and the next run time', async () => {
    const res = await t.call('marketer', 'POST', '/api/targets', {
      businessId,
      productId,
      url: 'https://rival.example/espresso',
      schedule: '*/30 * * * *',
      currency: 'PLN',
      locale: 'pl-PL',
      recipe,
    });
    expect(res.status).toBe(201);
    const target = await res.json();
    expect(target).toMatchObject({
      businessId,
      productId,
      fetch: 'auto',
      enabled: true,
      respectRobots: true,
      health: 'ok',
      recipe: { selectors: { price: '.price' }, fields: [{ key: 'loyaltyPoints', better: 'higher' }], steps: [] },
    });
    expect(Date.parse(target.nextRunAt)).toBeGreaterThan(Date.now());
    expect(Date.parse(target.nextRunAt) - Date.now()).toBeLessThanOrEqual(30 * 60_000);
  });

  it('names the bad field: cron, url, currency, recipe', async () => {
    const res = await t.call('marketer', 'POST', '/api/targets', {
      businessId,
      productId,
      url: 'file:///etc/passwd',
      schedule: '61 * * * *',
      currency: 'zł',
      recipe: { fields: [{ key: 'Bad Key', selector: '', type: 'colour' }] },
    });
    expect(res.status).toBe(400);
    const paths = (await res.json()).error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['url', 'schedule', 'currency', 'recipe.fields.0.key', 'recipe.fields.0.selector', 'recipe.fields.0.type']));
  });

  it('answers 422 for a business or product that does not exist', async () => {
    const res = await t.call('marketer', 'POST', '/api/targets', { businessId: 999, productId, url: 'https://x.example/' });
    expect(res.status).toBe(422);
    expect((await res.json()).error.details).toEqual({ field: 'businessId' });
  });

  it('filters by business, product and health, and patches', async () => {
    const other = (await (await t.call('admin', 'POST', '/api/businesses', { name: 'Other' })).json()).id;
    const a = await (await t.call('marketer', 'POST', '/api/targets', { businessId, productId, url: 'https://a.example/' })).json();
    await t.call('marketer', 'POST', '/api/targets', { businessId: other, productId, url: 'https://b.example/' });
    const list = await (await t.call('viewer', 'GET', `/api/targets?businessId=${businessId}`)).json();
    expect(list.items.map((x: { id: number }) => x.id)).toEqual([a.id]);
    await t.store.targets.markFailed(a.id, { reason: 'timeout', brokenAfter: 1 });
    const broken = await (await t.call('viewer', 'GET', '/api/targets?health=broken')).json();
    expect(broken.items).toHaveLength(1);
    expect(broken.items[0]).toMatchObject({ id: a.id, healthReason: 'timeout' });
    const patched = await (await t.call('marketer', 'PATCH', `/api/targets/${a.id}`, { enabled: false, fetch: 'browser' })).json();
    expect(patched).toMatchObject({ enabled: false, fetch: 'browser', url: 'https://a.example/' });
    expect((await t.call('viewer', 'GET', '/api/targets?enabled=false')).status).toBe(200);
  });

  it('deleting a product removes its targets', async () => {
    const a = await (await t.call('marketer', 'POST', '/api/targets', { businessId, productId, url: 'https://a.example/' })).json();
    expect((await t.call('marketer', 'DELETE', `/api/products/${productId}`)).status).toBe(204);
    expect((await t.call('viewer', 'GET', `/api/targets/${a.id}`)).status).toBe(404);
  });
});
