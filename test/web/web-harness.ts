import { serve, type ServerType } from '@hono/node-server';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright';
import { afterAll, beforeAll, expect } from 'vitest';
import { CHROMIUM_ARGS } from '../../scrapers/fetch/browser-pool.ts';
import { findChromium } from '../../scrapers/fetch/chromium-path.ts';
import type { Config } from '../../src/config.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

export const SCREEN_SIZES = { desktop: { width: 1280, height: 800 }, mobile: { width: 390, height: 844 } } as const;
const SCREENSHOT_DIR = new URL('../../test-results/screenshots/', import.meta.url);

export interface WebHarness {
  /** `http://127.0.0.1:PORT` of the real app. */
  readonly baseUrl: string;
  readonly app: TestApp;
  readonly browser: Browser;
  /** A fresh browser context (its own cookies) and page; console errors and page errors are collected per page. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** Fills and sends the sign-in form on the page; resolves with the status of the form post once the next page has loaded. */
  signIn(page: Page, credentials: { email: string; password: string }): Promise<number>;
  /** Fails when the page logged a console error or threw (CSP violations are console errors); a 4xx page's own status line does not count. */
  expectNoConsoleErrors(page: Page): void;
  /** Runs axe-core on the page as it is now; fails listing each serious or critical violation. */
  expectAccessible(page: Page): Promise<void>;
  /** Writes test-results/screenshots/<name>-desktop.png (1280×800) and <name>-mobile.png (390×844), full page. */
  screenshots(page: Page, name: string): Promise<void>;
}

const consoleErrors = new WeakMap<Page, { errors: { text: string; url: string }[]; failedDocuments: Set<string> }>();

/**
 * One real server (the app on 127.0.0.1, port 0, over a fresh SQLite file) and one Chromium per test file.
 * Call at the top level of a test file; the returned object is usable inside tests (after beforeAll).
 * `config` changes the app's config, e.g. `allowHosts: ['127.0.0.1']` for pages that fetch local fixture shops.
 */
export function useWebHarness(config: Partial<Config> = {}): WebHarness {
  let app: TestApp;
  let server: ServerType;
  let browser: Browser;
  let baseUrl = '';
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    app = await createTestApp(config);
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const executablePath = findChromium(app.config.chromiumPath);
    if (!executablePath) throw new Error('no Chromium found for the web tests (set CHROMIUM_PATH)');
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await app?.close();
  });

  return {
    get baseUrl() {
      return baseUrl;
    },
    get app() {
      return app;
    },
    get browser() {
      return browser;
    },
    async newPage(options = {}) {
      const context = await browser.newContext({ baseURL: baseUrl, viewport: SCREEN_SIZES.desktop, ...options });
      contexts.push(context);
      const page = await context.newPage();
      const errors: { text: string; url: string }[] = [];
      const failedDocuments = new Set<string>();
      consoleErrors.set(page, { errors, failedDocuments });
      page.on('response', (response) => {
        if (response.request().resourceType() === 'document' && response.status() >= 400) failedDocuments.add(response.url());
      });
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push({ text: `console: ${message.text()}`, url: message.location().url });
      });
      page.on('pageerror', (error) => errors.push({ text: `page error: ${error.message}`, url: page.url() }));
      return page;
    },
    async signIn(page, { email, password }) {
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password', { exact: true }).fill(password);
      const posted = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/sign-in');
      const loaded = page.waitForEvent('load');
      await page.getByRole('button', { name: 'Sign in' }).click();
      const [response] = await Promise.all([posted, loaded]);
      return response.status();
    },
    expectNoConsoleErrors(page) {
      const { errors = [], failedDocuments = new Set() } = consoleErrors.get(page) ?? {};
      // Chromium logs a page answered with 4xx (a refused sign-in, a 403 page) as "Failed to load resource";
      // the tests assert those statuses themselves. Failed scripts, styles, fetches and script errors still count.
      const relevant = errors.filter((e) => !(e.text.startsWith('console: Failed to load resource') && failedDocuments.has(e.url)));
      expect(relevant.map((e) => `${e.text} (${e.url})`), `console errors on ${page.url()}`).toEqual([]);
    },
    async expectAccessible(page) {
      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(serious, `axe violations on ${page.url()}`).toEqual([]);
    },
    async screenshots(page, name) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const original = page.viewportSize();
      for (const [size, viewport] of Object.entries(SCREEN_SIZES)) {
        await page.setViewportSize(viewport);
        await page.screenshot({ path: new URL(`${name}-${size}.png`, SCREENSHOT_DIR).pathname, fullPage: true, animations: 'disabled' });
      }
      if (original) await page.setViewportSize(original);
    },
  };
}
