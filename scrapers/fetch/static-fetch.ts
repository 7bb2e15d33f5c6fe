import type { IncomingHttpHeaders } from 'node:http';
import { decodeHtml } from '../extract/decode-html.ts';
import { FetchError, httpError } from './fetch-error.ts';
import { httpGet } from './http-get.ts';
import { checkUrl, parseAllowList } from './ssrf-guard.ts';
import type { GuardOptions } from './ssrf-guard.ts';

export const DEFAULT_USER_AGENT = 'rivalscope/0.1 (+https://github.com/rivalscope/rivalscope)';

export interface StaticFetchOptions extends GuardOptions {
  userAgent?: string;
  /** Whole fetch, redirects included. Default 30 s. */
  timeoutMs?: number;
  /** Per connection. Default 10 s. */
  connectTimeoutMs?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Cap on the decompressed body. Default 5 MiB. */
  maxBytes?: number;
  /** Extra request headers (e.g. accept-language). */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Return responses ≥ 400 instead of throwing (used for robots.txt). */
  acceptErrorStatus?: boolean;
}

export interface FetchTimings {
  /** DNS resolution and SSRF checks, all hops. */
  resolveMs: number;
  /** First hop's connect. */
  connectMs: number;
  /** Time to the final response's first byte, from the start. */
  firstByteMs: number;
  totalMs: number;
  redirects: number;
}

export interface StaticFetchResult {
  /** Final URL after redirects. */
  url: string;
  status: number;
  headers: IncomingHttpHeaders;
  contentType: string | null;
  bytes: Uint8Array;
  html: string;
  timings: FetchTimings;
}

const ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/**
 * GET a page over node:http(s): SSRF-checked and pinned on every hop, with total and connect timeouts,
 * a redirect limit, a size cap applied after decompression, and charset decoding. HTTP ≥ 400 → FetchError.
 */
export async function staticFetch(url: string, options: StaticFetchOptions = {}): Promise<StaticFetchResult> {
  const started = performance.now();
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  const maxRedirects = options.maxRedirects ?? 5;
  const guard: GuardOptions = {
    allowHosts: Array.isArray(options.allowHosts) ? parseAllowList(options.allowHosts) : options.allowHosts,
    resolve: options.resolve,
  };
  const headers = {
    'user-agent': options.userAgent ?? DEFAULT_USER_AGENT,
    accept: ACCEPT,
    'accept-encoding': 'gzip, deflate, br',
    ...options.headers,
  };
  const timings: FetchTimings = { resolveMs: 0, connectMs: 0, firstByteMs: 0, totalMs: 0, redirects: 0 };
  let current = url;
  for (;;) {
    const resolveStart = performance.now();
    const checked = await checkUrl(current, guard);
    timings.resolveMs += performance.now() - resolveStart;
    const hopStart = performance.now();
    const hop = await httpGet(checked, {
      headers,
      deadline,
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
      maxBytes: options.maxBytes ?? 5 * 1024 * 1024,
      signal: options.signal,
      readErrorBodies: options.acceptErrorStatus,
    });
    if (timings.redirects === 0) timings.connectMs = hop.connectMs;
    const location = hop.headers.location;
    if (hop.status >= 300 && hop.status < 400 && hop.status !== 304 && location) {
      if (timings.redirects >= maxRedirects) throw new FetchError('too_many_redirects', `more than ${maxRedirects} redirects from ${url}`, { status: hop.status });
      timings.redirects += 1;
      current = new URL(location, checked.url).href;
      continue;
    }
    if (hop.status >= 400 && !options.acceptErrorStatus) throw httpError(hop.status, checked.url.href);
    const contentType = hop.headers['content-type'] ?? null;
    timings.firstByteMs = hopStart - started + hop.firstByteMs;
    timings.totalMs = performance.now() - started;
    return {
      url: checked.url.href,
      status: hop.status,
      headers: hop.headers,
      contentType,
      bytes: hop.bytes,
      html: decodeHtml(hop.bytes, contentType ?? undefined),
      timings,
    };
  }
}
