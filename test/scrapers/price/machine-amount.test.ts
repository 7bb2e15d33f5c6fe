import { describe, expect, it } from 'vitest';
import { machineAmount } from '../../../scrapers/price/machine-amount.ts';

describe('machineAmount', () => {
  it.each([
    ['119.01', '119.01'],
    ['99', '99'],
    ['0049.5', '49.50'],
    ['299.000', '299'],
    [' 19.99 ', '19.99'],
    ['1,299.00', '1299'],
    ['1 299.50', '1299.50'],
    ['12,5', '12.50'],
  ])('%j → %s', (text, expected) => {
    expect(machineAmount(text)).toBe(expected);
  });

  it.each(['', 'n/a', '1.299,00 €', '-5', '12,345,6'])('%j is no machine format', (text) => {
    expect(machineAmount(text)).toBeNull();
  });
});
