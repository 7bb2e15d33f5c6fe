import { describe, expect, it } from 'vitest';
import { canonicalMoney, compareDecimals, multiply, normaliseDecimal, percentOf, subtract } from '../../../scrapers/price/decimal.ts';

describe('decimal strings', () => {
  it('normalises without changing the value', () => {
    expect(normaliseDecimal('19.90')).toBe('19.9');
    expect(normaliseDecimal(' 019.900 ')).toBe('19.9');
    expect(normaliseDecimal('45.00')).toBe('45');
    expect(normaliseDecimal('-0.00')).toBe('0');
    expect(normaliseDecimal('-0')).toBe('0');
    expect(normaliseDecimal('-0.5')).toBe('-0.5');
    expect(normaliseDecimal('0')).toBe('0');
    expect(normaliseDecimal('.5')).toBe('0.5');
    expect(normaliseDecimal('12,50')).toBeNull();
  });

  it.each([
    ['19.90', '19.90'],
    ['19.5', '19.50'],
    ['0099.0', '99'],
    ['45.00', '45'],
    ['1.999', '1.999'],
    ['1.2500', '1.25'],
    ['.5', '0.50'],
    ['0', '0'],
  ])('stores money %s as %s', (amount, stored) => {
    expect(canonicalMoney(amount)).toBe(stored);
  });

  it('refuses to store text that is no decimal as money', () => {
    expect(() => canonicalMoney('12,50')).toThrow(TypeError);
  });

  it('subtracts exactly where floats do not', () => {
    expect(subtract('0.3', '0.1')).toBe('0.2');
    expect(subtract('19.9', '21.99')).toBe('-2.09');
    expect(subtract('1000000000000000000.01', '0.02')).toBe('999999999999999999.99');
  });

  it('compares, multiplies with rounding half away from zero, and gives percents', () => {
    expect(compareDecimals('19.90', '19.9')).toBe(0);
    expect(compareDecimals('-1', '0.5')).toBe(-1);
    expect(compareDecimals('100', '99.99')).toBe(1);
    expect(multiply('10.005', '1', 2)).toBe('10.01');
    expect(multiply('-10.005', '1', 2)).toBe('-10.01');
    expect(multiply('12.5', '4.3215', 2)).toBe('54.02');
    expect(percentOf('-2.09', '21.99')).toBe(-9.5);
    expect(percentOf('1', '3')).toBe(33.33);
    expect(percentOf('1', '0')).toBeNull();
    expect(percentOf('-1', '8')).toBe(-12.5);
    expect(percentOf('-1', '-3')).toBe(33.33);
    expect(percentOf('2', '-3')).toBe(-66.67);
  });

  it('stays exact beyond the range of safe integers', () => {
    expect(subtract('9007199254740993', '1')).toBe('9007199254740992');
    expect(subtract('0.000000000000000001', '0.1')).toBe('-0.099999999999999999');
    expect(compareDecimals('90071992547409931', '90071992547409930')).toBe(1);
    expect(multiply('123456789012345.67', '1000.5', 2)).toBe('123518517406851842.84');
    expect(percentOf('123456789012345678', '246913578024691356')).toBe(50);
    expect(percentOf('1', '300000000000000000000')).toBe(0);
  });
});
