import { describe, expect, it } from 'vitest';
import { parseSitemap } from '../../../scrapers/discover/sitemap-xml.ts';

describe('parseSitemap', () => {
  it('reads the locs of a urlset, entities decoded and whitespace trimmed', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc> https://shop.test/p/1?a=1&amp;b=2 </loc><lastmod>2024-01-01</lastmod></url>
  <url><loc><![CDATA[https://shop.test/p/2]]></loc></url>
</urlset>`;
    expect(parseSitemap(xml)).toEqual({ kind: 'urlset', locs: ['https://shop.test/p/1?a=1&b=2', 'https://shop.test/p/2'] });
  });

  it('tells a sitemap index, also with a namespace prefix', () => {
    const xml = '<sm:sitemapindex xmlns:sm="http://www.sitemaps.org/schemas/sitemap/0.9"><sm:sitemap><sm:loc>https://shop.test/s1.xml</sm:loc></sm:sitemap></sm:sitemapindex>';
    expect(parseSitemap(xml)).toEqual({ kind: 'index', locs: ['https://shop.test/s1.xml'] });
  });

  it('gives nothing for a page that is not a sitemap', () => {
    expect(parseSitemap('<html><body>Not found</body></html>')).toEqual({ kind: 'urlset', locs: [] });
  });
});
