import { describe, expect, it } from 'vitest';
import { parseMachineAmount } from '../../../scrapers/price/machine-amount.ts';

describe('parseMachineAmount', () => {
  it.each([
    ['299.000', '299.000'],
    ['1299.00', '1299.00'],
    ['0049.5', '49.5'],
    ['12', '12'],
    [' 19.99 ', '19.99'],
    [19.99, '19.99'],
    [1500, '1500'],
    ['1.299,00 €', '1299.00'],
  ] as const)('%j → %s', (value, expected) => {
    expect(parseMachineAmount(value)).toBe(expected);
  });

  it.each([null, undefined, '', 'n/a', -5, Number.NaN, 1e21])('%j → null', (value) => {
    expect(parseMachineAmount(value)).toBeNull();
  });
});
