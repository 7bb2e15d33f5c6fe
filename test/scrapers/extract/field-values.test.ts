import { describe, expect, it } from 'vitest';
import { readBoolean, readDuration, readNumber } from '../../../scrapers/extract/field-values.ts';

describe('custom field values', () => {
  it.each([
    ['30 days', '30'], ['30 Tage', '30'], ['30 dni', '30'], ['14 nap', '14'], ['30 dní', '30'], ['30 jours', '30'], ['30 días', '30'],
    ['30 giorni', '30'], ['30 dagen', '30'], ['30 dagar', '30'], ['2 weeks', '14'], ['2 Wochen', '14'], ['2 tygodnie', '14'], ['3 týdny', '21'],
    ['1 month', '30'], ['1 Monat', '30'], ['2 miesiące', '60'], ['1 year', '365'], ['2 Jahre', '730'], ['24 h', '1'], ['36 Stunden', '1.5'],
    ['12 godzin', '0.5'], ['30', '30'], ['1,5 hét', '10.5'],
  ])('duration %s → %s days', (text, days) => {
    expect(readDuration(text)).toBe(days);
  });

  it.each([
    ['yes', true], ['Ja', true], ['tak', true], ['igen', true], ['ano', true], ['da', true], ['oui', true], ['sí', true], ['✓', true],
    ['no', false], ['Nein', false], ['nie', false], ['nem', false], ['ne', false], ['non', false], ['nej', false], ['–', true], ['-', false],
    ['Free gift wrapping', true],
  ])('boolean %s → %s', (text, value) => {
    expect(readBoolean(text)).toBe(value);
  });

  it.each([
    ['1 234,5', '1234.5'], ['1,234.5', '1234.5'], ['2.5 points', '2.5'], ['7,5 %', '7.5'], ['1.000', '1000'], ['10', '10'], ['-3', '-3'], ['none', null],
  ])('number %s → %s', (text, value) => {
    expect(readNumber(text)).toBe(value);
  });
});
