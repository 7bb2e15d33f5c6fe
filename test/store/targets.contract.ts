import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreHandle } from '../../src/store/store.ts';
import type { TargetInput } from '../../src/store/targets.ts';
import type { StoreFactory } from '../helpers/store-factory.ts';
import { seedTarget } from '../helpers/seed-target.ts';

const recipe = {
  selectors: { price: '.price' },
  fields: [{ key: 'loyaltyPoints', label: 'Points', selector: '.points', type: 'number' as const, better: 'higher' as const }],
  steps: [],
};

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

/** What every backend's TargetStore must do. */
export function targetsContract(open: StoreFactory) {
  describe('targets', () => {
    let store: StoreHandle;
    let input: TargetInput;
    beforeEach(async () => {
      store = await open();
      const business = await store.businesses.create({ name: 'Rival', own: false, website: null, locale: null });
      const product = await store.products.create({ name: 'Espresso 250 g', sku: null, gtin: null });
      input = {
        businessId: business.id,
        productId: product.id,
        url: 'https://rival.example/espresso',
        fetch: 'auto',
        schedule: '*/30 * * * *',
        locale: 'pl-PL',
        currency: 'PLN',
        recipe,
        enabled: true,
        respectRobots: false,
        minPriceDelta: '0.50',
      };
    });
    afterEach(() => store.close());

    it('creates with plain values and the next run planned from the schedule, reads back and removes', async () => {
      const created = await store.targets.create(input);
      expect(created).toMatchObject({
        ...input,
        learnedMode: null,
        health: 'ok',
        healthReason: null,
        consecutiveFailures: 0,
        lastSuccessAt: null,
      });
      const untilNext = Date.parse(created.nextRunAt!) - Date.now();
      expect(untilNext).toBeGreaterThan(0);
      expect(untilNext).toBeLessThanOrEqual(30 * 60_000);
      expect(await store.targets.get(created.id)).toEqual(created);
      await store.targets.remove(created.id);
      await expect(store.targets.get(created.id)).rejects.toMatchObject({ code: 'not_found' });
      await expect(store.targets.remove(created.id)).rejects.toMatchObject({ code: 'not_found' });
    });

    it('refuses a business or product that does not exist, naming the field', async () => {
      await expect(store.targets.create({ ...input, businessId: 999 })).rejects.toMatchObject({
        code: 'unprocessable',
        details: { field: 'businessId' },
      });
      await expect(store.targets.create({ ...input, productId: 999 })).rejects.toMatchObject({ details: { field: 'productId' } });
      const target = await store.targets.create(input);
      await expect(store.targets.update(target.id, { productId: 999 })).rejects.toMatchObject({ details: { field: 'productId' } });
      await expect(store.targets.update(999, { enabled: false })).rejects.toMatchObject({ code: 'not_found' });
    });

    it('updates some fields, keeps the learned mode until the url or fetch mode changes', async () => {
      const target = await store.targets.create(input);
      await store.targets.markSucceeded(target.id, { at: new Date().toISOString(), mode: 'browser' });
      const disabled = await store.targets.update(target.id, { enabled: false, recipe: null });
      expect(disabled).toMatchObject({ enabled: false, recipe: null, url: input.url, learnedMode: 'browser' });
      expect(await store.targets.update(target.id, { url: 'https://rival.example/other' })).toMatchObject({ learnedMode: null });
      await store.targets.markSucceeded(target.id, { at: new Date().toISOString(), mode: 'static' });
      expect(await store.targets.update(target.id, { fetch: 'browser' })).toMatchObject({ fetch: 'browser', learnedMode: null });
    });

    it('lists by business, product, health and enabled, a page at a time', async () => {
      const a = await store.targets.create(input);
      const other = await store.businesses.create({ name: 'Other', own: false, website: null, locale: null });
      const b = await store.targets.create({ ...input, businessId: other.id, enabled: false });
      const c = await seedTarget(store);
      await store.targets.markFailed(c.id, { reason: 'timeout', brokenAfter: 1 });
      const ids = async (filter: Parameters<StoreHandle['targets']['list']>[0]) => (await store.targets.list(filter)).items.map((t) => t.id);
      expect(await ids({ businessId: input.businessId, limit: 10 })).toEqual([a.id]);
      expect(await ids({ productId: input.productId, limit: 10 })).toEqual([a.id, b.id]);
      expect(await ids({ health: 'broken', limit: 10 })).toEqual([c.id]);
      expect(await ids({ enabled: false, limit: 10 })).toEqual([b.id]);
      expect(await ids({ enabled: true, limit: 10 })).toEqual([a.id, c.id]);
      const first = await store.targets.list({ limit: 2 });
      expect(first.items.map((t) => t.id)).toEqual([a.id, b.id]);
      expect(first.nextAfter).not.toBeNull();
      expect(await ids({ after: b.id, limit: 2 })).toEqual([c.id]);
    });

    it('finds enabled targets that are due, longest overdue first, with their lane, and moves their next run', async () => {
      const late = await store.targets.create(input);
      const later = await store.targets.create({ ...input, fetch: 'static' });
      const disabled = await store.targets.create({ ...input, enabled: false });
      const future = await store.targets.create(input);
      await store.targets.setNextRunAt(late.id, '2024-01-01T00:00:00.000Z');
      await store.targets.setNextRunAt(later.id, '2024-01-01T00:05:00.000Z');
      await store.targets.setNextRunAt(disabled.id, '2024-01-01T00:00:00.000Z');
      await store.targets.setNextRunAt(future.id, '2024-01-02T00:00:00.000Z');
      await store.targets.markSucceeded(late.id, { at: '2023-12-31T23:00:00.000Z', mode: 'browser' });
      expect(await store.targets.due('2024-01-01T00:05:00.000Z')).toEqual([
        { id: late.id, schedule: input.schedule, nextRunAt: '2024-01-01T00:00:00.000Z', fetch: 'auto', learnedMode: 'browser' },
        { id: later.id, schedule: input.schedule, nextRunAt: '2024-01-01T00:05:00.000Z', fetch: 'static', learnedMode: null },
      ]);
      await store.targets.setNextRunAt(late.id, '2024-01-01T00:30:00.000Z');
      expect((await store.targets.due('2024-01-01T00:10:00.000Z')).map((t) => t.id)).toEqual([later.id]);
      expect((await store.targets.get(late.id)).nextRunAt).toBe('2024-01-01T00:30:00.000Z');
      expect((await store.targets.due(inAnHour())).map((t) => t.id)).not.toContain(disabled.id);
    });

    it('counts failed checks and turns broken after enough in a row, with the reason', async () => {
      const target = await store.targets.create(input);
      expect(await store.targets.markFailed(target.id, { reason: 'http_5xx: HTTP 503', brokenAfter: 2 })).toEqual({ from: 'ok', to: 'ok' });
      expect(await store.targets.get(target.id)).toMatchObject({ health: 'ok', healthReason: null, consecutiveFailures: 1 });
      expect(await store.targets.markFailed(target.id, { reason: 'timeout: slow', brokenAfter: 2 })).toEqual({ from: 'ok', to: 'broken' });
      expect(await store.targets.get(target.id)).toMatchObject({ health: 'broken', healthReason: 'timeout: slow', consecutiveFailures: 2 });
      expect(await store.targets.markFailed(target.id, { reason: 'timeout: again', brokenAfter: 2 })).toEqual({ from: 'broken', to: 'broken' });
      expect(await store.targets.markFailed(999, { reason: 'x', brokenAfter: 1 })).toBeNull();
    });

    it('a successful check heals the target, notes when, and teaches an auto target its mode', async () => {
      const auto = await store.targets.create(input);
      const fixed = await store.targets.create({ ...input, fetch: 'static' });
      await store.targets.markFailed(auto.id, { reason: 'timeout: slow', brokenAfter: 1 });
      const at = '2024-01-01T12:00:00.000Z';
      expect(await store.targets.markSucceeded(auto.id, { at, mode: 'browser' })).toEqual({ from: 'broken', to: 'ok' });
      expect(await store.targets.get(auto.id)).toMatchObject({
        health: 'ok',
        healthReason: null,
        consecutiveFailures: 0,
        lastSuccessAt: at,
        learnedMode: 'browser',
      });
      expect(await store.targets.markSucceeded(fixed.id, { at, mode: 'static' })).toEqual({ from: 'ok', to: 'ok' });
      expect(await store.targets.get(fixed.id)).toMatchObject({ learnedMode: null, lastSuccessAt: at });
      expect(await store.targets.markSucceeded(999, { at, mode: 'static' })).toBeNull();
    });
  });
}
