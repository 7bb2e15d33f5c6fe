import { Parser } from 'htmlparser2';

/** A sitemap's `<loc>`s: page URLs of a `<urlset>`, or child sitemaps of a `<sitemapindex>`. */
export interface SitemapContent {
  kind: 'urlset' | 'index';
  locs: string[];
}

/** Reads a sitemap (sitemaps.org XML); namespaced tags (`<sm:loc>`) are read too. Unknown roots give an empty urlset. */
export function parseSitemap(xml: string): SitemapContent {
  let kind: SitemapContent['kind'] = 'urlset';
  let rootSeen = false;
  let inLoc = false;
  let text = '';
  const locs: string[] = [];
  const local = (name: string) => name.slice(name.indexOf(':') + 1).toLowerCase();
  const parser = new Parser(
    {
      onopentag(name) {
        const tag = local(name);
        if (!rootSeen) {
          rootSeen = true;
          if (tag === 'sitemapindex') kind = 'index';
        }
        if (tag === 'loc') {
          inLoc = true;
          text = '';
        }
      },
      ontext(chunk) {
        if (inLoc) text += chunk;
      },
      onclosetag(name) {
        if (local(name) !== 'loc' || !inLoc) return;
        inLoc = false;
        const loc = text.trim();
        if (loc) locs.push(loc);
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true },
  );
  parser.end(xml);
  return { kind, locs };
}
