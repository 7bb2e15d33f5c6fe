import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson } from '../../src/people/manage-people.ts';
import { startFaultServer, type FaultServer } from '../helpers/fault-server.ts';
import { seedTarget } from '../helpers/seed-target.ts';
import { useWebHarness } from './web-harness.ts';

// the fixture shop listens on 127.0.0.1, which only the allow-list lets the SSRF guard reach
const web = useWebHarness({ allowHosts: ['127.0.0.1'] });
const MARKETER = { email: 'marketer@shop.test', password: 'marketer password 123' };
const VIEWER = { email: 'viewer@shop.test', password: 'viewer password 123' };
let shop: FaultServer;

beforeAll(async () => {
  shop = await startFaultServer();
  await createPerson(web.app.store, { ...MARKETER, role: 'marketer', displayName: 'Mark Marketer' });
  await createPerson(web.app.store, { ...VIEWER, role: 'viewer', displayName: 'Vera Viewer' });
});
afterAll(() => shop?.close());

async function signedIn(credentials: { email: string; password: string }, path: string): Promise<Page> {
  const page = await web.newPage();
  await page.goto(path);
  await web.signIn(page, credentials);
  return page;
}

const flash = (page: Page) => page.getByRole('status').first().textContent();

describe('targets pages', () => {
  it('shows errors next to the fields of a refused form', async () => {
    const page = await signedIn(MARKETER, '/targets/new');
    await page.getByLabel('Page URL').fill('not a url');
    await page.getByLabel('Schedule (cron)').fill('every day');
    await page.getByRole('button', { name: 'Try it' }).click();
    await expect.poll(() => page.locator('#try-result h2').textContent()).toBe('Fix the form first');
    expect(await page.locator('#try-result').textContent()).toContain('Page URL: Give the page address');
    await page.getByRole('button', { name: 'Add the target' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('The target is not saved');
    expect(await page.locator('#target-url-error').textContent()).toBe('Give the page address, starting with http:// or https://.');
    expect(await page.locator('#target-schedule-error').textContent()).toContain('invalid cron schedule');
    expect(await page.locator('#target-businessId-error').textContent()).toBe('Choose the business whose page this is.');
    expect(await page.getByLabel('Page URL').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Page URL').inputValue()).toBe('not a url');
    await web.expectAccessible(page);
    await web.screenshots(page, 'target-form-errors');
    web.expectNoConsoleErrors(page);
  });

  it('tries a local fixture shop before saving: the extracted price and what the selector matched; then saves', async () => {
    const business = await web.app.store.businesses.create({ name: 'Kawiarnia Rival', own: false, website: null, locale: null });
    const product = await web.app.store.products.create({ name: 'Espresso 250 g', sku: null, gtin: null });
    const page = await signedIn(MARKETER, '/targets/new');
    await page.getByLabel('Business').selectOption(String(business.id));
    await page.getByLabel('Product', { exact: true }).selectOption(String(product.id));
    await page.getByLabel('Page URL').fill(`${shop.origin}/product`);
    await page.getByLabel('Fetch with').selectOption('static');
    await page.getByLabel('Price selector', { exact: true }).fill('.price');
    await page.getByLabel('Name selector').fill('h2.missing');
    shop.hits.length = 0;
    await page.getByRole('button', { name: 'Try it' }).click();
    const panel = page.locator('#try-result');
    await expect.poll(() => panel.getByRole('heading').textContent()).toBe('This page would fail');
    // the name selector matches nothing, so the recipe fails, and the panel says which selector did it
    const nameRow = panel.getByRole('row').filter({ hasText: 'h2.missing' });
    expect(await nameRow.textContent()).toContain('Matched nothing');
    expect(await panel.textContent()).toContain('recipe_no_match');

    await page.getByLabel('Name selector').fill('h1');
    await page.getByRole('button', { name: 'Try it' }).click();
    await expect.poll(() => panel.getByRole('heading').textContent()).toBe('Found on the page');
    expect(await panel.locator('.try-price').textContent()).toMatch(/19\.99/);
    expect(await panel.getByRole('row').filter({ hasText: '.price' }).textContent()).toContain('19,99 zł');
    expect(await panel.getByRole('row').filter({ hasText: 'h1' }).textContent()).toContain('Espresso 250 g');
    expect(shop.hits).toContain('/product');
    expect((await web.app.store.targets.list({ limit: 10, businessId: business.id })).items).toEqual([]); // nothing saved yet
    await web.expectAccessible(page);
    await web.screenshots(page, 'target-try-it');
    web.expectNoConsoleErrors(page);

    await page.getByRole('button', { name: 'Add the target' }).click();
    await expect.poll(() => flash(page)).toMatch(/^Target \d+ is added/);
    const [saved] = (await web.app.store.targets.list({ limit: 10, businessId: business.id })).items;
    expect(saved).toMatchObject({ url: `${shop.origin}/product`, fetch: 'static', recipe: { selectors: { price: '.price', name: 'h1' } } });
    await page.goto(`/targets/${saved!.id}/edit`);
    expect(await page.getByLabel('Price selector', { exact: true }).inputValue()).toBe('.price');
    // a custom recipe field: its selector's match and the value read from it
    await page.getByLabel('Custom fields, browser steps and waitFor (JSON)').fill('{"fields": [{"key": "buyLabel", "selector": "button", "type": "text"}]}');
    await page.getByRole('button', { name: 'Try it' }).click();
    await expect.poll(() => panel.getByRole('row').filter({ hasText: 'fields.buyLabel' }).count()).toBe(1);
    expect(await panel.getByRole('row').filter({ hasText: 'fields.buyLabel' }).textContent()).toContain('Do koszyka');
    expect(await panel.locator('.offer-facts').textContent()).toContain('buyLabel');
    await web.expectAccessible(page);
    web.expectNoConsoleErrors(page);
    await page.getByRole('button', { name: 'Save the target' }).click();
    await expect.poll(() => flash(page)).toBe(`Target ${saved!.id} is saved.`);
    expect((await web.app.store.targets.get(saved!.id)).recipe).toMatchObject({ selectors: { price: '.price' }, fields: [{ key: 'buyLabel', selector: 'button', type: 'text' }] });
  });

  it('lists health with the broken reason, filters by the query string, and runs a target now', async () => {
    const store = web.app.store;
    const broken = await seedTarget(store);
    await store.transaction((tx) => tx.targets.markFailed(broken.id, { reason: 'http_4xx: the page answered 404', brokenAfter: 1 }));
    const { run } = await store.runQueue.enqueue({ targetId: broken.id, lane: 'static', trigger: 'manual', availableAt: new Date().toISOString() });
    await store.runQueue.claim('static', new Date().toISOString(), { owner: 'test', until: new Date(Date.now() + 60_000).toISOString() });
    const timings = { queueMs: null, fetchMs: null, extractMs: null };
    const failed = { status: 'failed', code: 'http_4xx', error: 'HTTP 404', fetchMode: 'static', timings, snapshotId: null, httpStatus: 404, finalUrl: null, robotsOverridden: false } as const;
    await store.runQueue.complete(run.id, 'test', { ...failed, finishedAt: new Date().toISOString() });
    const healthy = await seedTarget(store);
    const page = await signedIn(MARKETER, '/targets?health=broken');
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('http_4xx');
    expect(await rows.first().textContent()).toContain('the page answered 404');
    expect(await rows.first().locator('td[data-label="Last run"]').textContent()).toMatch(/failed: http_4xx$/);
    expect(await page.getByLabel('Health').inputValue()).toBe('broken');
    await web.expectAccessible(page);
    await web.screenshots(page, 'targets-broken');
    await page.reload(); // screenshots() leaves Playwright's animation-stopping style behind, which htmx's swap then trips over (CSP)

    await page.getByLabel('Health').selectOption('');
    await page.getByRole('button', { name: 'Show targets' }).click();
    await expect.poll(() => page.url()).not.toContain('health=broken');
    await expect.poll(() => page.getByRole('button', { name: `Run target ${healthy.id} now` }).count()).toBe(1);

    await page.getByRole('button', { name: `Run target ${healthy.id} now` }).click();
    await expect.poll(() => flash(page)).toMatch(new RegExp(`^Run \\d+ of target ${healthy.id} is queued`));
    const runs = await store.runs.list({ limit: 10, targetId: healthy.id });
    expect(runs.items).toMatchObject([{ trigger: 'manual', status: 'queued' }]);
    await web.screenshots(page, 'targets-list');
    web.expectNoConsoleErrors(page);
  });

  it('disables the checked targets in bulk and leaves the others', async () => {
    const store = web.app.store;
    const [a, b, c] = [await seedTarget(store), await seedTarget(store), await seedTarget(store)];
    const page = await signedIn(MARKETER, '/targets?enabled=true');
    await page.getByLabel(`Select target ${a.id}`).check();
    await page.getByLabel(`Select target ${c.id}`).check();
    await page.getByRole('button', { name: 'Disable', exact: true }).click();
    await expect.poll(() => flash(page)).toBe('2 targets are disabled.');
    expect((await store.targets.get(a.id)).enabled).toBe(false);
    expect((await store.targets.get(b.id)).enabled).toBe(true);
    expect((await store.targets.get(c.id)).enabled).toBe(false);
    await page.goto('/targets?enabled=false');
    expect(await page.locator('tbody tr').count()).toBe(2);
    const missing = await page.goto('/targets/99999/edit');
    expect(missing?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('No such target');
    web.expectNoConsoleErrors(page);
  });

  it('shows a viewer no add, edit, run or disable controls, and refuses a forged post', async () => {
    const target = await seedTarget(web.app.store);
    const page = await signedIn(VIEWER, '/targets');
    expect(await page.locator('tbody tr').count()).toBeGreaterThan(0);
    for (const name of ['Add a target', 'Edit', 'Run now', 'Disable', 'Enable']) expect(await page.getByText(name, { exact: true }).count()).toBe(0);
    expect(await page.locator('input[type=checkbox]').count()).toBe(0);
    await web.expectAccessible(page);
    await web.screenshots(page, 'targets-viewer');

    const forged = (path: string, body: string) =>
      page.evaluate(
        async ({ path, body }) => {
          const token = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')!.content;
          const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `_csrf=${encodeURIComponent(token)}&${body}` });
          return res.status;
        },
        { path, body },
      );
    expect(await forged('/targets/bulk', `ids=${target.id}&action=disable`)).toBe(403);
    expect(await forged(`/targets/${target.id}/run`, '')).toBe(403);
    expect((await web.app.store.targets.get(target.id)).enabled).toBe(true);
    expect((await web.app.store.runs.list({ limit: 10, targetId: target.id })).items).toEqual([]);
    await page.goto('/targets/new');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Not for your role');
  });

  it('tries a page with the browser and shows its screenshot', async () => {
    const business = await web.app.store.businesses.create({ name: 'Browser Rival', own: false, website: null, locale: null });
    const product = await web.app.store.products.create({ name: 'Grinder', sku: null, gtin: null });
    const page = await signedIn(MARKETER, '/targets/new');
    await page.getByLabel('Business').selectOption(String(business.id));
    await page.getByLabel('Product', { exact: true }).selectOption(String(product.id));
    await page.getByLabel('Page URL').fill(`${shop.origin}/product`);
    await page.getByLabel('Fetch with').selectOption('browser');
    await page.getByRole('button', { name: 'Try it' }).click();
    const panel = page.locator('#try-result');
    await expect.poll(() => panel.getByRole('heading').textContent(), { timeout: 30_000 }).toBe('Found on the page');
    expect(await panel.textContent()).toContain('Fetched with the browser');
    const shot = panel.getByRole('img', { name: 'Screenshot of the page as the browser saw it' });
    expect(await shot.getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);
    await expect.poll(() => shot.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    web.expectNoConsoleErrors(page);
  });

  it('pages through a long list and keeps the filters', async () => {
    const store = web.app.store;
    const business = await store.businesses.create({ name: 'Big Rival', own: false, website: null, locale: null });
    const product = await store.products.create({ name: 'Beans 1 kg', sku: null, gtin: null });
    for (let i = 0; i < 51; i++) {
      await store.targets.create({
        businessId: business.id,
        productId: product.id,
        url: `http://127.0.0.1:9/beans-${i}`,
        fetch: 'static',
        schedule: '0 */6 * * *',
        locale: null,
        currency: null,
        recipe: null,
        enabled: true,
        respectRobots: true,
        minPriceDelta: null,
      });
    }
    const page = await signedIn(MARKETER, `/targets?productId=${product.id}`);
    expect(await page.locator('tbody tr').count()).toBe(50);
    await page.getByRole('link', { name: 'Next page' }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('productId')).toBe(String(product.id));
    expect(await page.getByRole('link', { name: 'First page' }).getAttribute('href')).toBe(`/targets?productId=${product.id}`);
    await web.expectAccessible(page);
    web.expectNoConsoleErrors(page);
  });
});
