import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/store/changes.ts';
import { changesHref, parseChangeFilters, storeFilter } from '../../src/web/changes/change-filters.ts';
import { byDay } from '../../src/web/changes/changes-feed.tsx';
import { WordDiff } from '../../src/web/changes/word-diff.tsx';
import { scriptSafeJson } from '../../src/web/ui/json-script.tsx';

describe('change filters in the query string', () => {
  it('keeps valid filters, drops empty and invalid ones, and writes them back in a fixed order', () => {
    const filters = parseChangeFilters({ field: 'price', businessId: '3', productId: '', kind: 'nonsense', period: '7d', other: 'x' });
    expect(filters).toEqual({ businessId: 3, field: 'price', period: '7d' });
    expect(changesHref(filters)).toBe('/changes?businessId=3&field=price&period=7d');
    expect(changesHref(filters, '42')).toBe('/changes?businessId=3&field=price&period=7d&cursor=42');
    expect(changesHref({})).toBe('/changes');
    expect(parseChangeFilters({ businessId: '-1', productId: '1.5', field: ' ' })).toEqual({});
  });

  it('turns the period into the store’s since, counted back from now; the feed reads newest first', () => {
    const now = Date.parse('2026-11-29T12:00:00Z');
    expect(storeFilter({ productId: 2, period: '1d' }, { limit: 50, after: 9 }, now)).toEqual({
      productId: 2,
      since: '2026-11-28T12:00:00.000Z',
      limit: 50,
      after: 9,
      newestFirst: true,
    });
    expect(storeFilter({ kind: 'out_of_stock' }, { limit: 50 }, now)).toEqual({ kind: 'out_of_stock', limit: 50, newestFirst: true });
  });
});

describe('feed partials', () => {
  const change = (id: number, detectedAt: string) => ({ id, detectedAt }) as Change;

  it('groups consecutive changes by their calendar day in the reader’s time zone', () => {
    const changes = [change(1, '2026-11-20T10:00:00Z'), change(2, '2026-11-20T23:30:00Z'), change(3, '2026-11-21T00:30:00Z')];
    const days = (timeZone: string) => byDay(changes, { locale: 'en-GB', timeZone }).map((d) => [d.day, d.changes.map((c) => c.id)]);
    expect(days('UTC')).toEqual([['20 Nov 2026', [1, 2]], ['21 Nov 2026', [3]]]);
    expect(days('Pacific/Auckland')).toEqual([['20 Nov 2026', [1]], ['21 Nov 2026', [2, 3]]]);
    expect(days('America/Los_Angeles')).toEqual([['20 Nov 2026', [1, 2, 3]]]);
  });

  it('word-diffs strangers’ text as escaped text', async () => {
    const html = String(await WordDiff({ old: 'Grinder <b>black</b>', next: 'Grinder <i>white</i>' }));
    expect(html).not.toMatch(/<[bi]>/);
    expect(html).toContain('Grinder &lt;');
    expect(html).toContain('<del><span class="visually-hidden">removed: </span>black</del>');
    expect(html).toContain('<ins><span class="visually-hidden">added: </span>white</ins>');
  });

  it('embeds JSON that cannot close its script element and reads back the same', () => {
    const data = { label: 'Rival </script><script>alert(1)</script> & <!-- \u2028' };
    const text = scriptSafeJson(data);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(data);
  });
});
