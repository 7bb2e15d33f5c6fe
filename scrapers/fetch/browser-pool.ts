import { chromium } from 'playwright';
import { findChromium } from './chromium-path.ts';
import { FetchError } from './fetch-error.ts';
import { startGuardProxy } from './guard-proxy.ts';
import type { GuardProxy } from './guard-proxy.ts';
import { visitPage, withDeadline } from './page-visit.ts';
import type { BrowserFetchOptions, BrowserFetchResult, BrowserTimings } from './page-visit.ts';
import { BrowserSession, settleWithin } from './browser-session.ts';
import type { StorageState } from './browser-session.ts';
import { Semaphore } from './semaphore.ts';
import { cachingResolver, checkUrl, parseAllowList } from './ssrf-guard.ts';
import type { GuardOptions } from './ssrf-guard.ts';
import { toBrowserFetchError } from './browser-errors.ts';
import { blockHeavyResources, HEAVY_URL_PATTERNS, NO_IMAGES_ARG } from './heavy-resources.ts';
import { watchDocuments } from './document-watch.ts';
import type { DocumentWatch, VisitWatch } from './document-watch.ts';
import type { Page } from 'playwright';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // WebRTC could reach addresses around the guard proxy.
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
];

export interface BrowserPoolOptions extends GuardOptions {
  /** Chromium to launch; default findChromium(). */
  executablePath?: string;
  /** Pages fetched at once. Default 4 (measured best on 2 cores, see bench/scrape.ts). */
  concurrency?: number;
  /** A browser is retired (replaced by a fresh one) after this many pages. Default 200. */
  maxPagesPerBrowser?: number;
  /** Open pages kept per site between jobs. Default 4. */
  idlePagesPerSite?: number;
  /** Open pages kept between jobs over all sites. Default 8. */
  maxIdlePages?: number;
  /** Site contexts kept open. Default 20. */
  maxSites?: number;
  userAgent?: string;
  /** Block images (a Chromium flag) and fonts and media (these URL patterns, CDP). Default true, HEAVY_URL_PATTERNS. */
  blockImages?: boolean;
  blockUrlPatterns?: readonly string[];
  /** Longest wait for the recipe's selector or a price to appear. Default 10 s (and never past the fetch timeout). */
  readyTimeoutMs?: number;
  /** Cap on the rendered HTML. Default 10 MiB. */
  maxHtmlBytes?: number;
  /** Cap on the main document's bytes as received (decompressed), like the static fetcher's maxBytes (RIVALSCOPE_MAX_PAGE_BYTES). Default 5 MiB. */
  maxPageBytes?: number;
  launchTimeoutMs?: number;
  closeTimeoutMs?: number;
}

export interface BrowserPoolStats {
  launches: number;
  crashes: number;
  retired: number;
  fetches: number;
  failures: number;
  active: number;
  queued: number;
  browserConnected: boolean;
  sites: number;
  idlePages: number;
  blockedRequests: number;
  refusedRequests: number;
}

/** The pool was closed before or while this page was fetched: the page is unfinished, not failed (put it back in the queue). */
export class BrowserPoolClosedError extends Error {
  constructor(url?: string) {
    super(url ? `browser pool closed while fetching ${url}` : 'browser pool is closed');
    this.name = 'BrowserPoolClosedError';
  }
}

/**
 * One lazily launched Chromium behind an SSRF guard proxy; a context per site, open pages reused across jobs,
 * images, fonts and media blocked inside Chromium (SSRF is the proxy's job alone), retired after N pages and relaunched after a crash.
 */
export class BrowserPool {
  private current: BrowserSession | null = null;
  private launching: Promise<BrowserSession> | null = null;
  private readonly retiring = new Set<BrowserSession>();
  private proxy: GuardProxy | null = null;
  private closed = false;
  /** close() is past its grace period and is shutting the browser under pages still in flight. */
  private forcing = false;
  private readonly slots: Semaphore;
  private readonly guard: GuardOptions;
  private readonly savedStates = new Map<string, StorageState>();
  private readonly watches = new WeakMap<Page, DocumentWatch>();
  private readonly inFlight = new Set<Promise<BrowserFetchResult>>();
  private readonly counters = { launches: 0, crashes: 0, retired: 0, fetches: 0, failures: 0, blockedRequests: 0 };

