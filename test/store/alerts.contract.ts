import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyOffer } from '../../scrapers/offer.ts';
import type { NewAlertRule } from '../../src/store/alerts.ts';
import type { Store, StoreHandle } from '../../src/store/store.ts';
import type { StoreFactory } from '../helpers/store-factory.ts';

export const newRule = (r: Partial<NewAlertRule> = {}): NewAlertRule => ({
  name: 'rule',
  event: 'out_of_stock',
  productId: null,
  businessId: null,
  minPercent: null,
  minAmount: null,
  fieldKey: null,
  webhookUrl: 'https://hooks.example/x',
  format: 'json',
  enabled: true,
  secret: 'a-secret-of-sixteen-or-more',
  ...r,
});

/** A business with one product and a target for it, through the store. */
export async function seedTarget(store: Store, business: { name: string; own?: boolean }, productId?: number) {
  const b = await store.businesses.create({ name: business.name, own: business.own ?? false, website: null, locale: null });
  const product = productId ?? (await store.products.create({ name: 'Espresso 250 g', sku: null, gtin: null })).id;
  const target = await store.targets.create({
    businessId: b.id,
    productId: product,
    url: `https://shop${b.id}.example/espresso`,
    fetch: 'static',
    schedule: '0 * * * *',
    locale: null,
    currency: 'PLN',
    recipe: null,
    enabled: true,
    respectRobots: true,
    minPriceDelta: null,
  });
  return { businessId: b.id, productId: product, targetId: target.id };
}

const snapshot = (store: Store, targetId: number, price: string, capturedAt: string) =>
  store.snapshots.insert({
    targetId,
    runId: null,
    capturedAt,
    finalUrl: null,
    offer: { ...emptyOffer(), price, currency: 'PLN' },
    provenance: {},
    html: null,
    screenshot: null,
  });

