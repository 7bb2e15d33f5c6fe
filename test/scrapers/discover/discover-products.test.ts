import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverProductUrls } from '../../../scrapers/discover/discover-products.ts';
import { startServer, type LocalServer } from '../fetch/local-server.ts';

const fetchOptions = { allowHosts: ['127.0.0.1'] };
const urlset = (locs: string[]) =>
  `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${locs.map((l) => `<url><loc>${l}</loc></url>`).join('')}</urlset>`;
const index = (locs: string[]) => `<sitemapindex>${locs.map((l) => `<sitemap><loc>${l}</loc></sitemap>`).join('')}</sitemapindex>`;

let shop: LocalServer;
let bare: LocalServer;

beforeAll(async () => {
  shop = await startServer((req, res) => {
    const o = shop.origin;
    const xml = (body: string | Buffer, type = 'application/xml') => {
      res.writeHead(200, { 'content-type': type });
      res.end(body);
    };
    switch (req.url) {
      case '/robots.txt':
        res.writeHead(200, { 'content-type': 'text/plain' });
        return res.end(`User-agent: *\nDisallow: /cart\nSitemap: ${o}/sitemap-index.xml\n`);
      case '/sitemap-index.xml':
        return xml(index([`${o}/sitemap-products.xml.gz`, `${o}/sitemap-pages.xml`, `${o}/missing.xml`, `${o}/sitemap-pages.xml`]));
      case '/sitemap-products.xml.gz':
        return xml(gzipSync(urlset([`${o}/product/espresso-250-g`, `${o}/p/1001`, `${o}/product/espresso-250-g`])), 'application/gzip');
      case '/sitemap-pages.xml':
        return xml(urlset([`${o}/`, `${o}/kontakt`, `${o}/category/coffee`, `${o}/grinder-comandante-c40-mk4.html`]));
      default:
        res.writeHead(404);
        return res.end();
    }
  });
  bare = await startServer((req, res) => {
    if (req.url === '/sitemap.xml') {
      res.writeHead(200, { 'content-type': 'application/xml' });
      return res.end(urlset([`${bare.origin}/product/alpha`, `${bare.origin}/product/beta`, `${bare.origin}/product/gamma`]));
    }
    res.writeHead(404);
    res.end();
  });
});

afterAll(async () => {
  await Promise.all([shop.close(), bare.close()]);
});

describe('discoverProductUrls', () => {
  it('follows robots.txt to a sitemap index, reads gzip and plain sitemaps and keeps product URLs once', async () => {
    const result = await discoverProductUrls(`${shop.origin}/anything`, { fetchOptions });
    expect(result.productUrls).toEqual([`${shop.origin}/product/espresso-250-g`, `${shop.origin}/p/1001`, `${shop.origin}/grinder-comandante-c40-mk4.html`]);
    expect(result.sitemaps).toEqual([
      `${shop.origin}/sitemap-index.xml`,
      `${shop.origin}/sitemap-products.xml.gz`,
      `${shop.origin}/sitemap-pages.xml`,
      `${shop.origin}/missing.xml`,
    ]);
    expect(result.errors).toEqual([{ url: `${shop.origin}/missing.xml`, message: expect.stringContaining('404') }]);
    expect(result.truncated).toBe(false);
  });

  it('falls back to /sitemap.xml when robots.txt names none', async () => {
    const result = await discoverProductUrls(bare.origin, { fetchOptions });
    expect(result.productUrls).toHaveLength(3);
    expect(result.sitemaps).toEqual([`${bare.origin}/sitemap.xml`]);
  });

  it('stops at the limits on URLs, sitemaps and bytes, and says so', async () => {
    const fewUrls = await discoverProductUrls(bare.origin, { fetchOptions, maxUrls: 2 });
    expect(fewUrls).toMatchObject({ productUrls: [`${bare.origin}/product/alpha`, `${bare.origin}/product/beta`], truncated: true });
    const fewSitemaps = await discoverProductUrls(shop.origin, { fetchOptions, maxSitemaps: 2 });
    expect(fewSitemaps.sitemaps).toHaveLength(2);
    expect(fewSitemaps.truncated).toBe(true);
    const fewBytes = await discoverProductUrls(shop.origin, { fetchOptions, maxBytes: 100 });
    expect(fewBytes.productUrls).toEqual([]);
    expect(fewBytes.errors[0]?.message).toMatch(/cap/);
  });

  it('refuses loopback unless the SSRF guard allows it', async () => {
    const before = bare.hits.length;
    const result = await discoverProductUrls(bare.origin);
    expect(result.productUrls).toEqual([]);
    expect(result.errors).toEqual([{ url: `${bare.origin}/sitemap.xml`, message: expect.stringMatching(/127\.0\.0\.1|loopback|private/i) }]);
    expect(bare.hits.length).toBe(before);
  });
});
