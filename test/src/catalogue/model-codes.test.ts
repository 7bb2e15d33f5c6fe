import { describe, expect, it } from 'vitest';
import { canonicalCode, modelCodesOf, relateCodes } from '../../../src/catalogue/model-codes.ts';

describe('model codes', () => {
  it('finds codes mixing letters and digits, long digit runs and "VD 1441", without separators', () => {
    expect([...modelCodesOf('panasonic tx-55jx940e')]).toEqual(['tx55jx940e']);
    expect([...modelCodesOf('remoska d52f/10 4l')]).toEqual(['d52f10']);
    expect(modelCodesOf('amica vd 1441 aww')).toContain('vd1441');
    expect([...modelCodesOf('eglo 93452 lampa')]).toEqual(['93452']);
    expect(canonicalCode('MD101LL/A'.toLowerCase())).toBe('md101lla');
  });

  it('does not take quantities, years, or a number with a word for a code', () => {
    expect([...modelCodesOf('kava 250g 14 kg 128gb 2021 18-inch 6-speed 7dilna se 150 led')]).toEqual([]);
  });

  it('keeps short codes such as "g5" only when asked for them', () => {
    expect([...modelCodesOf('strongphone g5')]).toEqual([]);
    expect([...modelCodesOf('strongphone g5', 2)]).toEqual(['g5']);
  });

  it('tells the same code, a suffixed form, a sibling model and an unrelated code apart', () => {
    expect(relateCodes('n1012610', 'n1012610')).toBe('same');
    expect(relateCodes('mdrzx310', 'mdrzx310b')).toBe('extended');
    expect(relateCodes('krt501005', 'krt501006')).toBe('digits-differ');
    expect(relateCodes('lt55vu6105', 'lt55vu3105')).toBe('digits-differ');
    expect(relateCodes('qe55qn85a', 'qe55q80a')).toBe('digits-differ');
    expect(relateCodes('u43h7lx', 'u43h7sx')).toBe('letters-differ');
    expect(relateCodes('jmtc6', '82c500j4ck')).toBe('unrelated');
  });
});
