import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { BrowserPool } from '../../../scrapers/fetch/browser-pool.ts';
import { html, startServer } from './local-server.ts';
import { fetchFailure } from './fetch-failure.ts';
import type { LocalServer } from './local-server.ts';
import { chromiumChildren } from './chromium-processes.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/fetch/${name}.html`, import.meta.url), 'utf8');
const allowHosts = ['127.0.0.1'];

let shop: LocalServer;
let other: LocalServer;
let pool: BrowserPool;

beforeAll(async () => {
  other = await startServer((_req, res) => html(res, 'private'), '127.0.0.2');
  shop = await startServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/js-price') return html(res, fixture('js-price'));
    if (path === '/steps') return html(res, fixture('steps').replace('{{CONSENT}}', /consent=1/.test(req.headers.cookie ?? '') ? 'consent remembered' : 'no consent'));
    if (path === '/heavy') return html(res, fixture('heavy'));
    if (path.startsWith('/assets/')) return html(res, 'x'.repeat(1000), 200, { 'content-type': 'application/octet-stream' });
    if (path === '/ssrf') return html(res, fixture('ssrf').replaceAll('{{OTHER}}', other.origin));
    if (path === '/redirect-to-other') return html(res, '', 302, { location: `${other.origin}/secret` });
    if (path === '/hang' || path === '/slow') return;
    if (path.startsWith('/page/')) return html(res, `<p class="price">${path.slice(6)}.00 zł</p>`);
    return html(res, 'gone', 404);
  });
  pool = new BrowserPool({ allowHosts, concurrency: 2, readyTimeoutMs: 5_000 });
});

afterAll(async () => {
  await pool.close();
  await shop.close();
  await other.close();
});

