import type { Page } from 'playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPerson } from '../../src/people/manage-people.ts';
import { offerSeed } from '../helpers/offer-seed.ts';
import { seedOfferHistory, utcMidnightDaysAgo } from './offer-history-seed.ts';
import { useWebHarness } from './web-harness.ts';

const web = useWebHarness();
const MARKETER = { email: 'marketer@shop.test', password: 'marketer password 123' };
const AUDITOR = { email: 'auditor@shop.test', password: 'auditor password 123' };
let seeded: Awaited<ReturnType<typeof seedOfferHistory>>;

beforeAll(async () => {
  await createPerson(web.app.store, { ...MARKETER, role: 'marketer', displayName: 'Mark Marketer' });
  await createPerson(web.app.store, { ...AUDITOR, role: 'auditor', displayName: 'Audrey Auditor' });
  // Rival A's screenshot evidence: a real PNG of a small page, as a browser run would have taken
  const shooter = await web.newPage({ viewport: { width: 480, height: 300 } });
  await shooter.setContent('<body style="font: 24px sans-serif; padding: 1rem"><h1>Rival A</h1><p>Espresso Grinder X — 510 zł</p><p>Out of stock</p></body>');
  const screenshot = await shooter.screenshot({ type: 'png' });
  seeded = await seedOfferHistory(web.app.store, utcMidnightDaysAgo(3), screenshot);
});

async function signedIn(path: string): Promise<Page> {
  const page = await web.newPage();
  await page.goto(`/sign-in?next=${encodeURIComponent(path)}`);
  await web.signIn(page, MARKETER);
  return page;
}

interface ChartJson {
  currency: string;
  series: { label: string; own: boolean; points: { price: string | null; outOfStock: boolean; promotions: number }[] }[];
}

