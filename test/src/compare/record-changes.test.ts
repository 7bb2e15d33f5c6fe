import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyOffer, type Offer } from '../../../scrapers/offer.ts';
import { recipeSchema } from '../../../scrapers/recipe.ts';
import { recordChanges } from '../../../src/compare/record-changes.ts';
import type { StoreHandle } from '../../../src/store/store.ts';
import { seedTarget } from '../../helpers/seed-target.ts';
import { sqliteStoreFactory } from '../../helpers/store-factory.ts';

let store: StoreHandle;
let targetId: number;

beforeEach(async () => {
  store = await sqliteStoreFactory();
  const recipe = recipeSchema.parse({ fields: [{ key: 'points', selector: '.p', type: 'number', better: 'higher' }] });
  targetId = (await seedTarget(store, { minPriceDelta: '0.10', recipe })).id;
});
afterEach(() => store.close());

/** A snapshot of the target, in PLN and in stock unless said otherwise. */
const snapshot = (offer: Partial<Offer> & { capturedAt?: string }) => {
  const { capturedAt = new Date().toISOString(), ...values } = offer;
  return store.snapshots.insert({
    targetId,
    runId: null,
    capturedAt,
    finalUrl: null,
    offer: { ...emptyOffer(), currency: 'PLN', availability: 'InStock', ...values },
    provenance: {},
    html: null,
    screenshot: null,
  });
};

describe('recordChanges', () => {
  it('stores nothing for the first snapshot of a target', async () => {
    expect(await recordChanges(store, await snapshot({ price: '19.90' }))).toEqual([]);
  });

  it('stores the changes against the previous snapshot with both snapshot ids, once', async () => {
    const first = await snapshot({ price: '19.90', capturedAt: '2026-11-01T10:00:00.000Z' });
    await recordChanges(store, first);
    const second = await snapshot({
      price: '17.90',
      availability: 'OutOfStock',
      fields: { points: { value: '3', text: '3' } },
      capturedAt: '2026-11-02T10:00:00.000Z',
    });
    const ids = await store.transaction((tx) => recordChanges(tx, second));
    expect(ids).toHaveLength(3);
    expect(await recordChanges(store, second)).toEqual(ids);
    const stored = await store.changes.byIds(ids);
    expect(stored[0]).toEqual({
      id: ids[0],
      targetId,
      field: 'price',
      old: '19.9',
      new: '17.9',
      delta: '-2',
      deltaPercent: -10.05,
      kind: 'price_decrease',
      snapshotId: second,
      previousSnapshotId: first,
      detectedAt: '2026-11-02T10:00:00.000Z',
    });
    expect(stored.map((c) => c.kind)).toEqual(['price_decrease', 'out_of_stock', 'field_changed']);
  });

  it('applies the target minimum price delta against the last recorded price, so small steps add up', async () => {
    const record = async (price: string) => recordChanges(store, await snapshot({ price }));
    await record('19.90');
    expect(await record('19.95')).toEqual([]);
    const [id] = await record('20.00');
    expect((await store.changes.byIds([id!]))[0]).toMatchObject({ old: '19.9', new: '20', delta: '0.1', kind: 'price_increase' });
    expect(await record('20.05')).toEqual([]);
    expect(await record('19.95')).toEqual([]);
    expect(await record('19.90')).toHaveLength(1);
  });

  it('leaves nothing behind when the unit of work storing the snapshot fails', async () => {
    const first = await snapshot({ price: '19.90' });
    await recordChanges(store, first);
    await expect(
      store.transaction(async (tx) => {
        const id = await tx.snapshots.insert({
          targetId,
          runId: null,
          capturedAt: new Date().toISOString(),
          finalUrl: null,
          offer: { ...emptyOffer(), price: '9.90', currency: 'PLN', availability: 'InStock' },
          provenance: {},
          html: null,
          screenshot: null,
        });
        expect(await recordChanges(tx, id)).toHaveLength(1);
        throw new Error('the run lost its lease');
      }),
    ).rejects.toThrow('the run lost its lease');
    expect((await store.changes.list({ targetId, limit: 10 })).items).toEqual([]);
    expect((await store.snapshots.latest(targetId))?.id).toBe(first);
  });
});
