import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../../src/compare/diff-snapshots.ts';
import type { SnapshotValues } from '../../../src/compare/offer-values.ts';

const offer = (o: Partial<SnapshotValues> = {}): SnapshotValues => ({
  name: 'Espresso 250 g',
  price: '19.90',
  regularPrice: null,
  currency: 'PLN',
  availability: 'InStock',
  promotions: [],
  fields: {},
  ...o,
});
const none = { minPriceDelta: null, fieldTypes: {} };

describe('diffSnapshots', () => {
  it('finds no change in values equal after normalisation', () => {
    const a = offer({ price: '19.9', name: ' Espresso   250 g', promotions: ['-10 %  on  beans'], fields: { points: { value: '5.0', text: '5 pts' } } });
    const b = offer({ price: '19.90', name: 'Espresso 250 g', promotions: ['-10 % on beans '], fields: { points: { value: '5', text: '5 points' } } });
    expect(diffSnapshots(a, b, { minPriceDelta: null, fieldTypes: { points: 'number' } })).toEqual([]);
  });

  it('records a price move with exact delta and percent', () => {
    expect(diffSnapshots(offer({ price: '21.99' }), offer({ price: '19.90' }), none)).toEqual([
      { field: 'price', kind: 'price_decrease', old: '21.99', new: '19.9', delta: '-2.09', deltaPercent: -9.5 },
    ]);
    expect(diffSnapshots(offer(), offer({ price: '20.40' }), none)[0]).toMatchObject({ kind: 'price_increase', delta: '0.5' });
  });

  it('suppresses price moves under the target minimum delta, keeps those at or above it', () => {
    const min = { minPriceDelta: '0.50', fieldTypes: {} };
    expect(diffSnapshots(offer({ price: '19.90' }), offer({ price: '20.30' }), min)).toEqual([]);
    expect(diffSnapshots(offer({ price: '19.90' }), offer({ price: '19.41' }), min)).toEqual([]);
    expect(diffSnapshots(offer({ price: '19.90' }), offer({ price: '20.40' }), min)).toHaveLength(1);
    expect(diffSnapshots(offer({ regularPrice: '25' }), offer({ regularPrice: '25.10' }), min)).toEqual([]);
  });

  it('never subtracts prices in different currencies', () => {
    const changes = diffSnapshots(offer({ price: '19.90', currency: 'PLN' }), offer({ price: '4.99', currency: 'EUR' }), none);
    expect(changes).toEqual([
      { field: 'price', kind: 'price_changed', old: '19.9', new: '4.99', delta: null, deltaPercent: null },
      { field: 'currency', kind: 'currency_changed', old: 'PLN', new: 'EUR', delta: null, deltaPercent: null },
    ]);
  });

  it('names availability, promotion, name and price presence changes as the domain does', () => {
    const kinds = (a: Partial<SnapshotValues>, b: Partial<SnapshotValues>) => diffSnapshots(offer(a), offer(b), none).map((c) => c.kind);
    expect(kinds({}, { availability: 'OutOfStock' })).toEqual(['out_of_stock']);
    expect(kinds({ availability: 'OutOfStock' }, { availability: 'InStock' })).toEqual(['back_in_stock']);
    expect(kinds({ availability: null }, { availability: 'InStock' })).toEqual(['availability_changed']);
    expect(kinds({ promotions: ['Free shipping'] }, { promotions: ['2 for 1'] })).toEqual(['promotion_ended', 'promotion_started']);
    expect(kinds({}, { name: 'Espresso 500 g' })).toEqual(['name_changed']);
    expect(kinds({}, { price: null })).toEqual(['price_removed']);
    expect(kinds({ regularPrice: null }, { regularPrice: '24.99' })).toEqual(['regular_price_added']);
  });

  it('diffs every recipe field by its type', () => {
    const a = offer({
      fields: {
        points: { value: '5', text: '5 pts' },
        threshold: { value: '199.00', currency: 'PLN', text: '199 zł' },
        pickup: { value: true, text: 'yes' },
        hours: { value: 'Mon–Fri 9–17', text: '' },
      },
    });
    const b = offer({
      fields: {
        points: { value: '6', text: '6 pts' },
        threshold: { value: '49', currency: 'EUR', text: '49 €' },
        pickup: { value: false, text: 'no' },
        hours: { value: 'Mon–Sat  9–17', text: '' },
      },
    });
    const types = { points: 'number', threshold: 'money', pickup: 'boolean', hours: 'text' } as const;
    expect(diffSnapshots(a, b, { minPriceDelta: '10', fieldTypes: types })).toEqual([
      { field: 'fields.points', kind: 'field_changed', old: '5', new: '6', delta: '1', deltaPercent: 20 },
      { field: 'fields.threshold', kind: 'field_changed', old: '199 PLN', new: '49 EUR', delta: null, deltaPercent: null },
      { field: 'fields.pickup', kind: 'field_changed', old: 'true', new: 'false', delta: null, deltaPercent: null },
      { field: 'fields.hours', kind: 'field_changed', old: 'Mon–Fri 9–17', new: 'Mon–Sat 9–17', delta: null, deltaPercent: null },
    ]);
  });
});