describe('BrowserPool against local pages', () => {
  it('waits for a JavaScript-rendered price instead of sleeping', async () => {
    const result = await pool.fetch(`${shop.origin}/js-price`);
    expect(result.status).toBe(200);
    expect(result.readyBy).toBe('price');
    expect(result.html).toContain('49,90 zł');
    const bySelector = await pool.fetch(`${shop.origin}/js-price`, { recipe: { waitFor: '.price' } });
    expect(bySelector.readyBy).toBe('selector');
    expect(bySelector.html).toContain('<p class="price">49,90 zł</p>');
  });

  it('runs recipe steps: skips a missing optional click, accepts the banner, picks a variant; the site keeps its session', async () => {
    const steps = [
      { action: 'click' as const, selector: '#no-such-banner', optional: true },
      { action: 'click' as const, selector: '#accept-cookies', optional: false },
      { action: 'select' as const, selector: '#variant', value: '500g' },
      { action: 'wait' as const, selector: '.price[data-variant="500g"]' },
      { action: 'click' as const, selector: '#add', optional: false },
    ];
    const result = await pool.fetch(`${shop.origin}/steps`, { recipe: { steps } });
    expect(result.html).toContain('€ 17.50');
    expect(result.html).not.toContain('id="banner"');
    expect(result.html).toContain('no consent');
    const again = await pool.fetch(`${shop.origin}/steps`);
    expect(again.html).toContain('consent remembered');
  });

  it('fails a required step that finds nothing with recipe_no_match', async () => {
    const err = await fetchFailure(pool.fetch(`${shop.origin}/steps`, { recipe: { steps: [{ action: 'click', selector: '#missing', optional: false }] }, timeoutMs: 3_000 }));
    expect(err.code).toBe('recipe_no_match');
  });

  it('blocks images, fonts and media', async () => {
    const before = pool.stats().blockedRequests;
    const result = await pool.fetch(`${shop.origin}/heavy`);
    expect(result.html).toContain('$ 19.99');
    expect(shop.hits.filter((h) => h.startsWith('/assets/'))).toEqual([]);
    expect(pool.stats().blockedRequests).toBeGreaterThan(before);
  });

  it('refuses subrequests to a loopback address that is not allow-listed, including redirects', async () => {
    const result = await pool.fetch(`${shop.origin}/ssrf`);
    expect(result.html).toContain('12.00 EUR');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(shop.hits).toContain('/redirect-to-other');
    expect(other.hits).toEqual([]);
    expect(pool.stats().refusedRequests).toBeGreaterThan(0);
  });

  it('refuses a navigation to a refused address and a redirect to one', async () => {
    expect((await fetchFailure(pool.fetch(`${other.origin}/secret`))).code).toBe('blocked_by_policy');
    expect((await fetchFailure(pool.fetch(`${shop.origin}/redirect-to-other`))).code).toBe('blocked_by_policy');
    const port = new URL(shop.origin).port;
    expect((await fetchFailure(pool.fetch(`http://[::1]:${port}/product`))).code).toBe('blocked_by_policy');
    expect(other.hits).toEqual([]);
  });

  it('reports HTTP errors and times out on a hanging page', async () => {
    const missing = await fetchFailure(pool.fetch(`${shop.origin}/nope`));
    expect([missing.code, missing.status]).toEqual(['http_4xx', 404]);
    const hung = await fetchFailure(pool.fetch(`${shop.origin}/hang`, { timeoutMs: 1_000 }));
    expect([hung.code, hung.retryable]).toEqual(['timeout', true]);
  });

  it('cuts off an oversized rendered page', async () => {
    const small = new BrowserPool({ allowHosts, maxHtmlBytes: 1_000 });
    try {
      expect((await fetchFailure(small.fetch(`${shop.origin}/steps`))).code).toBe('too_large');
    } finally {
      await small.close();
    }
  });

  it('takes a size-capped JPEG screenshot', async () => {
    const result = await pool.fetch(`${shop.origin}/page/7`, { screenshot: { maxBytes: 200_000 } });
    expect(result.screenshot?.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(result.screenshot?.length).toBeLessThanOrEqual(200_000);
  });

  it('reuses one browser, one context per site and open pages', () => {
    const stats = pool.stats();
    expect(stats.launches).toBe(1);
    expect(stats.sites).toBe(1);
    expect(stats.idlePages).toBeGreaterThanOrEqual(1);
    expect(stats.idlePages).toBeLessThanOrEqual(4);
  });
});

describe('BrowserPool lifecycle', () => {
  it('retires the browser after N pages and carries the site session over', async () => {
    const retiring = new BrowserPool({ allowHosts, maxPagesPerBrowser: 2 });
    try {
      await retiring.fetch(`${shop.origin}/steps`, { recipe: { steps: [{ action: 'click', selector: '#accept-cookies', optional: false }] } });
      for (let i = 1; i <= 3; i++) expect((await retiring.fetch(`${shop.origin}/page/${i}`)).html).toContain(`${i}.00 zł`);
      expect((await retiring.fetch(`${shop.origin}/steps`)).html).toContain('consent remembered');
      const stats = retiring.stats();
      expect(stats.launches).toBe(3);
      expect(stats.retired).toBe(2);
    } finally {
      await retiring.close();
    }
  });

  it('keeps a context per site but caps idle pages over all sites', async () => {
    const second = await startServer((_req, res) => html(res, '<p class="price">5.00 zł</p>'));
    const capped = new BrowserPool({ allowHosts, maxIdlePages: 1 });
    try {
      await capped.fetch(`${shop.origin}/page/3`);
      await capped.fetch(`${second.origin}/`);
      expect(capped.stats()).toMatchObject({ sites: 2, idlePages: 1, launches: 1 });
    } finally {
      await capped.close();
      await second.close();
    }
  });

  it('reports a crash as browser_crash and relaunches', async () => {
    const before = new Set(chromiumChildren());
    const crashing = new BrowserPool({ allowHosts });
    try {
      await crashing.fetch(`${shop.origin}/page/1`);
      const launched = chromiumChildren().filter((pid) => !before.has(pid));
      expect(launched).toHaveLength(1);
      const inFlight = fetchFailure(crashing.fetch(`${shop.origin}/slow`, { timeoutMs: 10_000 }));
      await new Promise((resolve) => setTimeout(resolve, 500));
      process.kill(launched[0] as number, 'SIGKILL');
      const err = await inFlight;
      expect([err.code, err.retryable]).toEqual(['browser_crash', true]);
      expect((await crashing.fetch(`${shop.origin}/page/2`)).html).toContain('2.00 zł');
      expect(crashing.stats()).toMatchObject({ crashes: 1, launches: 2, browserConnected: true });
    } finally {
      await crashing.close();
    }
  });
});
