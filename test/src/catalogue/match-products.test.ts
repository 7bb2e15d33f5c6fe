import { describe, expect, it } from 'vitest';
import { matchProducts } from '../../../src/catalogue/match-products.ts';

const named = (name: string, more: Record<string, string> = {}) => ({ name, ...more });

describe('matchProducts', () => {
  it('is sure on the same GTIN however written, and refuses different GTINs', () => {
    const same = matchProducts(named('Kávovar A', { gtin: '037000971924' }), named('Coffee maker', { gtin: '0037000971924' }));
    expect(same).toMatchObject({ score: 1, match: true, autoAccept: true });
    const other = matchProducts(named('Bounce 160 ct', { gtin: '037000971924' }), named('Bounce 160 ct', { gtin: '4006381333931' }));
    expect(other.match).toBe(false);
  });

  it('finds GTINs labelled in specification text', () => {
    const a = named('Dryer sheets', { specifications: 'Brand Bounce Ean 0037000971924' });
    const b = named('Bounce sheets outdoor', { specifications: 'UPC 037000971924' });
    expect(matchProducts(a, b).autoAccept).toBe(true);
  });

  it('trusts the same brand and MPN, and refuses the same brand with another MPN', () => {
    expect(matchProducts(named('Drill', { brand: 'Makita', mpn: 'DHP-485Z' }), named('Aku vrtačka', { brand: 'MAKITA', mpn: 'dhp485z' })))
      .toMatchObject({ match: true, autoAccept: true });
    expect(matchProducts(named('Drill', { brand: 'Makita', mpn: 'DHP485Z' }), named('Drill', { brand: 'Makita', mpn: 'DHP482Z' })).match).toBe(false);
  });

  it('matches names that agree once units are converted: 1 kg = 1000 g', () => {
    expect(matchProducts(named('Lavazza Oro zrnková káva 1 kg'), named('LAVAZZA Oro zrnková káva 1000g')).match).toBe(true);
    expect(matchProducts(named('Lavazza Oro zrnková káva 1 kg'), named('LAVAZZA Oro zrnková káva 500g')).match).toBe(false);
  });

  it('tells sizes of one line apart: 14x15 is not 16x17', () => {
    expect(matchProducts(named('Oboustranný klíč otevřený 14x15'), named('Oboustranný klíč otevřený 16x17')).match).toBe(false);
    expect(matchProducts(named('Oboustranný klíč otevřený 14x15'), named('Klíč oboustranný otevřený 14×15')).match).toBe(true);
  });

  it('matches on a shared model code written differently, and refuses a sibling model', () => {
    const same = matchProducts(named('55" Panasonic TX-55JX940E'), named('Panasonic TX55JX940E televize'));
    expect(same).toMatchObject({ match: true, autoAccept: true });
    expect(matchProducts(named('JVC LT-55VU6105'), named('JVC LT-55VU3105')).match).toBe(false);
    expect(matchProducts(named('Sony MDR-ZX310 černá'), named('Sony MDR-ZX310B sluchátka černá')).match).toBe(true);
  });

  it('reads colours across languages and inflections, and refuses different colours of one model', () => {
    expect(matchProducts(named('Honor Magic Earbuds bílá'), named('Honor Magic Earbuds, bílé')).match).toBe(true);
    expect(matchProducts(named('Honor Magic Earbuds white'), named('Honor Magic Earbuds bílé')).match).toBe(true);
    expect(matchProducts(named('Tefal Master Seal dóza 0,8 l růžová'), named('Tefal Master Seal dóza 0,8 l zelená')).match).toBe(false);
  });

  it('ignores diacritics and case', () => {
    expect(matchProducts(named('ÚLOŽNÁ LAVICE S PODUŠKOU AKÁCIOVÉ DŘEVO'), named('Ulozna lavice s poduskou akaciove drevo')).score).toBe(1);
  });

  it('marks down variants where each name has a word the other never mentions', () => {
    const chicken = named('Monge Paté kuře 150g');
    const lamb = matchProducts(chicken, named('Monge Paté jehně 150g'));
    expect(lamb.reasons).toContain('each name has words the other lacks');
    expect(lamb.score).toBeLessThan(matchProducts(chicken, named('MONGE paté kuře, 150 g')).score);
    expect(lamb.match).toBe(false);
  });

  it('does not auto-accept a gift bundle or a refurbished unit of the same model', () => {
    const tv = named('Samsung The Frame QE75LS03A');
    expect(matchProducts(tv, named('Samsung The Frame QE75LS03A + rámeček zdarma')).autoAccept).toBe(false);
    expect(matchProducts(tv, named('Samsung The Frame QE75LS03A (Renewed)')).autoAccept).toBe(false);
  });
});
