import type { Config } from '../config.ts';
import type { Lane } from '../store/runs.ts';
import type { Recipe } from '../../scrapers/recipe.ts';
import { autoFetch } from '../../scrapers/fetch/auto-fetch.ts';
import { BrowserPool } from '../../scrapers/fetch/browser-pool.ts';
import { findChromium } from '../../scrapers/fetch/chromium-path.ts';
import { FetchError } from '../../scrapers/fetch/fetch-error.ts';
import { HostLimiter } from '../../scrapers/fetch/host-limiter.ts';
import { RobotsCache } from '../../scrapers/fetch/robots.ts';
import { parseAllowList, type Resolver } from '../../scrapers/fetch/ssrf-guard.ts';
import { staticFetch, type StaticFetchOptions } from '../../scrapers/fetch/static-fetch.ts';

export interface FetchedPage {
  html: string;
  /** Final URL after redirects. */
  url: string;
  status: number;
  mode: Lane;
  screenshot: Buffer | null;
}

export interface PageRequest {
  recipe: Recipe | null;
  locale: string | null;
  timeoutMs: number;
  /** Aborts a static fetch (a run's deadline). */
  signal?: AbortSignal;
}

/** `auto`: static first, the browser for a script shell or a page without a price; `remembered` skips ahead. */
export interface AutoRequest extends PageRequest {
  remembered: Lane | null;
  hasPrice: (html: string, url: string) => boolean;
}

/** The fetch side of a run: SSRF-guarded static and browser fetching, robots.txt and per-host politeness. */
export interface PageFetcher {
  fetch(url: string, mode: Lane, request: PageRequest): Promise<FetchedPage>;
  fetchAuto(url: string, request: AutoRequest): Promise<FetchedPage>;
  /** Throws FetchError robots_disallowed unless robots.txt allows the URL (or `override`). */
  checkRobots(url: string, override: boolean): Promise<void>;
  /** Runs `task` in the URL's host slot (politeness). */
  polite<T>(url: string, task: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type FetcherConfig = Pick<
  Config,
  | 'allowHosts'
  | 'chromiumPath'
  | 'userAgent'
  | 'maxPageBytes'
  | 'browserConcurrency'
  | 'hostConcurrency'
  | 'hostDelayMs'
  | 'screenshotMaxBytes'
>;

/**
 * The real fetcher, the one the scheduler and the CLI share: SSRF guard, size limits and browser pool from the
 * config. `resolve` lets tests answer DNS for made-up names without the network.
 */
export function createPageFetcher(config: FetcherConfig, options: { resolve?: Resolver } = {}): PageFetcher {
  const allowHosts = parseAllowList(config.allowHosts);
  const guard = { allowHosts, resolve: options.resolve };
  const staticOptions: StaticFetchOptions = { ...guard, userAgent: config.userAgent, maxBytes: config.maxPageBytes };
  const robots = new RobotsCache({ fetchOptions: staticOptions });
  const hosts = new HostLimiter({ concurrency: config.hostConcurrency, minDelayMs: config.hostDelayMs });
  let pool: BrowserPool | null = null;
  const browserPool = () =>
    (pool ??= new BrowserPool({
      ...guard,
      executablePath: findChromium(config.chromiumPath) ?? undefined,
      concurrency: config.browserConcurrency,
      userAgent: config.userAgent,
      maxPageBytes: config.maxPageBytes,
    }));

  const staticRequest = (request: PageRequest): StaticFetchOptions => ({
    ...staticOptions,
    headers: request.locale ? { 'accept-language': `${request.locale},en;q=0.5` } : undefined,
    timeoutMs: request.timeoutMs,
    signal: request.signal,
  });
  const browserRequest = (request: PageRequest) => ({
    recipe: request.recipe ?? undefined,
    timeoutMs: request.timeoutMs,
    screenshot: config.screenshotMaxBytes > 0 ? { maxBytes: config.screenshotMaxBytes } : false,
  });
  const capped = (url: string, page: FetchedPage): FetchedPage => {
    if (page.mode === 'browser' && Buffer.byteLength(page.html, 'utf8') > config.maxPageBytes)
      throw new FetchError('too_large', `the rendered page of ${url} is over ${config.maxPageBytes} bytes`);
    return page;
  };

  return {
    async fetch(url, mode, request) {
      if (mode === 'static') {
        const page = await staticFetch(url, staticRequest(request));
        return { html: page.html, url: page.url, status: page.status, mode, screenshot: null };
      }
      const page = await browserPool().fetch(url, browserRequest(request));
      return capped(url, { html: page.html, url: page.url, status: page.status, mode, screenshot: page.screenshot ?? null });
    },
    async fetchAuto(url, request) {
      const page = await autoFetch(url, {
        browser: { fetch: (u, o) => browserPool().fetch(u, o) },
        hasPrice: request.hasPrice,
        remembered: request.remembered ?? undefined,
        staticOptions: staticRequest(request),
        browserOptions: browserRequest(request),
      });
      return capped(url, { html: page.html, url: page.url, status: page.status, mode: page.mode, screenshot: page.screenshot ?? null });
    },
    async checkRobots(url, override) {
      await robots.enforce(url, { override });
    },
    polite: (url, task) => hosts.run(url, task),
    async close() {
      await pool?.close();
      pool = null;
    },
  };
}
