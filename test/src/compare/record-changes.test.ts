import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordChanges } from '../../../src/compare/record-changes.ts';
import { changesRepo } from '../../../src/db/changes.ts';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { offerSeed, type OfferSeed } from '../../helpers/offer-seed.ts';

let t: TestApp;
let seed: OfferSeed;
let targetId: number;

beforeEach(() => {
  t = createTestApp();
  seed = offerSeed(t.db);
  const rival = seed.business('Rival');
  const product = seed.product('Espresso 250 g');
  targetId = seed.target(rival, product, {
    minPriceDelta: '0.10',
    recipe: { fields: [{ key: 'points', selector: '.p', type: 'number', better: 'higher' }] },
  });
});
afterEach(() => t.close());

describe('recordChanges', () => {
  it('stores nothing for the first snapshot of a target', () => {
    expect(recordChanges(t.db, seed.snapshot(targetId, { price: '19.90' }))).toEqual([]);
  });

  it('stores the changes against the previous snapshot with both snapshot ids, once', () => {
    const first = seed.snapshot(targetId, { price: '19.90', capturedAt: '2026-11-01T10:00:00.000Z' });
    recordChanges(t.db, first);
    const second = seed.snapshot(targetId, {
      price: '17.90',
      availability: 'OutOfStock',
      fields: { points: { value: '3', text: '3' } },
      capturedAt: '2026-11-02T10:00:00.000Z',
    });
    const ids = t.db.transaction(() => recordChanges(t.db, second))();
    expect(ids).toHaveLength(3);
    expect(recordChanges(t.db, second)).toEqual(ids);
    const stored = changesRepo(t.db).byIds(ids);
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

  it('applies the target minimum price delta against the last recorded price, so small steps add up', () => {
    recordChanges(t.db, seed.snapshot(targetId, { price: '19.90' }));
    expect(recordChanges(t.db, seed.snapshot(targetId, { price: '19.95' }))).toEqual([]);
    const [id] = recordChanges(t.db, seed.snapshot(targetId, { price: '20.00' }));
    expect(changesRepo(t.db).byIds([id!])[0]).toMatchObject({ old: '19.9', new: '20', delta: '0.1', kind: 'price_increase' });
    expect(recordChanges(t.db, seed.snapshot(targetId, { price: '20.05' }))).toEqual([]);
    expect(recordChanges(t.db, seed.snapshot(targetId, { price: '19.95' }))).toEqual([]);
    expect(recordChanges(t.db, seed.snapshot(targetId, { price: '19.90' }))).toHaveLength(1);
  });
});
