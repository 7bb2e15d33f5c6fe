import type { Page } from 'playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPerson } from '../../src/people/manage-people.ts';
import { seedOffers } from './offers-fixture.ts';
import { useWebHarness } from './web-harness.ts';

const web = useWebHarness();
const MARKETER = { email: 'marketer@shop.test', password: 'marketer password 123' };
const VIEWER = { email: 'viewer@shop.test', password: 'viewer password 123' };

beforeAll(async () => {
  await createPerson(web.app.store, { ...MARKETER, role: 'marketer', displayName: 'Mark Marketer' });
  await createPerson(web.app.store, { ...VIEWER, role: 'viewer', displayName: 'Vera Viewer' });
});

async function signedIn(credentials: { email: string; password: string }, path = '/'): Promise<Page> {
  const page = await web.newPage();
  await page.goto(`/sign-in?next=${encodeURIComponent(path)}`);
  expect(await web.signIn(page, credentials)).toBe(303);
  return page;
}

/** The product names of the comparison table's rows. */
const productRows = (page: Page) => page.locator('.comparison-table tbody .product-name').allTextContents();

/** The figure whose label is `label`: its number. */
const figure = (page: Page, label: string) => page.locator('.figure-link', { hasText: label }).locator('.figure-value').textContent();

describe('a fresh install', () => {
  it('tells a marketer to add targets, and a viewer whom to ask', async () => {
    const page = await signedIn(MARKETER);
    const empty = page.getByRole('region', { name: 'Nothing is watched yet' });
    await expect.poll(() => empty.isVisible()).toBe(true);
    expect(await empty.getByRole('link', { name: 'Add a target' }).getAttribute('href')).toBe('/targets/new');
    await web.expectAccessible(page);
    await web.screenshots(page, 'overview-empty');
    web.expectNoConsoleErrors(page);

    const viewer = await signedIn(VIEWER);
    expect(await viewer.getByRole('region', { name: 'Nothing is watched yet' }).textContent()).toContain('Ask a marketer');
    expect(await viewer.getByRole('link', { name: 'Add a target' }).count()).toBe(0);
  });
});

describe('with offers', () => {
  beforeAll(() => seedOffers(web.app.store));

  it('shows where our offer stands, the index per competitor, promotions, changes and broken targets', async () => {
    const page = await signedIn(MARKETER);
    expect(await figure(page, 'products where we are cheapest')).toBe('3');
    expect(await page.locator('.figure', { hasText: 'products where we are cheapest' }).textContent()).toContain('of 4 with our price');
    expect(await figure(page, 'undercuts us')).toBe('1');
    expect(await figure(page, 'only we sell in stock')).toBe('1');
    expect(await figure(page, 'promotion running')).toBe('1');
    expect(await figure(page, 'stale offer')).toBe('1');
    expect(await figure(page, 'another currency')).toBe('1');

    const rows = page.getByRole('table', { name: 'Average price index of each competitor' }).locator('tbody tr');
    const cells = async (i: number) => (await rows.nth(i).locator('th, td').allTextContents()).map((t) => t.trim());
    expect(await cells(0)).toEqual(['Alpha Store', '103.33', '3', '1', '1']);
    expect(await cells(1)).toEqual(['Beta Market', '112.22', '3', '0', '3']);

    const promotions = page.getByRole('region', { name: 'Promotions running now' });
    expect(await promotions.textContent()).toContain('Free grinder brush');

    const changes = page.getByRole('region', { name: 'Changes in the last 24 hours' });
    const latest = changes.locator('.plain-list li');
    expect(await latest.first().textContent()).toContain('Beta Market · Coffee grinder');
    expect(await changes.getByRole('link', { name: 'Price decrease: 1' }).getAttribute('href')).toMatch(/^\/changes\?kind=price_decrease&since=\d{4}-/);
    expect(await changes.textContent()).toMatch(/Price: PLN\s95\.00 → PLN\s90\.00 \(−5\.26%\)/);

    const broken = page.getByRole('region', { name: 'Broken targets' });
    expect(await broken.getByRole('link', { name: '1 broken target' }).getAttribute('href')).toBe('/targets?health=broken');
    expect(await broken.textContent()).toContain('Beta Market · Scale');
    expect(await broken.locator('.chip').textContent()).toBe('http_404: 1');
    expect(await broken.locator('.chip').getAttribute('href')).toBe('/targets?health=broken');

    await web.expectAccessible(page);
    await web.screenshots(page, 'overview-seeded');
    web.expectNoConsoleErrors(page);
  });

  it("leads from each count to the list behind it, as many rows as the count says", async () => {
    const page = await signedIn(MARKETER);
    const follow = async (link: ReturnType<Page['locator']>) => {
      await link.click();
      await page.waitForURL(/\/comparison/);
      const rows = await productRows(page);
      await page.goBack();
      return rows.sort();
    };
    const figureLink = (label: string) => page.locator('.figure-link', { hasText: label });
    expect(await follow(figureLink('products where we are cheapest'))).toEqual(['Coffee grinder', 'Descaler', 'Milk frother']);
    expect(await follow(figureLink('undercuts us'))).toEqual(['Espresso machine']);
    expect(await follow(figureLink('only we sell in stock'))).toEqual(['Milk frother']);
    expect(await follow(figureLink('promotion running'))).toEqual(['Coffee grinder']);
    expect(await follow(figureLink('stale offer'))).toEqual(['Tamper']);
    expect(await follow(figureLink('another currency'))).toEqual(['Descaler']);
    expect(await follow(page.getByRole('link', { name: '1 products where Alpha Store is cheaper than us' }))).toEqual(['Espresso machine']);
    expect(await follow(page.getByRole('link', { name: '3 products where Beta Market is dearer than us' }))).toEqual(['Coffee grinder', 'Espresso machine', 'Milk frother']);
    expect(await follow(page.getByRole('link', { name: '3 products compared with Alpha Store' }))).toEqual(['Coffee grinder', 'Descaler', 'Espresso machine']);
    web.expectNoConsoleErrors(page);
  });

  it('sends an auditor, who does not read offers, to their own work and refuses the comparison', async () => {
    await createPerson(web.app.store, { email: 'auditor@shop.test', password: 'auditor password 123', role: 'auditor', displayName: 'Aud Itor' });
    const page = await signedIn({ email: 'auditor@shop.test', password: 'auditor password 123' });
    expect(await page.getByRole('region', { name: 'Your work is in the audits' }).isVisible()).toBe(true);
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Comparison' }).count()).toBe(0);
    expect((await page.goto('/comparison'))!.status()).toBe(403);
    web.expectNoConsoleErrors(page);
  });

  it('shows a viewer the same figures and no write action', async () => {
    const page = await signedIn(VIEWER);
    expect(await figure(page, 'undercuts us')).toBe('1');
    expect(await page.locator('main form').count()).toBe(0);
    expect(await page.locator('main a[href^="/targets/new"]').count()).toBe(0);
    await web.expectAccessible(page);
    web.expectNoConsoleErrors(page);
  });
});
