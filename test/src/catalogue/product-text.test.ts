import { describe, expect, it } from 'vitest';
import { decodeEntities, foldText, repairMojibake, stem, wordsOf } from '../../../src/catalogue/product-text.ts';

describe('product text', () => {
  it('folds diacritics and case so Czech spellings meet', () => {
    expect(foldText('Černá Dóza Úložná ŘÍZEK')).toBe('cerna doza ulozna rizek');
    expect(foldText('Łódź Øre Straße')).toBe('lodz ore strasse');
  });

  it('decodes entities and repairs text decoded twice', () => {
    expect(decodeEntities('Lemon &amp; Lime&nbsp;&#8482; &#x2122; &bogus;')).toBe('Lemon & Lime ™ ™ &bogus;');
    expect(repairMojibake('ZiplocÃ‚Â® Brand')).toBe('Ziploc® Brand');
    expect(repairMojibake('Crème brûlée')).toBe('Crème brûlée');
  });

  it('splits words keeping decimals, with a decimal comma as a point', () => {
    expect(wordsOf('doza 0,8 l n1012610. tx-55jx940e 2.5ghz')).toEqual(['doza', '0.8l', 'n1012610', 'tx55jx940e', '2.5ghz']);
  });

  it('keeps hyphenated and slashed codes whole but splits words joined by a hyphen', () => {
    expect(wordsOf('d52f/10 ga-240 air-dry')).toEqual(['d52f10', 'ga240', 'air', 'dry']);
  });

  it('stems inflected forms of one word to one stem, and leaves numbers and short words', () => {
    expect(stem('cerna')).toBe(stem('cerny'));
    expect(stem('kompostove')).toBe(stem('kompostova'));
    expect(stem('bags')).toBe('bag');
    expect(stem('150g')).toBe('150g');
    expect(stem('set')).toBe('set');
  });
});
