import type { Page } from 'playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordChanges } from '../../src/compare/record-changes.ts';
import { createPerson } from '../../src/people/manage-people.ts';
import { offerSeed } from '../helpers/offer-seed.ts';
import { seedOfferHistory, utcMidnightDaysAgo } from './offer-history-seed.ts';
import { useWebHarness } from './web-harness.ts';

const web = useWebHarness();
const MARKETER = { email: 'marketer@shop.test', password: 'marketer password 123' };
const DAY = utcMidnightDaysAgo(3);
let seeded: Awaited<ReturnType<typeof seedOfferHistory>>;
let kettle: number;

beforeAll(async () => {
  const store = web.app.store;
  await createPerson(store, { ...MARKETER, role: 'marketer', displayName: 'Mark Marketer' });
  seeded = await seedOfferHistory(store, DAY);
  // 55 price moves of one more product, a week earlier: more than one page of the feed
  const seed = offerSeed(store);
  kettle = await seed.product('Paging Kettle');
  const target = await seed.target(seeded.own, kettle);
  for (let i = 0; i <= 55; i++) {
    const capturedAt = new Date(DAY - 7 * 86_400_000 + i * 60_000).toISOString();
    await recordChanges(store, await seed.snapshot(target, { price: i % 2 ? '20.00' : '10.00', capturedAt }));
  }
});

async function signedIn(path: string, timezoneId = 'UTC'): Promise<Page> {
  const page = await web.newPage({ timezoneId, locale: 'en-GB' });
  await page.goto(`/sign-in?next=${encodeURIComponent(path)}`);
  await web.signIn(page, MARKETER);
  return page;
}

const feedRows = (page: Page) => page.locator('#changes-feed .change');
const markWindow = (page: Page) => page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
const stayed = (page: Page) => page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed === true);

