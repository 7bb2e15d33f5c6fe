import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPerson } from '../../src/people/manage-people.ts';
import { seedOffers } from './offers-fixture.ts';
import { SCREEN_SIZES, useWebHarness } from './web-harness.ts';

const web = useWebHarness();
const MARKETER = { email: 'marketer@shop.test', password: 'marketer password 123' };
const VIEWER = { email: 'viewer@shop.test', password: 'viewer password 123' };
let ids: Awaited<ReturnType<typeof seedOffers>>;

beforeAll(async () => {
  await createPerson(web.app.store, { ...MARKETER, role: 'marketer', displayName: 'Mark Marketer' });
  await createPerson(web.app.store, { ...VIEWER, role: 'viewer', displayName: 'Vera Viewer' });
  ids = await seedOffers(web.app.store);
});

async function signedIn(credentials: { email: string; password: string }, path = '/comparison'): Promise<Page> {
  const page = await web.newPage();
  await page.goto(`/sign-in?next=${encodeURIComponent(path)}`);
  expect(await web.signIn(page, credentials)).toBe(303);
  return page;
}

const productRows = (page: Page) => page.locator('.comparison-table tbody .product-name').allTextContents();
const query = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);
/** A mark on the window that a full page load would wipe. */
const markWindow = (page: Page) => page.evaluate(() => ((window as unknown as { unreloaded: boolean }).unreloaded = true));
const stillSamePage = (page: Page) => page.evaluate(() => (window as unknown as { unreloaded?: boolean }).unreloaded === true);

