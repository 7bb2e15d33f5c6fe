import { describe, expect, it } from 'vitest';
import { canonicalQuantityWord, dimensionsOf, packCountsOf, quantitiesOf, sameAmount, sameDimensions } from '../../../src/catalogue/quantities.ts';

describe('quantities', () => {
  it('converts units to one base per kind: 1 kg = 1000 g, 0,8 l = 800 ml, 55" in mm', () => {
    expect(quantitiesOf('kava 1 kg')).toEqual([{ kind: 'mass', value: 1000 }]);
    expect(quantitiesOf('kava 1000g')).toEqual([{ kind: 'mass', value: 1000 }]);
    expect(quantitiesOf('doza 0,8 l')).toEqual([{ kind: 'volume', value: 800 }]);
    expect(quantitiesOf('55" tv')).toEqual([{ kind: 'length', value: 55 * 25.4 }]);
    expect(quantitiesOf('ssd 512 gb, 1 tb')).toEqual([{ kind: 'data', value: 512 }, { kind: 'data', value: 1000 }]);
  });

  it('tells fluid ounces (volume) from ounces (mass)', () => {
    expect(quantitiesOf('spray 32 fl oz')[0]?.kind).toBe('volume');
    expect(quantitiesOf('absorber 14 oz.')[0]?.kind).toBe('mass');
  });

  it('ignores numbers glued into model codes and words', () => {
    expect(quantitiesOf('lt-55vu6105 g21 ga-240')).toEqual([]);
  });

  it('reads sizes a×b(×c) with or without unit', () => {
    expect(dimensionsOf('klic 14x15 -175mm')).toEqual([{ written: [14, 15], mm: null }]);
    expect(dimensionsOf('klic 16×17')).toEqual([{ written: [16, 17], mm: null }]);
    expect(dimensionsOf('stolek 90 x 55 x 36 cm')).toEqual([{ written: [36, 55, 90], mm: [360, 550, 900] }]);
  });

  it('compares sizes as written, or in mm when both give units', () => {
    const [plain] = dimensionsOf('panel pair, 54x84, natural');
    const [inches] = dimensionsOf('panel pair, 54"x84"');
    const [cm] = dimensionsOf('stolek 90x55 cm');
    const [mm] = dimensionsOf('stolek 900x550 mm');
    expect(sameDimensions(plain!, inches!)).toBe(true);
    expect(sameDimensions(cm!, mm!)).toBe(true);
    expect(sameDimensions(plain!, cm!)).toBe(false);
  });

  it('reads pack sizes in their usual spellings', () => {
    expect(packCountsOf('wipes (pack of 6)')).toEqual([6]);
    expect(packCountsOf('utěrka 3 ks')).toEqual([3]);
    expect(packCountsOf('bags 50ct 3 pack')).toEqual([50, 3]);
  });

  it('compares amounts within rounding: 14 oz ≈ 397 g, 148 cm ≠ 170 cm', () => {
    expect(sameAmount(14 * 28.3495, 397)).toBe(true);
    expect(sameAmount(1480, 1700)).toBe(false);
  });
});

describe('canonicalQuantityWord', () => {
  it('writes a quantity word in base units so spellings meet', () => {
    expect(canonicalQuantityWord('1kg')).toBe('1000g');
    expect(canonicalQuantityWord('1000g')).toBe('1000g');
    expect(canonicalQuantityWord('0.8l')).toBe('800ml');
    expect(canonicalQuantityWord('14oz')).toBe(canonicalQuantityWord('397g'));
    expect(canonicalQuantityWord('kg')).toBeNull();
    expect(canonicalQuantityWord('n1012610')).toBeNull();
  });
});
