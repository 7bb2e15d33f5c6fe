import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../../src/config.ts';
import type { Target } from '../../../src/store/targets.ts';
import { DEMO_SHOPS } from '../../../src/demo/catalog.ts';
import { seedDemo } from '../../../src/demo/seed-demo.ts';
import { startDemo, type Demo } from '../../../src/demo/start-demo.ts';
import { tempDir } from '../../helpers/test-app.ts';

let tmp: ReturnType<typeof tempDir>;
let demo: Demo;
let targets: Target[];
beforeAll(async () => {
  tmp = tempDir();
  demo = await startDemo(testConfig({ dbPath: join(tmp.dir, 'demo.db'), port: 0, logLevel: 'silent', hostDelayMs: 0, tickMs: 3_600_000 }));
  targets = (await demo.service.store.targets.list({ limit: 50 })).items;
});
afterAll(async () => {
  await demo.close();
  tmp.remove();
});

const shopOf = (t: Target) => DEMO_SHOPS.find((s) => demo.shops.origins[s.key] === new URL(t.url).origin);

describe('the demo', () => {
  it('seeds four shops × two products, every minute, with loyalty and shipping fields, and an admin token', async () => {
    expect(targets).toHaveLength(8);
    expect(targets.every((t) => t.schedule === '* * * * *' && t.enabled)).toBe(true);
    expect(targets.map((t) => t.recipe?.fields.map((f) => `${f.key}:${f.better}`))).toEqual(
      Array(8).fill(['loyaltyPoints:higher', 'freeShippingFrom:lower']),
    );
    expect(new Set(targets.map((t) => t.currency))).toEqual(new Set(['PLN', 'HUF', 'EUR']));
    expect(demo.adminToken).toMatch(/^rs_/);
    // Starting again points the same targets at the shops' new ports instead of adding more.
    expect((await seedDemo(demo.service.store, demo.shops)).map((t) => t.id)).toEqual(targets.map((t) => t.id));
  });

  it('scrapes every shop, the JavaScript one in the browser, in every locale', async () => {
    const scheduler = demo.service.scheduler!;
    for (const t of targets) scheduler.runNow(t.id);
    await scheduler.whenIdle();
    const snapshots = demo.service.store.snapshots;
    for (const t of targets) {
      const shop = shopOf(t)!;
      const snapshot = await snapshots.latest(t.id);
      expect(snapshot, `${shop.key} ${t.url}`).not.toBeNull();
      const product = t.url.endsWith('espresso') ? 'espresso' : 'filter';
      const expected = shop.decimals ? (shop.prices[product] / 100).toFixed(2) : String(shop.prices[product]);
      expect(snapshot!.offer).toMatchObject({ price: expected, currency: shop.currency, fields: { loyaltyPoints: { value: String(shop.loyaltyPoints) } } });
      expect(snapshot!.offer.fields.freeShippingFrom).toMatchObject({ currency: shop.currency });
      const refreshed = await demo.service.store.targets.get(t.id);
      if (shop.markup === 'script') {
        expect(snapshot!.evidence.screenshotType).toBe('image/jpeg');
        if (t.fetch === 'auto') expect(refreshed.learnedMode).toBe('browser');
      }
    }
  });

  it('runs a target through the API over HTTP and shows what changed at the shop', async () => {
    const { token } = await demo.service.store.users.createToken('demo-marketer', 'marketer');
    const headers = { authorization: `Bearer ${token}` };
    const target = targets.find((t) => shopOf(t)?.key === 'jadran')!;
    const product = target.url.endsWith('espresso') ? 'espresso' : 'filter';
    demo.shops.setShelf('jadran', product, { priceMinor: 1899, regularMinor: 2199, promotionPercent: 15 });
    const queued = await fetch(`${demo.service.url}/api/targets/${target.id}/runs`, { method: 'POST', headers });
    expect(queued.status).toBe(202);
    const run = await queued.json();
    await demo.service.scheduler!.whenIdle();
    const done = await (await fetch(`${demo.service.url}/api/runs/${run.id}`, { headers })).json();
    expect(done).toMatchObject({ id: run.id, status: 'succeeded', code: null, attempt: 1, snapshotId: expect.any(Number) });
    const snapshot = await (await fetch(`${demo.service.url}/api/snapshots/${done.snapshotId}`, { headers })).json();
    expect(snapshot.offer).toMatchObject({ price: '18.99', currency: 'EUR' });
    expect(snapshot.offer.regularPrice).toBe('21.99');
    const html = await fetch(`${demo.service.url}${snapshot.evidence.htmlUrl}`, { headers });
    expect(html.headers.get('content-security-policy')).toBe('sandbox');
    expect(await html.text()).toContain('18,99');
  });

  it('`rivalscope scrape TARGET_ID` prints the snapshot as JSON', { timeout: 90_000 }, async () => {
    const target = targets.find((t) => shopOf(t)?.key === 'own')!;
    const env = { ...process.env, RIVALSCOPE_DB: join(tmp.dir, 'demo.db'), RIVALSCOPE_ALLOW_HOSTS: '127.0.0.1', RIVALSCOPE_LOG_LEVEL: 'silent' };
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'scrape', String(target.id)], { env });
    const snapshot = JSON.parse(stdout);
    expect(snapshot).toMatchObject({ targetId: target.id, offer: { currency: 'PLN', price: expect.stringMatching(/^\d+\.\d{2}$/) } });
    const failed = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'scrape', String(target.id)], { env: { ...env, RIVALSCOPE_ALLOW_HOSTS: '' } }).catch((e) => e);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/blocked_by_policy/);
  });
});
