import { describe, expect, it } from 'vitest';
import { toDecimalString } from '../../../scrapers/price/decimal-string.ts';

describe('toDecimalString', () => {
  it.each([
    ['1234', undefined, '1234'],
    ['12,34', undefined, '12.34'],
    ['12.34', undefined, '12.34'],
    ['1.234', undefined, '1234'],
    ['1,234', undefined, '1234'],
    ['1.234', 3, '1.234'],
    ['0.500', undefined, '0.500'],
    ['1234.567', undefined, '1234.567'],
    ['1.234.567', undefined, '1234567'],
    ['1,234.56', undefined, '1234.56'],
    ['1.234,56', undefined, '1234.56'],
    ['1,00,000', undefined, '100000'],
    ['3,0000', undefined, '3.0000'],
    ['.75', undefined, '0.75'],
    ['..75', undefined, '0.75'],
    ['.750.30', undefined, '750.30'],
    ['0012', undefined, '12'],
  ])('%s (minor digits %s) → %s', (written, minor, expected) => {
    expect(toDecimalString(written, minor)).toBe(expected);
  });

  it.each(['15.08.2017', '1.2.3', '12.34.56', '1,23.456.7'])('%s is not a number', (written) => {
    expect(toDecimalString(written)).toBeNull();
  });
});