/** What every backend's AlertStore must do. */
export function alertsContract(open: StoreFactory) {
  describe('alerts', () => {
    let store: StoreHandle;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(() => store.close());

    it('creates rules with plain values, updates, lists by event a page at a time, and removes them', async () => {
      const created = await store.alerts.createRule(newRule({ event: 'undercut', minPercent: '5', format: 'slack' }));
      expect(created).toMatchObject({ event: 'undercut', minPercent: '5', format: 'slack', enabled: true, productId: null });
      expect(created).not.toHaveProperty('secret');
      expect(Number.isNaN(Date.parse(created.createdAt))).toBe(false);
      expect(await store.alerts.getRule(created.id)).toEqual(created);
      const changed = await store.alerts.updateRule(created.id, { enabled: false, minAmount: '1.50' });
      expect(changed).toMatchObject({ enabled: false, minAmount: '1.50', minPercent: '5' });
      await store.alerts.createRule(newRule());
      await store.alerts.createRule(newRule({ event: 'undercut' }));
      expect((await store.alerts.listRules({ event: 'undercut', limit: 10 })).items).toHaveLength(2);
      const first = await store.alerts.listRules({ limit: 2 });
      expect(first.items).toHaveLength(2);
      expect(first.nextAfter).not.toBeNull();
      await store.alerts.removeRule(created.id);
      await expect(store.alerts.getRule(created.id)).rejects.toMatchObject({ code: 'not_found' });
      await expect(store.alerts.removeRule(created.id)).rejects.toMatchObject({ code: 'not_found' });
    });

    it('refuses a scope that does not exist as unprocessable, naming the field', async () => {
      await expect(store.alerts.createRule(newRule({ productId: 999 }))).rejects.toMatchObject({
        code: 'unprocessable',
        details: { field: 'productId' },
      });
      const rule = await store.alerts.createRule(newRule());
      await expect(store.alerts.updateRule(rule.id, { businessId: 999 })).rejects.toMatchObject({
        code: 'unprocessable',
        details: { field: 'businessId' },
      });
    });

    it('matches enabled rules by event and scope', async () => {
      const { productId, businessId } = await seedTarget(store, { name: 'Rival' });
      const other = await seedTarget(store, { name: 'Other' });
      const global = await store.alerts.createRule(newRule());
      const forProduct = await store.alerts.createRule(newRule({ productId }));
      const forBusiness = await store.alerts.createRule(newRule({ businessId }));
      await store.alerts.createRule(newRule({ productId: other.productId }));
      await store.alerts.createRule(newRule({ enabled: false }));
      await store.alerts.createRule(newRule({ event: 'target_broken' }));
      const ids = async (events: Parameters<Store['alerts']['matchingRules']>[0], scope: { productId: number; businessId: number | null }) =>
        (await store.alerts.matchingRules(events, scope)).map((r) => r.id);
      expect(await ids(['out_of_stock', 'back_in_stock'], { productId, businessId })).toEqual([global.id, forProduct.id, forBusiness.id]);
      expect(await ids(['out_of_stock'], { productId, businessId: null })).toEqual([global.id, forProduct.id, forBusiness.id]);
      expect(await ids(['out_of_stock'], { productId, businessId: other.businessId })).toEqual([global.id, forProduct.id]);
      expect(await ids([], { productId, businessId })).toEqual([]);
    });

    it('keeps target health events, latest last', async () => {
      const { targetId } = await seedTarget(store, { name: 'Rival' });
      expect(await store.alerts.lastHealth(targetId)).toBeNull();
      const first = await store.alerts.addHealthEvent({ targetId, health: 'broken', reason: 'timeout' }, '2026-01-01T00:00:00.000Z');
      const second = await store.alerts.addHealthEvent({ targetId, health: 'ok', reason: null }, '2026-01-01T01:00:00.000Z');
      expect(second).toBeGreaterThan(first);
      expect(await store.alerts.lastHealth(targetId)).toBe('ok');
    });

    it('reads the subject of a target and the latest prices of a product, newest first', async () => {
      const us = await seedTarget(store, { name: 'Us', own: true });
      const rival = await seedTarget(store, { name: 'Rival' }, us.productId);
      const idle = await seedTarget(store, { name: 'Idle' }, us.productId);
      expect(await store.alerts.subject(rival.targetId)).toEqual({
        targetId: rival.targetId,
        url: `https://shop${rival.businessId}.example/espresso`,
        businessId: rival.businessId,
        business: 'Rival',
        own: false,
        productId: us.productId,
        product: 'Espresso 250 g',
      });
      expect(await store.alerts.subject(999)).toBeNull();
      await snapshot(store, us.targetId, '20.00', '2026-01-01T00:00:00.000Z');
      await snapshot(store, rival.targetId, '21.00', '2026-01-01T00:00:01.000Z');
      await snapshot(store, rival.targetId, '19.00', '2026-01-01T00:00:02.000Z');
      await snapshot(store, idle.targetId, '9.00', '2026-01-01T00:00:03.000Z');
      await store.targets.update(idle.targetId, { enabled: false });
      expect(await store.alerts.latestPrices(us.productId)).toEqual([
        { targetId: rival.targetId, businessId: rival.businessId, business: 'Rival', own: false, price: '19.00', currency: 'PLN' },
        { targetId: us.targetId, businessId: us.businessId, business: 'Us', own: true, price: '20.00', currency: 'PLN' },
      ]);
    });

    it('lists deliveries with their attempt logs, by rule, status and target', async () => {
      const { targetId } = await seedTarget(store, { name: 'Rival' });
      const a = await store.alerts.createRule(newRule());
      const b = await store.alerts.createRule(newRule());
      const at = '2026-01-01T00:00:00.000Z';
      const queued = (ruleId: number, key: string, target: number | null) =>
        store.alertQueue.enqueue({ ruleId, dedupeKey: key, event: 'out_of_stock', targetId: target, changeId: null, payload: '{"n":1}', at });
      await queued(a.id, 'one', targetId);
      await queued(a.id, 'two', null);
      await queued(b.id, 'one', targetId);
      const [claimed] = await store.alertQueue.claimDue({ owner: 'w', now: at, leaseUntil: '2026-01-01T00:01:00.000Z', limit: 1 });
      const attempt = { attempt: 1, startedAt: at, durationMs: 250, statusCode: 200, error: null, ok: true };
      await store.transaction((tx) => tx.alertQueue.complete(claimed!.id, 'w', attempt));

      const all = await store.alerts.listDeliveries({ limit: 10 });
      expect(all.items.map((d) => [d.ruleId, d.status])).toEqual([
        [a.id, 'delivered'],
        [a.id, 'pending'],
        [b.id, 'pending'],
      ]);
      const delivered = await store.alerts.getDelivery(claimed!.id);
      expect(delivered).toEqual({
        id: claimed!.id,
        ruleId: a.id,
        event: 'out_of_stock',
        targetId,
        changeId: null,
        status: 'delivered',
        attempts: 1,
        nextAttemptAt: null,
        lastError: null,
        createdAt: at,
        deliveredAt: '2026-01-01T00:00:00.250Z',
        payload: { n: 1 },
        log: [attempt],
      });
      expect((await store.alerts.listDeliveries({ ruleId: a.id, limit: 10 })).items).toHaveLength(2);
      expect((await store.alerts.listDeliveries({ status: 'pending', limit: 10 })).items).toHaveLength(2);
      expect((await store.alerts.listDeliveries({ targetId, limit: 10 })).items).toHaveLength(2);
      const page = await store.alerts.listDeliveries({ limit: 2 });
      expect(page.nextAfter).not.toBeNull();
      await expect(store.alerts.getDelivery(999)).rejects.toMatchObject({ code: 'not_found' });
      await store.alerts.removeRule(a.id);
      expect((await store.alerts.listDeliveries({ limit: 10 })).items.map((d) => d.ruleId)).toEqual([b.id]);
    });
  });
}
