import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright';

export type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

export interface SessionOptions {
  /** Open pages kept per site between jobs. */
  idlePagesPerSite: number;
  /** Open pages kept between jobs over all sites; the longest idle is closed beyond this. */
  maxIdlePages: number;
  /** Sites (contexts) kept open; the least recently used idle one is closed beyond this. */
  maxSites: number;
  closeTimeoutMs: number;
  contextOptions: BrowserContextOptions;
  /** Run once on each new page before its first use. */
  preparePage: (page: Page) => Promise<void>;
  /** Cookies and storage per site, carried from a retired browser to the next one. */
  savedStates: Map<string, StorageState>;
}

interface Site {
  context: BrowserContext;
  idle: Page[];
  open: number;
  lastUsed: number;
}

export function settleWithin<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise.catch(() => undefined),
    new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** One launched browser: a context per site (that site's session) and a few open pages per site reused across jobs. */
export class BrowserSession {
  served = 0;
  active = 0;
  retiring = false;
  /** Disconnected without us closing it: a crash. */
  dead = false;
  closing = false;
  private readonly sites = new Map<string, Promise<Site>>();
  private readonly settled = new Map<string, Site>();
  /** Idle pages of all sites, longest idle first. */
  private readonly idleOrder: { site: Site; page: Page }[] = [];

  constructor(
    readonly browser: Browser,
    private readonly options: SessionOptions,
  ) {}

  async acquirePage(origin: string): Promise<{ site: Site; page: Page }> {
    let pending = this.sites.get(origin);
    if (!pending) {
      pending = this.openSite(origin);
      this.sites.set(origin, pending);
      pending.catch(() => this.sites.get(origin) === pending && this.sites.delete(origin));
    }
    const site = await pending;
    site.lastUsed = Date.now();
    site.open += 1;
    let page = this.takeIdle(site);
    while (page?.isClosed()) page = this.takeIdle(site);
    if (!page) {
      try {
        page = await site.context.newPage();
        await this.options.preparePage(page);
      } catch (err) {
        site.open -= 1;
        if (page) await this.closePage(page);
        throw err;
      }
      page.on('dialog', (dialog) => void dialog.dismiss().catch(() => undefined));
    }
    return { site, page };
  }

  /** Back to the site's idle pages when healthy and there is room; otherwise closed, within a timeout. */
  async release(site: Site, page: Page, reusable: boolean): Promise<void> {
    site.open -= 1;
    if (reusable && !page.isClosed() && site.idle.length < this.options.idlePagesPerSite && !this.retiring) {
      site.idle.push(page);
      this.idleOrder.push({ site, page });
      const oldest = this.idleOrder.length > this.options.maxIdlePages ? this.idleOrder.shift() : undefined;
      if (oldest) {
        oldest.site.idle.splice(oldest.site.idle.indexOf(oldest.page), 1);
        await this.closePage(oldest.page);
      }
    } else await this.closePage(page);
    await this.evictIdleSites();
  }

  private takeIdle(site: Site): Page | undefined {
    const page = site.idle.pop();
    const index = this.idleOrder.findIndex((e) => e.page === page);
    if (index >= 0) this.idleOrder.splice(index, 1);
    return page;
  }

  private closePage(page: Page): Promise<void | undefined> {
    return settleWithin(page.close({ runBeforeUnload: false }), this.options.closeTimeoutMs);
  }

  counts(): { sites: number; idlePages: number } {
    let idlePages = 0;
    for (const site of this.settled.values()) idlePages += site.idle.length;
    return { sites: this.settled.size, idlePages };
  }

  /** Saves each site's cookies and storage for the next browser (unless the pool is shutting down), then closes this one. */
  async close(options: { saveState?: boolean; timeoutMs?: number } = {}): Promise<void> {
    this.closing = true;
    const timeoutMs = options.timeoutMs ?? this.options.closeTimeoutMs;
    if (!this.dead && options.saveState !== false) {
      await Promise.all(
        [...this.sites.entries()].map(async ([origin, pending]) => {
          const site = await settleWithin(pending, this.options.closeTimeoutMs);
          const state = site && (await settleWithin(site.context.storageState(), this.options.closeTimeoutMs));
          if (state) this.options.savedStates.set(origin, state);
        }),
      );
    }
    await settleWithin(this.browser.close(), timeoutMs);
  }

  private async openSite(origin: string): Promise<Site> {
    const context = await this.browser.newContext({ ...this.options.contextOptions, storageState: this.options.savedStates.get(origin) });
    const site: Site = { context, idle: [], open: 0, lastUsed: Date.now() };
    context.on('page', (page) => {
      // Popups the page opens itself are not ours to keep.
      void page.opener().then((opener) => opener && page.close(), () => undefined);
    });
    this.settled.set(origin, site);
    return site;
  }

  private async evictIdleSites(): Promise<void> {
    const excess = this.settled.size - this.options.maxSites;
    if (excess <= 0) return;
    const idle = [...this.settled.entries()].filter(([, s]) => s.open === 0).sort(([, a], [, b]) => a.lastUsed - b.lastUsed);
    for (const [origin, site] of idle.slice(0, excess)) {
      this.settled.delete(origin);
      this.sites.delete(origin);
      while (site.idle.length > 0) this.takeIdle(site);
      const state = await settleWithin(site.context.storageState(), this.options.closeTimeoutMs);
      if (state) this.options.savedStates.set(origin, state);
      await settleWithin(site.context.close(), this.options.closeTimeoutMs);
    }
  }
}