describe('changes feed', () => {
  it('shows old → new with the move, and text fields as a word diff of removed and added words', async () => {
    const page = await signedIn(`/changes?productId=${seeded.grinder}`);
    expect(await feedRows(page).count()).toBe(6);
    const price = feedRows(page).filter({ hasText: 'Rival B' });
    expect((await price.locator('.change-values').textContent())!.replace(/\s+/g, ' ')).toBe('PLN 530.00 → to PLN 540.00+PLN 10.00 (+1.9%)');

    const name = feedRows(page).filter({ hasText: 'Name changed' });
    expect(await name.locator('del').allTextContents()).toEqual(['removed: , 2024 model']);
    expect(await name.locator('ins').allTextContents()).toEqual(['added: matte ', 'added:  edition']);
    expect(await name.locator('.word-diff').textContent()).toContain('Espresso Grinder X');
    // both snapshots' evidence: the later one kept its page and screenshot
    expect(await name.getByRole('link', { name: /^page after/ }).getAttribute('href')).toBe(`/api/snapshots/${seeded.rivalALatest}/evidence/html`);
    expect(await name.textContent()).toContain('Before: no evidence kept');
    // a stranger's name is text, never markup
    expect(await page.locator('#changes-feed b').count()).toBe(0);

    const promotion = feedRows(page).filter({ hasText: 'Promotion started' });
    expect(await promotion.locator('ins').allTextContents()).toEqual(['added: Free delivery']);
    await web.expectAccessible(page);
    await web.screenshots(page, 'changes');

    // a product link in the feed loads the product's page (only paging is swapped into the feed)
    await promotion.getByRole('link', { name: 'Espresso Grinder X' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Espresso Grinder X');
    expect(new URL(page.url()).pathname).toBe(`/products/${seeded.grinder}`);
    expect(await page.locator('#changes-feed').count()).toBe(0);
    web.expectNoConsoleErrors(page);
  });

  it('narrows the feed through htmx as filters change, with the filters in the address', async () => {
    const page = await signedIn('/changes');
    await markWindow(page);
    await page.getByLabel('Business').selectOption({ label: 'Rival B' });
    await expect.poll(() => new URL(page.url()).search).toBe(`?businessId=${seeded.rivalB}`);
    await expect.poll(() => feedRows(page).count()).toBe(1);
    expect(await feedRows(page).textContent()).toContain('Price increase');
    expect(await page.locator('#changes-status').textContent()).toBe('1 change shown for these filters.');

    await page.getByLabel('Business').selectOption({ label: 'Rival "A" </script><b>' });
    await page.getByLabel('Field').selectOption('availability');
    await expect.poll(() => new URL(page.url()).search).toBe(`?businessId=${seeded.rivalA}&field=availability`);
    await expect.poll(() => feedRows(page).allTextContents()).toEqual([expect.stringContaining('Out of stock')]);

    await page.getByLabel('Kind').selectOption('price_increase');
    await expect.poll(() => page.getByRole('heading', { name: 'No changes match these filters' }).count()).toBe(1);
    expect(await stayed(page)).toBe(true);
    await web.expectAccessible(page);
    await web.screenshots(page, 'changes-no-match');

    // back goes to the feed as it was under the previous filters
    await page.goBack();
    await expect.poll(() => new URL(page.url()).search).toBe(`?businessId=${seeded.rivalA}&field=availability`);
    await expect.poll(() => feedRows(page).allTextContents()).toEqual([expect.stringContaining('Out of stock')]);

    // an address with filters (as counts on other pages link here) opens the feed filtered, the form filled in
    await page.goto(`/changes?businessId=${seeded.own}&field=price&productId=${seeded.grinder}`);
    expect(await page.getByLabel('Business').inputValue()).toBe(String(seeded.own));
    expect(await page.getByLabel('Field').inputValue()).toBe('price');
    expect(await feedRows(page).allTextContents()).toEqual([expect.stringMatching(/Our Shop.*Price decrease.*PLN.499\.00/)]);
    web.expectNoConsoleErrors(page);
  });

  it('pages through htmx, keeping the filters', async () => {
    const page = await signedIn(`/changes?productId=${kettle}`);
    expect(await feedRows(page).count()).toBe(50);
    await markWindow(page);
    await page.getByRole('link', { name: 'Next page' }).click();
    await expect.poll(() => feedRows(page).count()).toBe(5);
    const query = new URL(page.url()).searchParams;
    expect(query.get('productId')).toBe(String(kettle));
    expect(query.get('cursor')).toMatch(/^\d+$/);
    expect(await stayed(page)).toBe(true);
    await page.getByRole('link', { name: 'First page' }).click();
    await expect.poll(() => feedRows(page).count()).toBe(50);
    expect(new URL(page.url()).search).toBe(`?productId=${kettle}`);
    web.expectNoConsoleErrors(page);
  });

  it('groups changes by day in the reader’s time zone', async () => {
    const path = `/changes?productId=${seeded.grinder}&field=price`;
    const groups = async (page: Page) =>
      page.locator('.change-day').evaluateAll((days) =>
        days.map((d) => ({ day: d.querySelector('h2')!.textContent, who: [...d.querySelectorAll('.change-who strong')].map((s) => s.textContent) })),
      );
    const day = (ms: number, timeZone: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone }).format(ms);
    const HOUR = 3_600_000;

    const utc = await signedIn(path, 'UTC');
    // newest first, as a feed reads
    expect(await groups(utc)).toEqual([
      { day: day(DAY, 'UTC'), who: ['Rival B'] },
      { day: day(DAY - HOUR, 'UTC'), who: ['Rival "A" </script><b>', 'Our Shop'] },
    ]);

    // Auckland is 13 hours ahead in November: 23:30 and 00:30 UTC fall on the same afternoon there
    const auckland = await signedIn(path, 'Pacific/Auckland');
    expect(await groups(auckland)).toEqual([
      { day: day(DAY, 'Pacific/Auckland'), who: ['Rival B', 'Rival "A" </script><b>'] },
      { day: day(DAY - 14 * HOUR, 'Pacific/Auckland'), who: ['Our Shop'] },
    ]);
    await web.screenshots(auckland, 'changes-auckland');
    for (const page of [utc, auckland]) web.expectNoConsoleErrors(page);
  });

  it('tells what to do when nothing has changed yet', async () => {
    const page = await signedIn(`/changes?productId=${seeded.frother}`);
    expect(await page.getByRole('heading', { name: 'No changes match these filters' }).count()).toBe(1);
    await web.expectAccessible(page);
    web.expectNoConsoleErrors(page);
  });
});