describe('the comparison table', () => {
  it('shows every product against each competitor: price, index, discount, stock, promotions, terms and flags', async () => {
    const page = await signedIn(MARKETER);
    expect(await productRows(page)).toEqual(['Coffee grinder', 'Descaler', 'Espresso machine', 'Milk frother', 'Scale', 'Tamper']);
    expect(await page.locator('.comparison-table thead th').allTextContents()).toEqual(['Product', 'Our offer', 'Alpha Store', 'Beta Market']);
    const row = (product: string) => page.locator('.comparison-table tbody tr', { has: page.locator('.product-name', { hasText: product }) });
    const cells = async (product: string) => (await row(product).locator('td').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());

    const espresso = await cells('Espresso machine');
    expect(espresso[1]).toMatch(/^PLN\s90\.00 Index 90 cheaper than us In stock$/);
    expect(espresso[2]).toMatch(/^PLN\s110\.00 Index 110 dearer than us In stock$/);
    expect(await row('Espresso machine').locator('th').innerText()).toContain('we rank 2 of 3');

    const descaler = await cells('Descaler');
    expect(descaler[0]).toMatch(/^PLN\s20\.00 In stock Loyalty points: 10 points$/);
    expect(descaler[1]).toMatch(/^PLN\s20\.00 Index 100 same price was PLN\s25\.00 \(−20%\) In stock Loyalty points: 12 points ours worse$/);
    expect(descaler[2]).toMatch(/^€5\.00 Other currency In stock$/);
    expect((await cells('Coffee grinder'))[2]).toContain('Free grinder brush');
    expect((await cells('Milk frother'))[2]).toContain('Out of stock');
    expect((await cells('Tamper'))[1]).toMatch(/Stale/);

    await web.expectAccessible(page);
    await web.screenshots(page, 'comparison');
    web.expectNoConsoleErrors(page);
  });

  it('filters, searches and sorts through htmx without reloading the page, and keeps the address in step', async () => {
    const page = await signedIn(MARKETER);
    await markWindow(page);

    await page.getByLabel('Competitor', { exact: true }).selectOption({ label: 'Alpha Store' });
    await expect.poll(() => query(page)).toEqual({ business: String(ids.alpha) });
    await expect.poll(() => page.locator('.comparison-table thead th').allTextContents()).toEqual(['Product', 'Our offer', 'Alpha Store']);
    expect(await productRows(page)).toEqual(['Coffee grinder', 'Descaler', 'Espresso machine', 'Milk frother', 'Tamper']);

    await page.getByLabel('Standing').selectOption({ label: 'A competitor is cheaper' });
    await expect.poll(() => productRows(page)).toEqual(['Espresso machine']);

    await page.getByLabel('Competitor', { exact: true }).selectOption({ label: 'All competitors' });
    await page.getByLabel('Standing').selectOption({ label: 'Any standing' });
    await page.getByLabel('Competitor stock').selectOption({ label: 'Out of stock' });
    await expect.poll(() => productRows(page)).toEqual(['Milk frother']);
    await page.getByLabel('Competitor stock').selectOption({ label: 'Any' });

    await page.getByLabel('Product name').fill('GRIND');
    await expect.poll(() => productRows(page)).toEqual(['Coffee grinder']);
    expect(query(page)).toEqual({ q: 'GRIND' });
    await page.getByLabel('Product name').fill('');

    await page.getByLabel('Sort by').selectOption({ label: 'Lowest competitor index first' });
    await expect.poll(() => productRows(page)).toEqual(['Espresso machine', 'Descaler', 'Coffee grinder', 'Milk frother', 'Scale', 'Tamper']);
    await page.getByLabel('Sort by').selectOption({ label: 'Our worst rank first' });
    await expect.poll(() => productRows(page)).toEqual(['Espresso machine', 'Coffee grinder', 'Descaler', 'Milk frother', 'Scale', 'Tamper']);

    await page.getByLabel('Promotion running').check();
    await expect.poll(() => productRows(page)).toEqual(['Coffee grinder']);
    await page.getByLabel('Product name').fill('nothing like this');
    await expect.poll(() => page.getByRole('region', { name: 'No product matches' }).isVisible()).toBe(true);

    expect(await stillSamePage(page)).toBe(true);
    await page.reload();
    expect(await page.getByLabel('Product name').inputValue()).toBe('nothing like this');
    expect(await page.getByLabel('Promotion running').isChecked()).toBe(true);
    await web.expectAccessible(page);
    await web.screenshots(page, 'comparison-no-match');
    web.expectNoConsoleErrors(page);
  });

  it('downloads every offer as CSV, one row per offer', async () => {
    const page = await signedIn(MARKETER);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download all as CSV' }).click()]);
    const lines = (await readFile(await download.path(), 'utf8')).trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^productId,product,businessId,business,own,/);
    expect(lines).toHaveLength(1 + 14); // 4 products × 3 offers, Tamper and Scale with one each
    const espressoAlpha = lines.find((l) => l.includes('Espresso machine') && l.includes('Alpha Store'));
    // price, currency, comparable price … delta, delta %, index, rank, cheapest … our standing on price
    expect(espressoAlpha).toMatch(/,90\.00,PLN,90,.*,-10,-10,90,1,true,.*,worse,/);
    web.expectNoConsoleErrors(page);
  });

  it('stays usable on a phone: the table scrolls inside its wrapper with the product column in place', async () => {
    const page = await signedIn(MARKETER);
    await page.setViewportSize(SCREEN_SIZES.mobile);
    const sizes = () =>
      page.evaluate(() => {
        const wrap = document.querySelector('.comparison-wrap')!;
        return { page: document.documentElement.scrollWidth, view: window.innerWidth, wrap: wrap.scrollWidth, wrapView: wrap.clientWidth };
      });
    const s = await sizes();
    expect(s.page).toBeLessThanOrEqual(s.view);
    expect(s.wrap).toBeGreaterThan(s.wrapView);
    const product = page.locator('.comparison-table tbody th').first();
    const before = (await product.boundingBox())!.x;
    await page.locator('.comparison-wrap').evaluate((el) => (el.scrollLeft = 300));
    await expect.poll(async () => (await product.boundingBox())!.x).toBe(before);
    web.expectNoConsoleErrors(page);
  });

  it('pages through a long list with the filters kept', async () => {
    const seed = web.app.store;
    const own = ids.us;
    for (let i = 1; i <= 21; i++) {
      const product = await seed.products.create({ name: `Filter paper ${String(i).padStart(2, '0')}`, sku: null, gtin: null });
      await seed.targets.create({ businessId: own, productId: product.id, url: `https://shop.example/paper/${i}`, fetch: 'static', schedule: '0 * * * *', locale: null, currency: null, recipe: null, enabled: true, respectRobots: true, minPriceDelta: null });
    }
    const page = await signedIn(MARKETER, '/comparison?q=paper');
    expect(await productRows(page)).toHaveLength(20);
    await markWindow(page);
    await page.getByRole('link', { name: 'Next page' }).click();
    await expect.poll(() => productRows(page)).toEqual(['Filter paper 21']);
    expect(query(page)).toEqual({ q: 'paper', cursor: '20' });
    expect(await stillSamePage(page)).toBe(true);
    await page.goBack();
    await expect.poll(() => productRows(page).then((r) => r.length)).toBe(20);
    expect(query(page)).toEqual({ q: 'paper' });
    await page.goForward();
    await expect.poll(() => productRows(page)).toEqual(['Filter paper 21']);
    await page.getByRole('link', { name: 'First page' }).click();
    await expect.poll(() => productRows(page).then((r) => r.length)).toBe(20);
    web.expectNoConsoleErrors(page);
  });

  it('shows a viewer the table with no write action', async () => {
    const page = await signedIn(VIEWER);
    expect(await productRows(page)).toContain('Espresso machine');
    expect(await page.locator('main form[method="post"], main button[hx-post], main [hx-delete], main [hx-put]').count()).toBe(0);
    await web.expectAccessible(page);
    web.expectNoConsoleErrors(page);
  });
});
