import { describe, expect, it } from 'vitest';
import { compareProduct, type FieldDefinition, type OfferInput } from '../../../src/compare/compare-product.ts';
import { staleSince } from '../../../src/compare/staleness.ts';
import { parseRates } from '../../../src/compare/rates.ts';

let nextId = 1;
const offer = (o: Partial<OfferInput>): OfferInput => {
  const id = nextId++;
  return {
    targetId: id,
    businessId: id,
    business: `B${id}`,
    own: false,
    snapshotId: id,
    capturedAt: '2026-11-23T10:00:00.000Z',
    stale: false,
    price: '20.00',
    regularPrice: null,
    currency: 'PLN',
    availability: 'InStock',
    promotions: [],
    fields: {},
    ...o,
  };
};
const product = { id: 1, name: 'Espresso 250 g' };

describe('compareProduct', () => {
  it('gives delta, price index, rank, cheapest and discount against the own price', () => {
    const own = offer({ own: true, price: '20.00' });
    const cheaper = offer({ price: '18.00', regularPrice: '24.00' });
    const dearer = offer({ price: '25.00' });
    const tie = offer({ price: '18.0' });
    const c = compareProduct(product, [own, cheaper, dearer, tie], [], {});
    const [a, b, d] = c.competitors;
    expect(a).toMatchObject({ delta: '-2', deltaPercent: -10, priceIndex: 90, rank: 1, cheapest: true, discount: '6', discountPercent: 25, ownPrice: 'worse' });
    expect(b).toMatchObject({ delta: '5', priceIndex: 125, rank: 4, cheapest: false, ownPrice: 'better' });
    expect(d).toMatchObject({ rank: 1, cheapest: true });
    expect(c.own).toMatchObject({ rank: 3, cheapest: false });
    expect(c.cheapestBusinessIds).toEqual([cheaper.businessId, tie.businessId]);
    expect(c.ownRank).toBe(3);
  });

  it('judges each recipe field by its declared direction', () => {
    const fields: FieldDefinition[] = [
      { key: 'points', label: null, type: 'number', better: 'higher' },
      { key: 'freeShippingFrom', label: null, type: 'money', better: 'lower' },
      { key: 'returnDays', label: null, type: 'duration', better: 'higher' },
      { key: 'pickup', label: null, type: 'boolean', better: 'higher' },
      { key: 'hotline', label: null, type: 'text', better: 'none' },
    ];
    const own = offer({
      own: true,
      fields: {
        points: { value: '5', text: '' },
        freeShippingFrom: { value: '199', currency: 'PLN', text: '' },
        returnDays: { value: '30', text: '' },
        pickup: { value: true, text: '' },
        hotline: { value: '24/7', text: '' },
      },
    });
    const rival = offer({
      fields: {
        points: { value: '10', text: '' },
        freeShippingFrom: { value: '249.00', currency: 'PLN', text: '' },
        returnDays: { value: '30.0', text: '' },
        pickup: { value: false, text: '' },
        hotline: { value: 'Mon-Fri', text: '' },
      },
    });
    const c = compareProduct(product, [own, rival], fields, {});
    expect(c.competitors[0]!.ownFields).toEqual({ points: 'worse', freeShippingFrom: 'better', returnDays: 'equal', pickup: 'better', hotline: 'different' });
  });

  it('flags other currencies instead of comparing them, and converts with given rates', () => {
    const own = offer({ own: true, price: '20.00' });
    const euro = offer({ price: '4.50', currency: 'EUR' });
    const flagged = compareProduct(product, [own, euro], [], {}).competitors[0]!;
    expect(flagged).toMatchObject({ issue: 'currency_mismatch', priceIndex: null, delta: null, rank: null, comparablePrice: null });
    const rates = parseRates('EUR:4.3215');
    if (typeof rates === 'string') throw new Error(rates);
    const converted = compareProduct(product, [own, euro], [], rates).competitors[0]!;
    expect(converted).toMatchObject({ issue: null, comparablePrice: '19.45', rate: '4.3215', delta: '-0.55', rank: 1 });
    expect(parseRates('EUR=abc')).toMatch(/not CUR:rate/);
  });

  it('never ranks stale offers as current', () => {
    const own = offer({ own: true, price: '20.00' });
    const stale = offer({ price: '10.00', stale: true });
    const c = compareProduct(product, [own, stale], [], {});
    expect(c.competitors[0]).toMatchObject({ issue: 'stale', rank: null, cheapest: false, priceIndex: null, ownPrice: null });
    expect(c.own).toMatchObject({ rank: 1, cheapest: true });
  });
});

describe('staleSince', () => {
  const now = Date.parse('2026-11-23T12:00:00.000Z');
  const isStale = (last: string, schedule: string, multiple: number, at: number) => staleSince(last, schedule, multiple, at) < at;
  it('is stale after the configured multiple of the schedule interval', () => {
    expect(isStale('2026-11-23T09:30:00.000Z', '0 * * * *', 3, now)).toBe(false);
    expect(isStale('2026-11-23T08:59:00.000Z', '0 * * * *', 3, now)).toBe(true);
    expect(isStale('2026-11-21T13:00:00.000Z', '0 6 * * *', 3, now)).toBe(false);
    expect(isStale('2026-11-23T08:59:00.000Z', '0 * * * *', 4, now)).toBe(false);
  });
});
