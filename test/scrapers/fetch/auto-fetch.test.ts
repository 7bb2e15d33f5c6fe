import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { autoFetch } from '../../../scrapers/fetch/auto-fetch.ts';
import { BrowserPool } from '../../../scrapers/fetch/browser-pool.ts';
import { html, startServer } from './local-server.ts';
import type { LocalServer } from './local-server.ts';
import { fetchFailure } from './fetch-failure.ts';

const allowHosts = ['127.0.0.1'];
const hasPrice = (page: string) => /\d+[.,]\d{2}\s?(zł|€|EUR)/.test(page);
const description = '<p>Freshly roasted arabica beans from Brazil, medium roast, notes of chocolate and nuts.</p>'.repeat(4);

let shop: LocalServer;
let browser: BrowserPool;

beforeAll(async () => {
  shop = await startServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/ssr') return html(res, `<html><body><h1>Espresso</h1>${description}<p>49,90 zł</p></body></html>`);
    if (path === '/spa') return html(res, readFileSync(new URL('../../fixtures/fetch/spa-shell.html', import.meta.url), 'utf8'));
    if (path === '/bundle.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      return res.end(`document.getElementById('root').innerHTML = '<h1>Kava</h1><p class="price">7,99 €</p>';`);
    }
    if (path === '/late-price')
      return html(res, `<html><body><h1>Espresso</h1>${description}<p id="p"></p><script>setTimeout(() => document.getElementById('p').textContent = (1250 / 100).toFixed(2) + ' EUR', 100)</script></body></html>`);
    if (path === '/bot-wall') return html(res, 'no bots', req.headers['user-agent']?.includes('rivalscope') ? 403 : 200);
    return html(res, 'gone', 404);
  });
  browser = new BrowserPool({ allowHosts, concurrency: 2, readyTimeoutMs: 1_000 });
});

afterAll(async () => {
  await browser.close();
  await shop.close();
});

describe('autoFetch', () => {
  it('keeps a server-rendered page with a price static', async () => {
    const result = await autoFetch(`${shop.origin}/ssr`, { browser, hasPrice, staticOptions: { allowHosts } });
    expect(result).toMatchObject({ mode: 'static', browserReason: null, priceFound: true });
  });

  it('renders a script shell in the browser', async () => {
    const result = await autoFetch(`${shop.origin}/spa`, { browser, hasPrice, staticOptions: { allowHosts } });
    expect(result).toMatchObject({ mode: 'browser', browserReason: 'script-shell', priceFound: true });
    expect(result.html).toContain('7,99 €');
  });

  it('goes to the browser when the static page shows no price', async () => {
    const result = await autoFetch(`${shop.origin}/late-price`, { browser, hasPrice, staticOptions: { allowHosts } });
    expect(result).toMatchObject({ mode: 'browser', browserReason: 'no-price', priceFound: true });
  });

  it('skips the static attempt when the browser is remembered for the target', async () => {
    const before = shop.hits.filter((h) => h === '/spa').length;
    const result = await autoFetch(`${shop.origin}/spa`, { browser, hasPrice, remembered: 'browser', staticOptions: { allowHosts } });
    expect(result).toMatchObject({ mode: 'browser', browserReason: 'remembered' });
    expect(shop.hits.filter((h) => h === '/spa').length - before).toBe(1);
  });

  it('tries the browser behind a 403 for non-browser clients, but not behind a 404', async () => {
    const walled = await autoFetch(`${shop.origin}/bot-wall`, { browser, hasPrice, staticOptions: { allowHosts } });
    expect(walled).toMatchObject({ mode: 'browser', browserReason: 'forbidden', priceFound: false, status: 200 });
    const err = await fetchFailure(autoFetch(`${shop.origin}/missing`, { browser, hasPrice, staticOptions: { allowHosts } }));
    expect(err.code).toBe('http_4xx');
  });
});