  constructor(private readonly options: BrowserPoolOptions = {}) {
    this.slots = new Semaphore(options.concurrency ?? 4);
    this.guard = { allowHosts: Array.isArray(options.allowHosts) ? parseAllowList(options.allowHosts) : options.allowHosts, resolve: cachingResolver(options.resolve) };
  }

  async fetch(url: string, options: BrowserFetchOptions = {}): Promise<BrowserFetchResult> {
    if (this.closed) throw new BrowserPoolClosedError();
    const started = performance.now();
    await checkUrl(url, this.guard);
    await this.slots.acquire();
    const work = (async () => {
      // Closed while queued: not started, so not failed.
      if (this.closed) throw new BrowserPoolClosedError(url);
      return this.fetchInSession(url, options, started);
    })();
    this.inFlight.add(work);
    try {
      return await work;
    } catch (err) {
      // Cut off by the end of a close's grace period: unfinished. A page that fails by itself during the grace period keeps its own error.
      if (err instanceof BrowserPoolClosedError) throw err;
      if (this.forcing) throw new BrowserPoolClosedError(url);
      this.counters.failures += 1;
      throw err;
    } finally {
      this.inFlight.delete(work);
      this.counters.fetches += 1;
      this.slots.release();
    }
  }

  stats(): BrowserPoolStats {
    const counts = this.current?.counts() ?? { sites: 0, idlePages: 0 };
    const active = [this.current, ...this.retiring].reduce((n, s) => n + (s?.active ?? 0), 0);
    return {
      ...this.counters,
      ...counts,
      refusedRequests: this.proxy?.refusedCount() ?? 0,
      active,
      queued: this.slots.waiting,
      browserConnected: this.current?.browser.isConnected() ?? false,
    };
  }

  /**
   * Orderly shutdown within `graceMs` (default 0): stops taking pages at once (queued ones fail with
   * BrowserPoolClosedError), lets pages in flight finish for most of the grace period, then closes pages,
   * contexts and the browser (pages still in flight fail with BrowserPoolClosedError) and the guard proxy.
   */
  async close(options: { graceMs?: number } = {}): Promise<void> {
    const graceMs = Math.max(0, options.graceMs ?? 0);
    const started = performance.now();
    this.closed = true;
    // Keep a share of the grace period for closing the browser itself.
    const closeShare = Math.min(this.options.closeTimeoutMs ?? 5_000, graceMs / 4);
    if (this.inFlight.size > 0 && graceMs > 0) await settleWithin(Promise.allSettled([...this.inFlight]), graceMs - closeShare);
    const sessions = [this.current, ...this.retiring, await settleWithin(this.launching ?? Promise.resolve(null), Math.max(1, graceMs - (performance.now() - started)))];
    this.current = null;
    this.retiring.clear();
    this.forcing = true;
    const left = graceMs > 0 ? Math.max(1_000, graceMs - (performance.now() - started)) : (this.options.closeTimeoutMs ?? 5_000);
    await Promise.all(sessions.map((s) => s?.close({ saveState: false, timeoutMs: left })));
    await this.proxy?.close();
    this.proxy = null;
  }

