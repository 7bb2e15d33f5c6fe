import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyOffer, type Offer } from '../../scrapers/offer.ts';
import type { Recipe } from '../../scrapers/recipe.ts';
import type { StoreHandle } from '../../src/store/store.ts';
import type { StoreFactory } from '../helpers/store-factory.ts';

const points: Recipe = { selectors: {}, steps: [], fields: [{ key: 'points', selector: '.p', type: 'number', better: 'higher' }] };

/** What every backend's ComparisonStore must do. */
export function comparisonsContract(open: StoreFactory) {
  describe('comparisons', () => {
    let store: StoreHandle;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(() => store.close());

    const business = async (name: string, own = false) => (await store.businesses.create({ name, own, website: null, locale: null })).id;
    const product = async (name: string) => (await store.products.create({ name, sku: null, gtin: null })).id;
    const target = async (businessId: number, productId: number, recipe: Recipe | null = null) =>
      (
        await store.targets.create({
          businessId,
          productId,
          url: `https://shop${businessId}.example/p/${productId}`,
          fetch: 'static',
          schedule: '0 * * * *',
          locale: null,
          currency: null,
          recipe,
          enabled: true,
          respectRobots: true,
          minPriceDelta: null,
        })
      ).id;
    const snapshot = (targetId: number, capturedAt: string, offer: Partial<Offer>) =>
      store.snapshots.insert({
        targetId,
        runId: null,
        capturedAt,
        finalUrl: null,
        offer: { ...emptyOffer(), ...offer },
        provenance: {},
        html: null,
        screenshot: null,
      });

    it('reads product names one, all, or a page at a time; an unknown product is not found', async () => {
      const ids = [await product('Beans'), await product('Milk'), await product('Cups')];
      expect(await store.comparisons.product(ids[1]!)).toEqual({ id: ids[1], name: 'Milk' });
      await expect(store.comparisons.product(ids[2]! + 1)).rejects.toMatchObject({ code: 'not_found' });
      expect((await store.comparisons.products()).map((p) => p.name)).toEqual(['Beans', 'Milk', 'Cups']);
      expect(await store.comparisons.products({ after: ids[0]!, limit: 1 })).toEqual([{ id: ids[1], name: 'Milk' }]);
    });

    it("loads each enabled target's latest offer as plain values, own business first", async () => {
      const rival = await business('Rival');
      const us = await business('Us', true);
      const beans = await product('Beans');
      const other = await product('Other');
      const rivalBeans = await target(rival, beans, points);
      const ourBeans = await target(us, beans);
      const unread = await target(await business('Quiet'), beans);
      const off = await target(await business('Off'), beans);
      await store.targets.update(off, { enabled: false });
      await target(rival, other);
      await snapshot(rivalBeans, '2030-01-01T10:00:00.000Z', { price: '19.00', currency: 'PLN' });
      const latest = await snapshot(rivalBeans, '2030-01-02T10:00:00.000Z', {
        price: '18.00',
        regularPrice: '22.50',
        currency: 'PLN',
        availability: 'InStock',
        promotions: ['−20 %'],
        fields: { points: { value: '10', text: '10 pts' } },
      });
      await snapshot(ourBeans, '2030-01-02T09:00:00.000Z', { price: '20.00', currency: 'PLN' });

      const offers = await store.comparisons.latestOffers([beans]);
      expect(offers.map((o) => o.targetId)).toEqual([ourBeans, rivalBeans, unread]);
      expect(offers[0]).toMatchObject({ own: true, business: 'Us', price: '20.00', promotions: [], fields: {}, recipeFields: [] });
      expect(offers[1]).toEqual({
        targetId: rivalBeans,
        businessId: rival,
        business: 'Rival',
        own: false,
        productId: beans,
        schedule: '0 * * * *',
        lastSuccessAt: null,
        recipeFields: points.fields,
        snapshotId: latest,
        capturedAt: '2030-01-02T10:00:00.000Z',
        price: '18.00',
        regularPrice: '22.50',
        currency: 'PLN',
        availability: 'InStock',
        promotions: ['−20 %'],
        fields: { points: { value: '10', text: '10 pts' } },
      });
      expect(offers[2]).toMatchObject({ own: false, snapshotId: null, capturedAt: null, price: null, promotions: [], fields: {} });
      expect(await store.comparisons.latestOffers([])).toEqual([]);
      expect((await store.comparisons.latestOffers([other, beans])).map((o) => o.productId)).toEqual([beans, beans, beans, other]);
    });

    it('takes any number of products at once', async () => {
      const rival = await business('Rival');
      const ids: number[] = [];
      for (let i = 0; i < 1200; i++) ids.push(await product(`P${i}`));
      for (const id of [ids[0]!, ids[700]!, ids[1199]!]) await target(rival, id);
      expect((await store.comparisons.latestOffers(ids)).map((o) => o.productId)).toEqual([ids[0], ids[700], ids[1199]]);
      expect([...(await store.comparisons.versions(ids))!.products.keys()].sort((a, b) => a - b)).toEqual([ids[0], ids[700], ids[1199]]);
    });

    it('moves a product version on writes to its targets and snapshots, the global one on businesses and products', async () => {
      const rival = await business('Rival');
      const beans = await product('Beans');
      const milk = await product('Milk');
      const beansTarget = await target(rival, beans);
      await target(rival, milk);
      const before = await store.comparisons.versions([beans, milk]);
      expect(before).not.toBeNull();

      await snapshot(beansTarget, '2030-01-01T10:00:00.000Z', { price: '1.00' });
      const afterSnapshot = (await store.comparisons.versions([beans, milk]))!;
      expect(afterSnapshot.products.get(beans)).not.toBe(before!.products.get(beans));
      expect(afterSnapshot.products.get(milk)).toBe(before!.products.get(milk));
      expect(afterSnapshot.global).toBe(before!.global);

      await store.targets.update(beansTarget, { enabled: false });
      expect((await store.comparisons.versions([beans]))!.products.get(beans)).not.toBe(afterSnapshot.products.get(beans));

      await store.businesses.update(rival, { name: 'Rival Ltd' });
      const afterRename = (await store.comparisons.versions([milk]))!;
      expect(afterRename.global).not.toBe(afterSnapshot.global);
      expect(afterRename.products.get(milk)).toBe(before!.products.get(milk));
    });
  });
}
