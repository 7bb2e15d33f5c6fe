import type { Page } from 'playwright';
import type { Recipe } from '../recipe.ts';
import { FetchError, httpError } from './fetch-error.ts';
import { BLOCKED_HEADER } from './guard-proxy.ts';
import { cappedScreenshot, runSteps, waitForContent } from './page-actions.ts';
import type { ReadyBy, ScreenshotOptions } from './page-actions.ts';

export interface BrowserFetchOptions {
  recipe?: Partial<Pick<Recipe, 'steps' | 'waitFor'>>;
  screenshot?: boolean | ScreenshotOptions;
  /** Whole fetch after it leaves the queue. Default 30 s. */
  timeoutMs?: number;
}

export interface BrowserTimings {
  queueMs: number;
  launchMs: number;
  navigationMs: number;
  readyMs: number;
  stepsMs: number;
  totalMs: number;
}

export interface BrowserFetchResult {
  /** Final URL after redirects and steps. */
  url: string;
  status: number;
  html: string;
  screenshot?: Buffer;
  readyBy: ReadyBy;
  timings: BrowserTimings;
}

export interface VisitBudget {
  /** performance.now() by which the visit must be done. */
  deadline: number;
  readyTimeoutMs: number;
  /** Cap on the serialised HTML, like the static fetcher's size cap. */
  maxHtmlBytes: number;
}

/** Navigates an open page, waits until it is ready, runs the recipe steps and reads the HTML (and screenshot). */
export async function visitPage(page: Page, url: string, options: BrowserFetchOptions, budget: VisitBudget, timings: BrowserTimings): Promise<Omit<BrowserFetchResult, 'timings'>> {
  const remaining = () => Math.max(1, budget.deadline - performance.now());
  let mark = performance.now();
  const response = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: remaining() });
  timings.navigationMs = performance.now() - mark;
  if (response?.headers()[BLOCKED_HEADER]) throw new FetchError('blocked_by_policy', `refused a redirect of ${url} to ${response.url()}`);
  const status = response?.status() ?? 0;
  if (status >= 400) throw httpError(status, page.url());
  mark = performance.now();
  const readyBy = await waitForContent(page, options.recipe?.waitFor, Math.min(remaining(), budget.readyTimeoutMs));
  timings.readyMs = performance.now() - mark;
  mark = performance.now();
  await runSteps(page, options.recipe?.steps ?? [], remaining());
  timings.stepsMs = performance.now() - mark;
  const html = await page.content();
  const size = Buffer.byteLength(html);
  if (size > budget.maxHtmlBytes) throw new FetchError('too_large', `${url} renders ${size} bytes of HTML, over the ${budget.maxHtmlBytes}-byte cap`);
  const shot = options.screenshot ? await cappedScreenshot(page, options.screenshot === true ? {} : options.screenshot, remaining()) : null;
  return { url: page.url(), status, html, readyBy, ...(shot ? { screenshot: shot } : {}) };
}

/** Rejects with a timeout when `work` hangs past `ms` (a hung renderer does not honour Playwright's own timeouts). */
export function withDeadline<T>(work: Promise<T>, ms: number, url: string): Promise<T> {
  const timeout = new Promise<never>((_, reject) => {
    const timer = setTimeout(() => reject(new FetchError('timeout', `browser fetch of ${url} did not finish in time`)), ms);
    void work.finally(() => clearTimeout(timer)).catch(() => undefined);
  });
  return Promise.race([work, timeout]);
}