  private async fetchInSession(url: string, options: BrowserFetchOptions, started: number): Promise<BrowserFetchResult> {
    const timings: BrowserTimings = { queueMs: performance.now() - started, launchMs: 0, navigationMs: 0, readyMs: 0, stepsMs: 0, totalMs: 0 };
    const deadline = performance.now() + (options.timeoutMs ?? 30_000);
    const remaining = () => Math.max(1, deadline - performance.now());
    const launchStart = performance.now();
    const session = await this.session();
    timings.launchMs = performance.now() - launchStart;
    session.active += 1;
    const refusedBefore = this.proxy?.refusedCount() ?? 0;
    let acquired: Awaited<ReturnType<BrowserSession['acquirePage']>> | undefined;
    let watch: VisitWatch | undefined;
    let healthy = false;
    try {
      acquired = await session.acquirePage(new URL(url).origin);
      watch = this.watches.get(acquired.page)?.begin(url, this.options.maxPageBytes ?? 5 * 1024 * 1024);
      const budget = { deadline, readyTimeoutMs: this.options.readyTimeoutMs ?? 10_000, maxHtmlBytes: this.options.maxHtmlBytes ?? 10 * 1024 * 1024 };
      const visit = visitPage(acquired.page, url, options, budget, timings);
      const visited = await withDeadline(watch ? Promise.race([visit, watch.failed]) : visit, remaining() + 2_000, url);
      timings.totalMs = performance.now() - started;
      const result = { ...visited, timings };
      healthy = true;
      return result;
    } catch (err) {
      const refusedDuring = (this.proxy?.refusedCount() ?? 0) > refusedBefore;
      const pageCrashed = watch?.pageCrashed() ?? false;
      // A dying browser takes its pages down first: give its disconnect a moment to arrive before blaming the page.
      if (pageCrashed && !session.dead) await settleWithin(new Promise((resolve) => session.browser.once('disconnected', resolve)), 250);
      throw toBrowserFetchError(err, { url, crashed: session.dead || !session.browser.isConnected(), refusedDuring, pageCrashed });
    } finally {
      watch?.end();
      if (acquired) await session.release(acquired.site, acquired.page, healthy && !session.dead);
      session.active -= 1;
      session.served += 1;
      this.afterJob(session);
    }
  }

  private afterJob(session: BrowserSession): void {
    if (!session.retiring && session.served >= (this.options.maxPagesPerBrowser ?? 200)) {
      session.retiring = true;
      this.retiring.add(session);
      if (this.current === session) this.current = null;
      this.counters.retired += 1;
    }
    if (session.retiring && session.active === 0) {
      this.retiring.delete(session);
      void session.close();
    }
  }

  private session(): Promise<BrowserSession> {
    const current = this.current;
    if (current && !current.retiring && !current.dead) return Promise.resolve(current);
    this.launching ??= this.launch().finally(() => {
      this.launching = null;
    });
    return this.launching;
  }

  private async launch(): Promise<BrowserSession> {
    const executablePath = this.options.executablePath ?? findChromium();
    if (!executablePath) throw new FetchError('browser_crash', 'no Chromium found (set CHROMIUM_PATH)');
    this.proxy ??= await startGuardProxy(this.guard);
    let browser;
    try {
      browser = await chromium.launch({
        executablePath,
        args: this.options.blockImages === false ? CHROMIUM_ARGS : [...CHROMIUM_ARGS, NO_IMAGES_ARG],
        headless: true,
        // The service decides when the browser goes: Playwright's own handlers would close it at the first signal, failing runs in flight.
        handleSIGTERM: false,
        handleSIGINT: false,
        handleSIGHUP: false,
        proxy: { server: this.proxy.url },
        timeout: this.options.launchTimeoutMs ?? 30_000,
      });
    } catch (err) {
      throw new FetchError('browser_crash', `could not launch Chromium: ${(err as Error).message}`, { cause: err });
    }
    const session = new BrowserSession(browser, {
      idlePagesPerSite: this.options.idlePagesPerSite ?? 4,
      maxIdlePages: this.options.maxIdlePages ?? 8,
      maxSites: this.options.maxSites ?? 20,
      closeTimeoutMs: this.options.closeTimeoutMs ?? 5_000,
      contextOptions: { userAgent: this.options.userAgent, serviceWorkers: 'block', acceptDownloads: false, viewport: { width: 1280, height: 900 } },
      preparePage: async (page) => {
        await blockHeavyResources(page, this.options.blockUrlPatterns ?? HEAVY_URL_PATTERNS, () => (this.counters.blockedRequests += 1));
        this.watches.set(page, await watchDocuments(page));
      },
      savedStates: this.savedStates,
    });
    browser.on('disconnected', () => {
      if (session.closing) return;
      session.dead = true;
      this.counters.crashes += 1;
      if (this.current === session) this.current = null;
    });
    this.counters.launches += 1;
    // A launch for a page accepted before close() may finish within the grace period; past it, nobody will close this browser.
    if (this.forcing) {
      await session.close({ saveState: false });
      throw new BrowserPoolClosedError();
    }
    this.current = session;
    return session;
  }
}
