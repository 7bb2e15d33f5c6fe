import { describe, expect, it } from 'vitest';
import { hasValidCheckDigit, labelledGtins, normaliseGtin } from '../../../src/catalogue/gtin.ts';

describe('GTIN normalisation', () => {
  it('accepts EAN-13, UPC-A, GTIN-8 and GTIN-14 with valid check digits, padded to 14 digits', () => {
    expect(normaliseGtin('4006381333931')).toBe('04006381333931');
    expect(normaliseGtin('037000971924')).toBe('00037000971924');
    expect(normaliseGtin('96385074')).toBe('00000096385074');
    expect(normaliseGtin('10037000971921')).toBe('10037000971921');
  });

  it('makes a UPC-A and its EAN-13 form equal; spaces and dashes are allowed', () => {
    expect(normaliseGtin('0037000971924')).toBe(normaliseGtin('037000971924'));
    expect(normaliseGtin('4 006381 33393-1')).toBe('04006381333931');
  });

  it('refuses wrong check digits, wrong lengths, letters and zeros', () => {
    expect(normaliseGtin('4006381333932')).toBeNull();
    expect(normaliseGtin('037000971925')).toBeNull();
    expect(normaliseGtin('12345678901')).toBeNull();
    expect(normaliseGtin('40063813339X1')).toBeNull();
    expect(normaliseGtin('00000000000000')).toBeNull();
    expect(normaliseGtin('')).toBeNull();
    expect(hasValidCheckDigit('5')).toBe(false);
  });

  it('finds labelled GTINs in specification text, valid ones only', () => {
    expect(labelledGtins('Brand Bounce Ean 0037000971924 Model 971924 UPC 037000971924')).toEqual(['00037000971924']);
    expect(labelledGtins('EAN: 4006381333932, part 4006381333931')).toEqual([]);
  });
});
