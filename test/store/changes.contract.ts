import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyOffer, type Offer } from '../../scrapers/offer.ts';
import { recipeSchema } from '../../scrapers/recipe.ts';
import type { NewChange } from '../../src/store/changes.ts';
import type { StoreHandle } from '../../src/store/store.ts';
import type { Target } from '../../src/store/targets.ts';
import type { StoreFactory } from '../helpers/store-factory.ts';
import { seedTarget } from '../helpers/seed-target.ts';

const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}T08:00:00.000Z`;
const recipe = recipeSchema.parse({ fields: [{ key: 'points', selector: '.p', type: 'number', better: 'higher' }] });

/** What every backend's ChangeStore must do: what change detection reads and writes, and the change log. */
export function changesContract(open: StoreFactory) {
  describe('changes', () => {
    let store: StoreHandle;
    let target: Target;
    beforeEach(async () => {
      store = await open();
      target = await seedTarget(store, { minPriceDelta: '0.10', recipe });
    });
    afterEach(() => store.close());

    const snapshot = (t: Target, d: number, offer: Partial<Offer> = {}) =>
      store.snapshots.insert({ targetId: t.id, runId: null, capturedAt: day(d), finalUrl: null, offer: { ...emptyOffer(), ...offer }, provenance: {}, html: null, screenshot: null });
    const change = (t: Target, snapshotId: number, d: number, more: Partial<NewChange> = {}): NewChange => ({
      targetId: t.id,
      field: 'price',
      kind: 'price_decrease',
      old: '20',
      new: '18',
      delta: '-2',
      deltaPercent: -10,
      snapshotId,
      previousSnapshotId: null,
      detectedAt: day(d),
      ...more,
    });

    it('gives change detection a snapshot, the one before it and the target settings', async () => {
      const first = await snapshot(target, 1, { price: '20.00' });
      expect(await store.changes.basis(first)).toMatchObject({ previous: null, recorded: false, snapshot: { id: first, values: { price: '20.00' } } });
      const second = await snapshot(target, 2, { price: '18.00', promotions: ['-10%'], fields: { points: { value: '5', text: '5' } } });
      await snapshot(target, 3);
      const basis = await store.changes.basis(second);
      expect(basis).toEqual({
        target: { id: target.id, businessId: target.businessId, productId: target.productId, minPriceDelta: '0.10', recipe },
        snapshot: {
          id: second,
          targetId: target.id,
          capturedAt: day(2),
          values: { name: null, price: '18.00', regularPrice: null, currency: null, availability: null, promotions: ['-10%'], fields: { points: { value: '5', text: '5' } } },
        },
        previous: expect.objectContaining({ id: first, values: expect.objectContaining({ price: '20.00' }) }),
        recorded: false,
      });
      await store.changes.insert([change(target, second, 2, { previousSnapshotId: first })]);
      expect((await store.changes.basis(second))?.recorded).toBe(true);
      expect(await store.changes.basis(second + 100)).toBeNull();
    });

    it('stores changes in order and reads them back by snapshot and by id', async () => {
      const s = await snapshot(target, 1);
      const ids = await store.changes.insert([change(target, s, 1), change(target, s, 1, { field: 'availability', kind: 'out_of_stock', old: 'InStock', new: 'OutOfStock', delta: null, deltaPercent: null })]);
      expect(ids).toHaveLength(2);
      expect(await store.changes.idsOfSnapshot(s)).toEqual(ids);
      const stored = await store.changes.byIds(ids);
      expect(stored[0]).toEqual({ id: ids[0], ...change(target, s, 1) });
      expect(stored.map((c) => c.kind)).toEqual(['price_decrease', 'out_of_stock']);
      expect(await store.changes.byIds([])).toEqual([]);
    });

    it('takes the last recorded value of a price field as baseline, else its first captured value', async () => {
      const first = await snapshot(target, 1, { price: '19.90', regularPrice: null });
      await snapshot(target, 2, { price: '19.95' });
      expect(await store.changes.baseline(target.id, 'price')).toBe('19.90');
      expect(await store.changes.baseline(target.id, 'regularPrice')).toBeNull();
      await store.changes.insert([change(target, first, 3, { old: '19.9', new: '20' })]);
      await store.changes.insert([change(target, first, 4, { old: '20', new: null, kind: 'price_removed' })]);
      expect(await store.changes.baseline(target.id, 'price')).toBeNull();
      const other = await seedTarget(store);
      expect(await store.changes.baseline(other.id, 'price')).toBeNull();
    });

    it('lists in detection order, filtered by business, product, target, field, kind and time, by cursor', async () => {
      const other = await seedTarget(store);
      const s = await snapshot(target, 1);
      const o = await snapshot(other, 1);
      const a = await store.changes.insert([change(target, s, 3), change(target, s, 3, { field: 'fields.points', kind: 'field_changed' })]);
      const [b] = await store.changes.insert([change(other, o, 2, { kind: 'price_increase' })]);
      const [c] = await store.changes.insert([change(target, s, 1, { field: 'name', kind: 'name_changed' })]);
      const ids = async (filter: Parameters<StoreHandle['changes']['list']>[0]) => (await store.changes.list(filter)).items.map((x) => x.id);
      expect(await ids({ limit: 10 })).toEqual([c, b, ...a]);
      expect(await ids({ businessId: target.businessId, limit: 10 })).toEqual([c, ...a]);
      expect(await ids({ productId: other.productId, limit: 10 })).toEqual([b]);
      expect(await ids({ targetId: other.id, limit: 10 })).toEqual([b]);
      expect(await ids({ field: 'fields.points', limit: 10 })).toEqual([a[1]]);
      expect(await ids({ kind: 'price_increase', limit: 10 })).toEqual([b]);
      expect(await ids({ since: day(2), until: day(3), limit: 10 })).toEqual([b]);
      const page = await store.changes.list({ limit: 2 });
      expect(page.items.map((x) => x.id)).toEqual([c, b]);
      expect(page.nextAfter).not.toBeNull();
      expect(await ids({ after: b, limit: 2 })).toEqual(a);
      expect((await store.changes.list({ after: b, limit: 2 })).nextAfter).toBeNull();
    });

    it('lists newest first for a feed, continuing in that order by cursor', async () => {
      const other = await seedTarget(store);
      const s = await snapshot(target, 1);
      const o = await snapshot(other, 1);
      const [a] = await store.changes.insert([change(target, s, 3)]);
      const [b] = await store.changes.insert([change(other, o, 2, { kind: 'price_increase' })]);
      const [c] = await store.changes.insert([change(target, s, 1, { field: 'name', kind: 'name_changed' })]);
      const first = await store.changes.list({ newestFirst: true, limit: 2 });
      expect(first.items.map((x) => x.id)).toEqual([a, b]);
      const rest = await store.changes.list({ newestFirst: true, after: first.nextAfter!, limit: 2 });
      expect(rest.items.map((x) => x.id)).toEqual([c]);
      expect(rest.nextAfter).toBeNull();
      expect((await store.changes.list({ newestFirst: true, businessId: target.businessId, limit: 5 })).items.map((x) => x.id)).toEqual([a, c]);
    });

    it('gives every matching change for exports, at most `max`', async () => {
      const s = await snapshot(target, 1);
      const ids = await store.changes.insert(Array.from({ length: 5 }, (_, i) => change(target, s, 1 + i)));
      const all = async (max: number) => {
        const out: number[] = [];
        for await (const x of store.changes.all({ targetId: target.id }, max)) out.push(x.id);
        return out;
      };
      expect(await all(100)).toEqual(ids);
      expect(await all(3)).toEqual(ids.slice(0, 3));
    });
  });
}
