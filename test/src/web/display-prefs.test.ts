import { describe, expect, it } from 'vitest';
import { localeFrom, timeZoneFrom } from '../../../src/web/ui/display-prefs.ts';
import { formatDate, formatDateTime, formatMoney } from '../../../src/web/ui/format.ts';

describe('display preferences', () => {
  it('takes the best supported language of Accept-Language, else en-GB', () => {
    expect(localeFrom('pl-PL,pl;q=0.9,en;q=0.8')).toBe('pl-PL');
    expect(localeFrom('en;q=0.5, hu;q=0.9')).toBe('hu');
    expect(localeFrom('*')).toBe('en-GB');
    expect(localeFrom('not a tag!!, de')).toBe('de');
    expect(localeFrom(undefined)).toBe('en-GB');
  });

  it('takes a time zone Intl knows from the cookie, else UTC', () => {
    expect(timeZoneFrom('Europe/Warsaw')).toBe('Europe/Warsaw');
    expect(timeZoneFrom('Mars/Olympus')).toBe('UTC');
    expect(timeZoneFrom(undefined)).toBe('UTC');
  });
});

describe('formatting', () => {
  const warsaw = { locale: 'pl-PL', timeZone: 'Europe/Warsaw' };
  it('shows instants in the reader’s zone and locale', () => {
    expect(formatDateTime('2026-11-29T23:30:00Z', warsaw)).toBe('30 lis 2026, 00:30');
    expect(formatDate('2026-11-29T23:30:00Z', warsaw)).toBe('30 lis 2026');
    expect(formatDate('2026-11-29T23:30:00Z', { locale: 'en-GB', timeZone: 'UTC' })).toBe('29 Nov 2026');
  });

  it('shows exact decimal amounts with their currency, never through a float', () => {
    expect(formatMoney('1234.5', 'PLN', warsaw)).toBe('1234,50\u00a0zł');
    expect(formatMoney('17.50', 'EUR', { locale: 'en-GB', timeZone: 'UTC' })).toBe('€17.50');
    expect(formatMoney('12345678901234567.89', 'USD', { locale: 'en-US', timeZone: 'UTC' })).toBe('$12,345,678,901,234,567.89');
    expect(formatMoney('5', 'NOPE1', warsaw)).toBe('5 NOPE1');
  });
});
