import type { Page } from 'playwright';
import type { RecipeStep } from '../recipe.ts';
import { FetchError } from './fetch-error.ts';

/**
 * Page-side test for a price: price microdata, or a currency next to digits in text nodes outside scripts and
 * styles (like innerText, without forcing a layout on every poll). A string, because a transpiled function
 * can carry helpers (esbuild's `__name`) that do not exist in the page.
 */
const PRICE_VISIBLE = `(() => {
  if (document.querySelector('[itemprop=price],[property="product:price:amount"]')) return true;
  const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
  const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
  const parts = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!skip.has(node.parentElement ? node.parentElement.tagName : '')) parts.push(node.nodeValue);
  }
  const currency = '(?:[$€£¥₹₽₺₩]|zł|Kč|Ft|kn|lei|лв|kr|CHF|USD|EUR|PLN|HUF|GBP|CZK|RON|SEK|NOK|DKK)';
  return new RegExp(currency + '\\\\s?\\\\d|\\\\d[\\\\d.,\\\\s]*\\\\s?' + currency).test(parts.join(' '));
})()`;

/** How the page was judged ready: the recipe's selector, a price-looking text, or neither within the wait budget. */
export type ReadyBy = 'selector' | 'price' | 'none';

/**
 * Waits until the recipe's `waitFor` selector is attached or, without one, until the page shows something that
 * looks like a price (visible text with a currency next to digits, or price microdata). Never a fixed sleep.
 * Gives up quietly after `timeoutMs`: extraction then decides whether what is there is enough.
 */
export async function waitForContent(page: Page, waitFor: string | undefined, timeoutMs: number): Promise<ReadyBy> {
  try {
    if (waitFor) {
      await page.waitForSelector(waitFor, { state: 'attached', timeout: timeoutMs });
      return 'selector';
    }
    await page.waitForFunction(PRICE_VISIBLE, undefined, { timeout: timeoutMs, polling: 100 });
    return 'price';
  } catch (err) {
    if ((err as Error).name === 'TimeoutError') return 'none';
    throw err;
  }
}

const OPTIONAL_CLICK_TIMEOUT_MS = 2_000;

/** Runs recipe browser steps in order. An optional click (a cookie banner) that finds nothing is skipped. */
export async function runSteps(page: Page, steps: readonly RecipeStep[], timeoutMs: number): Promise<void> {
  for (const [index, step] of steps.entries()) {
    try {
      switch (step.action) {
        case 'click':
          await page.locator(step.selector).first().click({ timeout: step.optional ? Math.min(OPTIONAL_CLICK_TIMEOUT_MS, timeoutMs) : timeoutMs });
          break;
        case 'fill':
          await page.locator(step.selector).first().fill(step.value, { timeout: timeoutMs });
          break;
        case 'select':
          await page.locator(step.selector).first().selectOption(step.value, { timeout: timeoutMs });
          break;
        case 'wait':
          if (step.selector) await page.waitForSelector(step.selector, { state: 'visible', timeout: timeoutMs });
          else await page.waitForTimeout(Math.min(step.ms ?? 0, timeoutMs));
          break;
        case 'scroll':
          if (step.selector) await page.locator(step.selector).first().scrollIntoViewIfNeeded({ timeout: timeoutMs });
          else await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
          break;
      }
    } catch (err) {
      if (step.action === 'click' && step.optional) continue;
      if ((err as Error).name !== 'TimeoutError') throw err;
      const what = 'selector' in step && step.selector ? ` on ${step.selector}` : '';
      throw new FetchError('recipe_no_match', `browser step ${index + 1} (${step.action}${what}) found nothing to act on`, { cause: err });
    }
  }
}

export interface ScreenshotOptions {
  /** Default 300 KB. */
  maxBytes?: number;
  fullPage?: boolean;
}

/** A JPEG of the page, lowering quality until it fits the cap; null when even the lowest quality is too big. */
export async function cappedScreenshot(page: Page, options: ScreenshotOptions, timeoutMs: number): Promise<Buffer | null> {
  const maxBytes = options.maxBytes ?? 300 * 1024;
  for (const quality of [70, 45, 25]) {
    const shot = await page.screenshot({ type: 'jpeg', quality, fullPage: options.fullPage ?? false, timeout: timeoutMs, animations: 'disabled' });
    if (shot.length <= maxBytes) return shot;
  }
  return null;
}