describe('products list', () => {
  it('searches through htmx, keeps the search in the address and links to each product', async () => {
    const page = await signedIn('/products');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Products');
    await expect.poll(() => page.locator('#products-list tbody tr').count()).toBe(2);
    await web.expectAccessible(page);
    await web.screenshots(page, 'products');

    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await page.getByLabel('Search products').fill('frother');
    await expect.poll(() => page.locator('#products-list tbody tr').allTextContents()).toEqual([expect.stringContaining('Milk Frother')]);
    expect(new URL(page.url()).search).toBe('?q=frother');
    expect(await page.getByRole('status').textContent()).toBe('1 product match “frother”.');
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

    await page.getByLabel('Search products').fill('nothing like this');
    await expect.poll(() => page.getByRole('heading', { name: 'No product matches' }).count()).toBe(1);

    await page.getByLabel('Search products').fill('grinder');
    await page.getByRole('link', { name: 'Espresso Grinder X' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/products/${seeded.grinder}`);
    web.expectNoConsoleErrors(page);
  });
});

describe('product page', () => {
  it('draws every business’s seeded history on one chart, with the same captures in the table beneath', async () => {
    const page = await signedIn(`/products/${seeded.grinder}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Espresso Grinder X');
    await expect.poll(() => page.locator('#price-chart canvas').count()).toBe(1);
    const box = await page.locator('#price-chart canvas').boundingBox();
    expect(box?.width).toBeGreaterThan(200);

    const json = JSON.parse((await page.locator('#price-history-data').textContent())!) as ChartJson;
    const byLabel = Object.fromEntries(json.series.map((s) => [s.label, s.points.map((p) => [p.price, p.outOfStock, p.promotions])]));
    expect(byLabel).toEqual({
      'Our Shop': [['499.00', false, 0], ['479.00', false, 1], ['479.00', false, 1]],
      'Rival "A" </script><b>': [['520.00', false, 0], ['510.00', true, 0]],
      'Rival B': [['530.00', false, 0], ['540.00', false, 0]],
    });
    expect(json.series[0]).toMatchObject({ label: 'Our Shop', own: true });
    // the business name with </script> in it did not end the data element early
    expect(await page.locator('b').count()).toBe(0);

    const table = page.getByRole('table', { name: 'Every captured price, by business, oldest first' });
    await page.getByText('The prices as a table').click();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(7);
    expect(await rows.nth(0).locator('th').textContent()).toBe('Our Shop');
    expect(await rows.nth(0).textContent()).toContain('499.00');
    const rivalA = await table.locator('tbody tr', { hasText: 'Rival "A"' }).allTextContents();
    expect(rivalA).toEqual([expect.stringContaining('520.00'), expect.stringMatching(/510\.00.*Out of stock/)]);
    expect(await table.locator('tbody tr', { hasText: '1 promotion' }).count()).toBe(2);

    await web.expectAccessible(page);
    await web.screenshots(page, 'product');
    web.expectNoConsoleErrors(page);
  });

  it('shows each latest offer with its evidence: the screenshot through the session, the stored page sandboxed', async () => {
    const page = await signedIn(`/products/${seeded.grinder}`);
    const cards = page.locator('.offer-card');
    expect(await cards.locator('h3').allTextContents()).toEqual(['Our Shopown', 'Rival "A" </script><b>', 'Rival B']);
    const shot = page.getByRole('img', { name: /Screenshot of Rival "A"/ });
    await expect.poll(() => shot.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(480);
    const stored = page.getByRole('link', { name: /Stored page of Rival "A"/ });
    expect(await stored.getAttribute('href')).toBe(`/api/snapshots/${seeded.rivalALatest}/evidence/html`);
    expect(await page.locator('body').innerHTML()).not.toContain('pwned');
    const evidence = await page.request.get((await stored.getAttribute('href'))!);
    expect(evidence.status()).toBe(200);
    expect(evidence.headers()['content-security-policy']).toBe('sandbox');
    expect(await evidence.text()).toContain('Rival page');

    const changes = page.locator('section', { has: page.getByRole('heading', { name: 'Latest changes' }) }).locator('.change');
    expect(await changes.count()).toBe(6);
    expect(await changes.first().textContent()).toContain('Rival B');
    expect(await page.getByRole('link', { name: 'All changes of this product' }).getAttribute('href')).toBe(`/changes?productId=${seeded.grinder}`);
    web.expectNoConsoleErrors(page);
  });

  it('tells what to do for a product nobody is watched for, and answers an unknown product with 404', async () => {
    const page = await signedIn(`/products/${seeded.frother}`);
    expect(await page.getByRole('heading', { name: 'Nobody is watched for this product' }).count()).toBe(1);
    expect(await page.locator('#price-chart').count()).toBe(0);
    await web.expectAccessible(page);
    await web.screenshots(page, 'product-empty');
    const missing = await page.goto('/products/999999');
    expect(missing?.status()).toBe(404);
    web.expectNoConsoleErrors(page);
  });
});

describe('currencies', () => {
  it('says so when the offers of a product are in several currencies', async () => {
    const seed = offerSeed(web.app.store);
    const tamper = await seed.product('Coffee Tamper');
    await seed.snapshot(await seed.target(seeded.own, tamper), { price: '99.00', currency: 'PLN' });
    await seed.snapshot(await seed.target(seeded.rivalB, tamper), { price: '24.00', currency: 'EUR' });
    const page = await signedIn(`/products/${tamper}`);
    expect(await page.locator('.price-chart .flash-info').textContent()).toBe(
      'These offers are in PLN, EUR: the chart draws the amounts as captured, unconverted, on the PLN axis.',
    );
    expect(await page.locator('.offer-price strong').allTextContents()).toEqual([expect.stringMatching(/PLN.99\.00/), expect.stringMatching(/€24\.00/)]);
    web.expectNoConsoleErrors(page);
  });
});

describe('roles', () => {
  it('neither shows nor opens offer pages for a role without offers.read', async () => {
    const page = await web.newPage();
    await page.goto('/sign-in');
    await web.signIn(page, AUDITOR);
    const nav = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();
    expect(nav).not.toContain('Products');
    expect(nav).not.toContain('Changes');
    for (const path of ['/products', `/products/${seeded.grinder}`, '/changes']) expect((await page.goto(path))?.status(), path).toBe(403);
    web.expectNoConsoleErrors(page);
  });
});
