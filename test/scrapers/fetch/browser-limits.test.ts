import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserPool } from '../../../scrapers/fetch/browser-pool.ts';
import { toBrowserFetchError } from '../../../scrapers/fetch/browser-errors.ts';
import { fetchFailure } from './fetch-failure.ts';
import { html, startServer } from './local-server.ts';
import type { LocalServer } from './local-server.ts';

const allowHosts = ['127.0.0.1'];
const CAP = 1024 * 1024;
/** 200 MB of HTML that travels as about 200 KB. */
const BOMB = gzipSync(Buffer.from(`<html><body><p class="price">9.99 EUR</p>${'<div>a</div>'.repeat(200 * 1024 * 1024 / 12)}`));

let shop: LocalServer;
let pool: BrowserPool;

beforeAll(async () => {
  shop = await startServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/big') return html(res, `<p class="price">9.99 EUR</p>${'x'.repeat(6 * CAP)}`);
    if (path === '/bomb') return html(res, BOMB, 200, { 'content-encoding': 'gzip' });
    if (path === '/loop') return html(res, '', 302, { location: '/loop' });
    if (path === '/attachment') return html(res, Buffer.alloc(10_000), 200, { 'content-type': 'application/octet-stream', 'content-disposition': 'attachment; filename="price-list.bin"' });
    if (path === '/html-attachment') return html(res, '<p class="price">9.99 EUR</p>', 200, { 'content-disposition': 'attachment; filename="offer.html"' });
    if (path === '/pdf') return html(res, Buffer.from('%PDF-1.4\n%%EOF\n'), 200, { 'content-type': 'application/pdf' });
    if (path === '/zip') return html(res, Buffer.alloc(10_000), 200, { 'content-type': 'application/zip' });
    return html(res, '<p class="price">19.99 EUR</p>');
  });
  pool = new BrowserPool({ allowHosts, concurrency: 2, maxPageBytes: CAP, readyTimeoutMs: 2_000 });
});

afterAll(async () => {
  await pool.close();
  await shop.close();
});

describe('BrowserPool limits and failure codes', () => {
  it('fails a main document over the byte cap with too_large', async () => {
    const err = await fetchFailure(pool.fetch(`${shop.origin}/big`, { timeoutMs: 20_000 }));
    expect(err).toMatchObject({ code: 'too_large', retryable: false });
  });

  it('counts a gzip bomb decompressed: too_large, not a browser eating gigabytes', async () => {
    const err = await fetchFailure(pool.fetch(`${shop.origin}/bomb`, { timeoutMs: 20_000 }));
    expect(err).toMatchObject({ code: 'too_large', retryable: false });
  });

  it('fails an endless redirect as too_many_redirects, not retried', async () => {
    const err = await fetchFailure(pool.fetch(`${shop.origin}/loop`, { timeoutMs: 20_000 }));
    expect(err).toMatchObject({ code: 'too_many_redirects', retryable: false });
  });

  it('fails a navigation that turns into a download as download, not a timeout', async () => {
    for (const path of ['/attachment', '/html-attachment', '/pdf', '/zip']) {
      const err = await fetchFailure(pool.fetch(`${shop.origin}${path}`, { timeoutMs: 20_000 }));
      expect(err, path).toMatchObject({ code: 'download', retryable: false });
    }
  });

  it('keeps working after each of these', async () => {
    const result = await pool.fetch(`${shop.origin}/fine`);
    expect(result.html).toContain('19.99 EUR');
    expect(pool.stats()).toMatchObject({ crashes: 0, launches: 1 });
  });

  it('says browser_crash only when Chromium itself went away, not when one page ran out of memory', () => {
    const oom = new Error('page.goto: Page crashed');
    expect(toBrowserFetchError(oom, { url: 'u', crashed: false, refusedDuring: false, pageCrashed: true })).toMatchObject({ code: 'too_large', retryable: false });
    expect(toBrowserFetchError(oom, { url: 'u', crashed: true, refusedDuring: false, pageCrashed: true })).toMatchObject({ code: 'browser_crash', retryable: true });
    expect(toBrowserFetchError(new Error('Target page, context or browser has been closed'), { url: 'u', crashed: false, refusedDuring: false })).toMatchObject({ code: 'browser_crash' });
  });
});
