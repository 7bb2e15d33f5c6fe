import { describe, expect, it } from 'vitest';
import { parsePrices } from '../../../scrapers/price/parse-price.ts';

const summary = (text: string) => parsePrices(text).map((p) => [p.amount, p.currency, p.role]);

describe('parsePrices', () => {
  it('lists a was/now pair in order with roles', () => {
    expect(summary('Was $120.00 Now $60.00')).toEqual([
      ['120.00', 'USD', 'was'],
      ['60.00', 'USD', 'now'],
    ]);
  });

  it('marks the amount saved', () => {
    expect(summary('Du sparer 200 kr')).toEqual([['200', 'SEK', 'saving']]);
  });

  it('lists both ends of a range, the currency written once at the end', () => {
    expect(summary('1 299 – 1 499 Kč')).toEqual([
      ['1299', 'CZK', null],
      ['1499', 'CZK', null],
    ]);
  });

  it('leaves out percentages and quantities', () => {
    expect(summary('-20% 3 Stück 24,00 €')).toEqual([['24.00', 'EUR', null]]);
  });

  it('gives offsets of each number in the text', () => {
    const [first] = parsePrices('Nur 9,99 €');
    expect(first).toMatchObject({ start: 4, end: 8 });
  });

  it('finds nothing in a text without numbers', () => {
    expect(parsePrices('Ausverkauft')).toEqual([]);
  });
});
