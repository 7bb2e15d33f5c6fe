import robotsParser from 'robots-parser';
import { FetchError } from './fetch-error.ts';
import { DEFAULT_USER_AGENT, staticFetch } from './static-fetch.ts';
import type { StaticFetchOptions } from './static-fetch.ts';

type Robot = ReturnType<typeof robotsParser>;

export interface RobotsOptions {
  /** How robots.txt is fetched (SSRF guard, timeouts, user agent). */
  fetchOptions?: StaticFetchOptions;
  /** How long a robots.txt is trusted. Default 1 h. */
  ttlMs?: number;
  /** Origins kept. Default 1000. */
  maxOrigins?: number;
}

export interface RobotsDecision {
  allowed: boolean;
  /** The caller asked to ignore robots.txt; `allowed` then says what robots.txt would have decided, if known. */
  overridden: boolean;
  robotsUrl: string;
}

interface Entry {
  robot: Robot | null;
  expires: number;
}

/**
 * robots.txt per origin, fetched through the static fetcher (so SSRF-guarded) and cached with a TTL.
 * A 4xx robots.txt allows everything; a 5xx or timeout fails with that (retryable) error instead of guessing.
 */
export class RobotsCache {
  private readonly entries = new Map<string, Promise<Entry>>();
  private readonly ttlMs: number;
  private readonly maxOrigins: number;
  private readonly userAgent: string;

  constructor(private readonly options: RobotsOptions = {}) {
    this.ttlMs = options.ttlMs ?? 3_600_000;
    this.maxOrigins = options.maxOrigins ?? 1000;
    this.userAgent = options.fetchOptions?.userAgent ?? DEFAULT_USER_AGENT;
  }

  /** Decides whether our user agent may fetch `url`; with `override`, robots.txt is not consulted at all. */
  async check(url: string, options: { override?: boolean } = {}): Promise<RobotsDecision> {
    const robotsUrl = new URL('/robots.txt', url).href;
    if (options.override) return { allowed: true, overridden: true, robotsUrl };
    const { robot } = await this.load(new URL(url).origin, robotsUrl);
    return { allowed: robot?.isAllowed(url, this.userAgent) ?? true, overridden: false, robotsUrl };
  }

  /** Like `check`, but a disallowed URL throws FetchError `robots_disallowed`. */
  async enforce(url: string, options: { override?: boolean } = {}): Promise<RobotsDecision> {
    const decision = await this.check(url, options);
    if (!decision.allowed) throw new FetchError('robots_disallowed', `${decision.robotsUrl} disallows ${url} for our user agent`);
    return decision;
  }

  private async load(origin: string, robotsUrl: string): Promise<Entry> {
    const cached = this.entries.get(origin);
    if (cached) {
      const entry = await cached;
      if (entry.expires > Date.now()) return entry;
    }
    return this.refresh(origin, robotsUrl);
  }

  private refresh(origin: string, robotsUrl: string): Promise<Entry> {
    const pending = this.fetchRobots(robotsUrl);
    this.entries.delete(origin);
    this.entries.set(origin, pending);
    pending.catch(() => this.entries.get(origin) === pending && this.entries.delete(origin));
    if (this.entries.size > this.maxOrigins) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return pending;
  }

  private async fetchRobots(robotsUrl: string): Promise<Entry> {
    const result = await staticFetch(robotsUrl, { maxBytes: 512 * 1024, timeoutMs: 15_000, ...this.options.fetchOptions, acceptErrorStatus: true });
    const expires = Date.now() + this.ttlMs;
    if (result.status === 429 || result.status >= 500) {
      throw new FetchError(result.status >= 500 ? 'http_5xx' : 'http_4xx', `robots.txt at ${robotsUrl} answered ${result.status}`, { status: result.status });
    }
    if (result.status >= 400) return { robot: null, expires };
    // Rules apply to the origin asked about, even when its robots.txt redirected elsewhere.
    return { robot: robotsParser(robotsUrl, result.html), expires };
  }
}
