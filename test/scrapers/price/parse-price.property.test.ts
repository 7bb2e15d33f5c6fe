import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePrice, parsePrices } from '../../../scrapers/price/parse-price.ts';

const DECIMAL = /^\d+(\.\d+)?$/;
const ISO = /^[A-Z]{3}$/;

/** Pieces prices are written with, in many locales, plus noise; joined in any order. */
const PIECES = [
  '0', '1', '2', '5', '9', '12', '99', '1234', '1 234', '1.234', '1,234', '1\u00a0234', '1\u202f234', '1’234', ',', '.', ',-', '.-', '–', '-', '—', '/', '%', '+', 'e5', '1e308', '0x1F',
  '€', '$', 'US$', 'C$', 'zł', 'Kč', 'Ft', '£', '¥', '円', '元', '₹', 'Rs', 'R$', 'CHF', 'EUR', 'PLN', 'JPY', 'KWD', 'BTC', 'lei', 'kr', 'грн', '₽',
  'was', 'now', 'from', 'ab', 'od', 'Free', 'gratis', 'per kg', '/ 100 g', 'incl. VAT', 'bez DPH', 'x', '(', ')', ' ', '  ', '\n', '\t', '<b>', '&nbsp;',
  '٣', '٫', '١٢', '٬', '\u0000', '\ufffd', '\u200b', '🙂', 'ß', 'İ',
];
const priceText = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((parts) => parts.join('')),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.stringMatching(/^[0-9.,' \u00a0]{0,60}$/),
);
const hints = fc.record(
  {
    locale: fc.constantFrom('de-DE', 'de_AT', 'pl', 'en-US', 'fr-CH', 'ja', 'ar-EG', 'hi-IN', 'xx', '', 'not a locale'),
    currency: fc.constantFrom('EUR', 'eur', 'JPY', 'KWD', 'CLP', 'XYZ', '', '$'),
    hint: fc.oneof(fc.constantFrom('https://shop.cl/p', 'https://shop.co.jp/', 'not a url', ''), fc.string({ maxLength: 40 })),
  },
  { requiredKeys: [] },
);

describe('price parsing on generated texts (fast-check)', () => {
  it('never throws; amounts are exact decimal strings or null; currencies ISO codes or null', () => {
    fc.assert(
      fc.property(priceText, hints, (text, h) => {
        const one = parsePrice(text, h);
        if (one.amount !== null) expect(one.amount).toMatch(DECIMAL);
        if (one.currency !== null) expect(one.currency).toMatch(ISO);
        for (const found of parsePrices(text, h)) {
          expect(found.amount).toMatch(DECIMAL);
          if (found.currency !== null) expect(found.currency).toMatch(ISO);
          expect(found.start).toBeGreaterThanOrEqual(0);
          expect(found.end).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('reads back any amount written plainly with a currency code', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999_999 }), fc.integer({ min: 0, max: 99 }), (units, cents) => {
        const written = `${units}.${String(cents).padStart(2, '0')}`;
        const parsed = parsePrice(`${written} EUR`, { locale: 'en-US' });
        expect(parsed.currency).toBe('EUR');
        expect(Number(parsed.amount)).toBeCloseTo(Number(written), 2);
      }),
      { numRuns: 200 },
    );
  });
});
