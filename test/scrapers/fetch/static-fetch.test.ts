import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { staticFetch } from '../../../scrapers/fetch/static-fetch.ts';
import type { Resolver } from '../../../scrapers/fetch/ssrf-guard.ts';
import { html, startServer } from './local-server.ts';
import { fetchFailure } from './fetch-failure.ts';
import type { LocalServer } from './local-server.ts';

let main: LocalServer;
let other: LocalServer;
const allowHosts = ['127.0.0.1'];

beforeAll(async () => {
  other = await startServer((_req, res) => html(res, '<p>private 127.0.0.2</p>'), '127.0.0.2');
  main = await startServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/page') return html(res, '<h1>Espresso</h1><p class="price">12,99 zł</p>');
    if (path === '/echo') return html(res, `<p>${req.headers['user-agent']}|${req.headers.host}</p>`);
    if (path === '/to-other') return html(res, '', 302, { location: `${other.origin}/secret` });
    if (path === '/hop') return html(res, '', 301, { location: '/page' });
    if (path === '/loop') return html(res, '', 302, { location: '/loop' });
    if (path === '/hang') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html>');
      return;
    }
    if (path === '/big') {
      res.writeHead(200, { 'content-type': 'text/html' });
      for (let i = 0; i < 50; i++) res.write('x'.repeat(1024));
      return res.end();
    }
    if (path === '/big-declared') return html(res, 'y'.repeat(50_000));
    if (path === '/bomb') return html(res, gzipSync(Buffer.alloc(2_000_000, 32)), 200, { 'content-encoding': 'gzip' });
    if (path === '/gzip') return html(res, gzipSync('<p>zipped żółć</p>'), 200, { 'content-encoding': 'gzip' });
    if (path === '/br') return html(res, brotliCompressSync('<p>brotli</p>'), 200, { 'content-encoding': 'br' });
    if (path === '/latin2') {
      res.writeHead(200, { 'content-type': 'text/html; charset=windows-1250' });
      return res.end(iconv.encode('<p>Cena: 12,99 zł — łódź</p>', 'windows-1250'));
    }
    const status = Number(path.slice(1));
    return html(res, 'error', status >= 400 ? status : 404);
  });
});

afterAll(async () => {
  await main.close();
  await other.close();
});

describe('staticFetch on loopback', () => {
  it('fetches an allow-listed local page', async () => {
    const result = await staticFetch(`${main.origin}/page`, { allowHosts });
    expect(result.status).toBe(200);
    expect(result.contentType).toBe('text/html; charset=utf-8');
    expect(result.html).toContain('12,99 zł');
    expect(result.url).toBe(`${main.origin}/page`);
    expect(result.timings.totalMs).toBeGreaterThan(0);
  });

  it('refuses a loopback address that is not allow-listed, without connecting', async () => {
    const err = await fetchFailure(staticFetch(`${other.origin}/secret`, { allowHosts }));
    expect(err.code).toBe('blocked_by_policy');
    expect(other.hits).toEqual([]);
  });

  it('checks every redirect: a hop to 127.0.0.2 is refused', async () => {
    const err = await fetchFailure(staticFetch(`${main.origin}/to-other`, { allowHosts }));
    expect(err.code).toBe('blocked_by_policy');
    expect(main.hits).toContain('/to-other');
    expect(other.hits).toEqual([]);
  });

  it('refuses localhost when nothing is allow-listed, although a server listens there', async () => {
    const err = await fetchFailure(staticFetch(`http://localhost:${main.port}/page`, { allowHosts: [] }));
    expect(err.code).toBe('blocked_by_policy');
  });

  it('refuses a host name whose DNS answer is a loopback address that is not allow-listed', async () => {
    const resolve: Resolver = async () => [{ address: '127.0.0.2', family: 4 }];
    const err = await fetchFailure(staticFetch(`http://shop.test:${other.port}/secret`, { allowHosts, resolve }));
    expect(err.code).toBe('blocked_by_policy');
    expect(other.hits).toEqual([]);
  });

  it('connects to the address it checked, even if DNS answers differently later (rebinding)', async () => {
    const answers = ['127.0.0.1', '127.0.0.2'];
    let calls = 0;
    const resolve: Resolver = async () => [{ address: answers[Math.min(calls++, 1)] as string, family: 4 }];
    const result = await staticFetch(`http://shop.test:${main.port}/echo`, { allowHosts, resolve, userAgent: 'test-agent/1' });
    expect(result.html).toContain(`test-agent/1|shop.test:${main.port}`);
    expect(calls).toBe(1);
  });

  it('follows redirects within the limit and reports the final URL', async () => {
    const result = await staticFetch(`${main.origin}/hop`, { allowHosts });
    expect(result.url).toBe(`${main.origin}/page`);
    expect(result.timings.redirects).toBe(1);
    const err = await fetchFailure(staticFetch(`${main.origin}/loop`, { allowHosts, maxRedirects: 3 }));
    expect(err.message).toContain('more than 3 redirects');
    expect(err).toMatchObject({ code: 'too_many_redirects', retryable: false });
  });

  it('times out on a hanging page', async () => {
    const err = await fetchFailure(staticFetch(`${main.origin}/hang`, { allowHosts, timeoutMs: 300 }));
    expect(err.code).toBe('timeout');
    expect(err.retryable).toBe(true);
  });

  it('cuts off an oversized page, declared or streamed, and counts decompressed bytes', async () => {
    for (const path of ['/big', '/big-declared', '/bomb']) {
      const err = await fetchFailure(staticFetch(`${main.origin}${path}`, { allowHosts, maxBytes: 10_000 }));
      expect(err.code, path).toBe('too_large');
    }
  });

  it('decompresses gzip and brotli', async () => {
    expect((await staticFetch(`${main.origin}/gzip`, { allowHosts })).html).toBe('<p>zipped żółć</p>');
    expect((await staticFetch(`${main.origin}/br`, { allowHosts })).html).toBe('<p>brotli</p>');
  });

  it('decodes the charset named by the response', async () => {
    expect((await staticFetch(`${main.origin}/latin2`, { allowHosts })).html).toContain('12,99 zł — łódź');
  });

  it('turns HTTP errors into typed failures with their retry policy', async () => {
    const notFound = await fetchFailure(staticFetch(`${main.origin}/404`, { allowHosts }));
    expect([notFound.code, notFound.status, notFound.retryable]).toEqual(['http_4xx', 404, false]);
    const tooMany = await fetchFailure(staticFetch(`${main.origin}/429`, { allowHosts }));
    expect([tooMany.code, tooMany.status, tooMany.retryable]).toEqual(['http_4xx', 429, true]);
    const down = await fetchFailure(staticFetch(`${main.origin}/503`, { allowHosts }));
    expect([down.code, down.status, down.retryable]).toEqual(['http_5xx', 503, true]);
  });
});
