import { gunzipSync } from 'node:zlib';
import robotsParser from 'robots-parser';
import { staticFetch, type StaticFetchOptions } from '../fetch/static-fetch.ts';
import { isLikelyProductUrl } from './product-url.ts';
import { parseSitemap } from './sitemap-xml.ts';

export interface DiscoverOptions {
  /** How robots.txt and sitemaps are fetched (SSRF guard allow-list, user agent, timeouts). */
  fetchOptions?: StaticFetchOptions;
  /** Sitemaps fetched at most, index files included. Default 50. */
  maxSitemaps?: number;
  /** Product URLs kept at most. Default 50,000. */
  maxUrls?: number;
  /** Cap on each sitemap, after decompression. Default 50 MiB (the sitemaps.org limit). */
  maxBytes?: number;
}

export interface DiscoveryResult {
  /** Likely product page URLs, in sitemap order, without duplicates. */
  productUrls: string[];
  /** Sitemaps read, in order. */
  sitemaps: string[];
  /** A limit stopped the discovery before every sitemap was read. */
  truncated: boolean;
  /** Sitemaps that could not be read, and why. */
  errors: { url: string; message: string }[];
}

const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;

async function robotsSitemaps(origin: string, fetchOptions: StaticFetchOptions): Promise<string[]> {
  const robotsUrl = new URL('/robots.txt', origin).href;
  try {
    const result = await staticFetch(robotsUrl, { maxBytes: 512 * 1024, ...fetchOptions, acceptErrorStatus: true });
    return result.status < 400 ? robotsParser(robotsUrl, result.html).getSitemaps() : [];
  } catch {
    return [];
  }
}

async function readSitemap(url: string, fetchOptions: StaticFetchOptions, maxBytes: number) {
  const result = await staticFetch(url, { ...fetchOptions, maxBytes });
  const xml = isGzip(result.bytes) ? gunzipSync(result.bytes, { maxOutputLength: maxBytes }).toString('utf8') : result.html;
  return parseSitemap(xml);
}

/**
 * Finds a site's likely product pages: the sitemaps robots.txt names (else /sitemap.xml), followed through sitemap
 * index files, gzip or plain, within limits on sitemaps, URLs and bytes. Every request goes through the guarded fetcher.
 */
export async function discoverProductUrls(siteUrl: string, options: DiscoverOptions = {}): Promise<DiscoveryResult> {
  const fetchOptions = options.fetchOptions ?? {};
  const maxSitemaps = options.maxSitemaps ?? 50;
  const maxUrls = options.maxUrls ?? 50_000;
  const maxBytes = options.maxBytes ?? 50 * 1024 * 1024;
  const origin = new URL(siteUrl).origin;
  const named = await robotsSitemaps(origin, fetchOptions);
  const queue = named.length > 0 ? named : [new URL('/sitemap.xml', origin).href];
  const queued = new Set(queue);
  const found = new Set<string>();
  const result: DiscoveryResult = { productUrls: [], sitemaps: [], truncated: false, errors: [] };
  while (queue.length > 0) {
    if (result.sitemaps.length >= maxSitemaps || found.size >= maxUrls) {
      result.truncated = true;
      break;
    }
    const url = queue.shift() as string;
    result.sitemaps.push(url);
    let content;
    try {
      content = await readSitemap(url, fetchOptions, maxBytes);
    } catch (err) {
      result.errors.push({ url, message: err instanceof Error ? err.message : String(err) });
      continue;
    }
    for (const loc of content.locs) {
      if (content.kind === 'index') {
        if (!queued.has(loc)) queue.push(loc);
        queued.add(loc);
      } else if (isLikelyProductUrl(loc) && !found.has(loc)) {
        if (found.size >= maxUrls) {
          result.truncated = true;
          break;
        }
        found.add(loc);
      }
    }
  }
  result.productUrls = [...found];
  return result;
}
