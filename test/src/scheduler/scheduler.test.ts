import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDemoShops, type DemoShops } from '../../../src/demo/demo-shops.ts';
import { recipeSchema } from '../../../scrapers/recipe.ts';
import { demoRecipe, shopByKey } from '../../../src/demo/catalog.ts';
import { createHarness, type Harness } from '../../helpers/scheduler-harness.ts';
import { seedTarget } from '../../helpers/seed-target.ts';

let shops: DemoShops;
let h: Harness;
beforeAll(async () => {
  shops = await startDemoShops();
});
afterAll(() => shops.close());
beforeEach(() => {
  h = createHarness({ maxAttempts: 2 });
});
afterEach(() => h.close());

const ownEspresso = () =>
  seedTarget(h.store, { url: shops.productUrl('own', 'espresso'), locale: 'pl-PL', currency: 'PLN', recipe: recipeSchema.parse(demoRecipe(shopByKey('own'))) });

describe('scheduler against the demo shops', () => {
  it('runs a target: snapshot with exact prices and recipe fields, evidence, timings, attempt', async () => {
    const target = await ownEspresso();
    const run = await h.runTarget(target.id);
    expect(run).toMatchObject({ status: 'succeeded', code: null, attempt: 1, fetchMode: 'static', httpStatus: 200, trigger: 'manual' });
    expect(run.timings.queueMs).toEqual(expect.any(Number));
    expect(run.timings.fetchMs).toEqual(expect.any(Number));
    expect(run.timings.extractMs).toEqual(expect.any(Number));
    const snapshot = await h.store.snapshots.get(run.snapshotId ?? 0);
    expect(snapshot.offer).toMatchObject({ price: '89.99', currency: 'PLN', gtin: '5901234123457', fields: { loyaltyPoints: { value: '1' }, freeShippingFrom: { value: '150', currency: 'PLN' } } });
    expect(await h.store.snapshots.html(snapshot.id)).toContain('Kawa ziarnista Espresso 1 kg');
    expect(await h.store.targets.get(target.id)).toMatchObject({ health: 'ok', consecutiveFailures: 0, lastSuccessAt: expect.any(String) });
  });

  it('stores identical HTML once across snapshots', async () => {
    const target = await ownEspresso();
    const first = await h.runTarget(target.id);
    const second = await h.runTarget(target.id);
    expect(second.snapshotId).not.toBe(first.snapshotId);
    const htmlHash = async (snapshotId: number | null) => (await h.store.snapshots.get(snapshotId ?? 0)).evidence.htmlHash;
    expect(await htmlHash(second.snapshotId)).toBe(await htmlHash(first.snapshotId));
    shops.setShelf('own', 'espresso', { priceMinor: 8499 });
    const third = await h.runTarget(target.id);
    shops.setShelf('own', 'espresso', { priceMinor: 8999 });
    expect((await h.store.snapshots.get(third.snapshotId ?? 0)).offer.price).toBe('84.99');
    expect(await htmlHash(third.snapshotId)).not.toBe(await htmlHash(first.snapshotId));
  });

  it('a restarted process re-queues a run left running by a killed one: same run, executed once, not lost', async () => {
    const target = await seedTarget(h.store, { url: shops.productUrl('jadran', 'filter'), locale: 'hr-HR', currency: 'EUR' });
    const before = shops.pageViews('jadran', 'filter');
    const availableAt = new Date(Date.now() - 120_000).toISOString();
    const { run: queued } = await h.store.runQueue.enqueue({ targetId: target.id, lane: 'static', trigger: 'schedule', availableAt });
    // The killed process claimed it with a lease that has since expired.
    await h.store.runQueue.claim('static', new Date(Date.now() - 90_000).toISOString(), { owner: 'killed-process', until: new Date(Date.now() - 1_000).toISOString() });
    const restarted = h.scheduler();
    const started = await restarted.start();
    expect(started.recovered).toBe(1);
    await restarted.whenIdle();
    await restarted.stop();
    const runs = (await h.store.runs.list({ targetId: target.id, limit: 10 })).items;
    expect(runs.map((r) => [r.id, r.status, r.leaseExpiries])).toEqual([[queued.id, 'succeeded', 1]]);
    expect((await h.store.snapshots.listForTarget(target.id, { limit: 10 })).items).toHaveLength(1);
    expect(shops.pageViews('jadran', 'filter') - before).toBe(1);
    const late = { status: 'failed', code: 'timeout', error: 'late', fetchMode: null, timings: { queueMs: null, fetchMs: null, extractMs: null }, snapshotId: null, httpStatus: null, finalUrl: null, robotsOverridden: false, finishedAt: new Date().toISOString() } as const;
    expect(await h.store.runQueue.complete(queued.id, 'killed-process', late)).toBe(false);
    expect((await h.store.runs.get(queued.id)).status).toBe('succeeded');
  });

  it('a failing target retries retryable failures, turns broken after 3 failed checks, keeps its last good snapshot, and recovers', async () => {
    const target = await seedTarget(h.store, { url: shops.productUrl('wisla', 'espresso'), locale: 'pl-PL', currency: 'PLN' });
    const good = await h.runTarget(target.id);
    expect(good.status).toBe('succeeded');
    shops.setOutage('wisla', 503);
    try {
      for (let check = 1; check <= 3; check += 1) {
        const run = await h.runTarget(target.id);
        expect(run).toMatchObject({ status: 'failed', code: 'http_5xx', attempt: 1, httpStatus: null });
        const retry = (await h.store.runs.list({ targetId: target.id, limit: 100 })).items.find((r) => r.retryOf === run.id);
        expect(retry).toMatchObject({ status: 'failed', code: 'http_5xx', attempt: 2, trigger: 'retry' });
        expect(await h.store.targets.get(target.id)).toMatchObject({ consecutiveFailures: check, health: check < 3 ? 'ok' : 'broken' });
      }
    } finally {
      shops.setOutage('wisla', null);
    }
    expect((await h.store.targets.get(target.id)).healthReason).toMatch(/^http_5xx: HTTP 503/);
    expect((await h.store.snapshots.latest(target.id))?.id).toBe(good.snapshotId);
    expect((await h.runTarget(target.id)).status).toBe('succeeded');
    expect(await h.store.targets.get(target.id)).toMatchObject({ health: 'ok', healthReason: null, consecutiveFailures: 0 });
  });

  it('does not retry what retrying cannot fix: 404, robots.txt, extraction', async () => {
    const missing = await seedTarget(h.store, { url: `${shops.origins.own}/products/tea` });
    const disallowed = await seedTarget(h.store, { url: `${shops.origins.own}/private/espresso`, respectRobots: true });
    const nothing = await seedTarget(h.store, { url: `${shops.origins.own}/products/espresso`, recipe: recipeSchema.parse({ selectors: { price: '.no-such-price' } }) });
    expect(await h.runTarget(missing.id)).toMatchObject({ status: 'failed', code: 'http_4xx' });
    expect(await h.runTarget(disallowed.id)).toMatchObject({ status: 'failed', code: 'robots_disallowed', robotsOverridden: false });
    expect(await h.runTarget(nothing.id)).toMatchObject({ status: 'failed', code: 'recipe_no_match', httpStatus: 200 });
    expect((await h.store.runs.list({ limit: 100 })).items.filter((r) => r.trigger === 'retry')).toEqual([]);
  });

  it('records a robots.txt override on the run', async () => {
    const target = await seedTarget(h.store, { url: `${shops.origins.own}/products/espresso`, respectRobots: false });
    expect(await h.runTarget(target.id)).toMatchObject({ status: 'succeeded', robotsOverridden: true });
  });
});
