import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RobotsCache } from '../../../scrapers/fetch/robots.ts';
import { FetchError } from '../../../scrapers/fetch/fetch-error.ts';
import { startServer } from './local-server.ts';
import type { LocalServer } from './local-server.ts';

let shop: LocalServer;
let broken: LocalServer;
let bare: LocalServer;
const allowHosts = ['127.0.0.1'];

beforeAll(async () => {
  shop = await startServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('User-agent: *\nDisallow: /private/\n\nUser-agent: rivalscope\nDisallow: /no-bots/\n');
  });
  broken = await startServer((_req, res) => {
    res.writeHead(503);
    res.end();
  });
  bare = await startServer((_req, res) => {
    res.writeHead(404);
    res.end();
  });
});

afterAll(async () => {
  await Promise.all([shop.close(), broken.close(), bare.close()]);
});

describe('RobotsCache', () => {
  it('honours robots.txt for our user agent and fetches it once per origin', async () => {
    const robots = new RobotsCache({ fetchOptions: { allowHosts, userAgent: 'rivalscope/0.1' } });
    expect((await robots.check(`${shop.origin}/product/1`)).allowed).toBe(true);
    expect((await robots.check(`${shop.origin}/no-bots/1`)).allowed).toBe(false);
    const err = await robots.enforce(`${shop.origin}/no-bots/2`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).code).toBe('robots_disallowed');
    expect(shop.hits.filter((h) => h === '/robots.txt')).toHaveLength(1);
  });

  it('lets a per-call override through without fetching robots.txt, and says so', async () => {
    const before = shop.hits.length;
    const robots = new RobotsCache({ fetchOptions: { allowHosts } });
    expect(await robots.enforce(`${shop.origin}/no-bots/1`, { override: true })).toMatchObject({ allowed: true, overridden: true });
    expect(shop.hits.length).toBe(before);
  });

  it('refetches after the TTL', async () => {
    const robots = new RobotsCache({ fetchOptions: { allowHosts }, ttlMs: 0 });
    const before = shop.hits.length;
    await robots.check(`${shop.origin}/a`);
    await robots.check(`${shop.origin}/b`);
    expect(shop.hits.length - before).toBe(2);
  });

  it('allows all when robots.txt is missing, fails retryably when it errors', async () => {
    const robots = new RobotsCache({ fetchOptions: { allowHosts } });
    expect((await robots.check(`${bare.origin}/x`)).allowed).toBe(true);
    const err = (await robots.check(`${broken.origin}/x`).catch((e: unknown) => e)) as FetchError;
    expect([err.code, err.retryable]).toEqual(['http_5xx', true]);
  });

  it('is SSRF-guarded: robots.txt of a refused host is not fetched', async () => {
    const robots = new RobotsCache({ fetchOptions: { allowHosts: [] } });
    const before = shop.hits.length;
    const err = (await robots.check(`${shop.origin}/x`).catch((e: unknown) => e)) as FetchError;
    expect(err.code).toBe('blocked_by_policy');
    expect(shop.hits.length).toBe(before);
  });
});
