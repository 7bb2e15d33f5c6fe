import type { BrowserPool } from './browser-pool.ts';
import { FetchError } from './fetch-error.ts';
import type { BrowserFetchOptions } from './page-visit.ts';
import { isScriptShell } from './script-shell.ts';
import { staticFetch } from './static-fetch.ts';
import type { StaticFetchOptions } from './static-fetch.ts';

export type FetchMode = 'static' | 'browser';

/** Why auto mode went to the browser. */
export type BrowserReason = 'remembered' | 'script-shell' | 'no-price' | 'forbidden';

export interface AutoFetchOptions {
  browser: Pick<BrowserPool, 'fetch'>;
  /** Tells whether the HTML holds a price (e.g. the extractor finds one); keeps fetching independent of extraction. */
  hasPrice: (html: string, url: string) => boolean;
  /** The mode that worked last time for this target; `browser` skips the static attempt. */
  remembered?: FetchMode;
  staticOptions?: StaticFetchOptions;
  browserOptions?: BrowserFetchOptions;
}

export interface AutoFetchResult {
  /** The mode whose result this is; remember it for the target when `priceFound`. */
  mode: FetchMode;
  browserReason: BrowserReason | null;
  priceFound: boolean;
  url: string;
  status: number;
  html: string;
  screenshot?: Buffer;
  totalMs: number;
}

/**
 * Static first; the browser when the static page is a script shell, shows no price, or refuses non-browser
 * clients (403). Failures that a browser would not fix (policy, robots, timeouts, 5xx, size) are thrown as they are.
 */
export async function autoFetch(url: string, options: AutoFetchOptions): Promise<AutoFetchResult> {
  const started = performance.now();
  let reason: BrowserReason = 'remembered';
  if (options.remembered !== 'browser') {
    try {
      const page = await staticFetch(url, options.staticOptions);
      const shell = isScriptShell(page.html);
      const priceFound = !shell && options.hasPrice(page.html, page.url);
      if (priceFound) {
        return { mode: 'static', browserReason: null, priceFound, url: page.url, status: page.status, html: page.html, totalMs: performance.now() - started };
      }
      reason = shell ? 'script-shell' : 'no-price';
    } catch (err) {
      if (!(err instanceof FetchError && err.status === 403)) throw err;
      reason = 'forbidden';
    }
  }
  const page = await options.browser.fetch(url, options.browserOptions);
  return {
    mode: 'browser',
    browserReason: reason,
    priceFound: options.hasPrice(page.html, page.url),
    url: page.url,
    status: page.status,
    html: page.html,
    ...(page.screenshot ? { screenshot: page.screenshot } : {}),
    totalMs: performance.now() - started,
  };
}
