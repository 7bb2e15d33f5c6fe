/**
 * Scrape benchmark: the same local ~100 KB product pages fetched and parsed by rivalscope's static and browser
 * paths and, in the same run, by Crawlee's CheerioCrawler, a naive Playwright loop and Crawlee's PlaywrightCrawler.
 * Each contender runs in its own process so its peak RSS (with its Chromium processes) is its own.
 * A single run varies ±30 % on a shared machine, so every contender runs `--rounds` times (default 3),
 * interleaved (one of each per round); ratios are taken within a round and printed as median with min–max.
 * `npm run bench:scrape [-- --pages 300 --browser-pages 120 --rounds 3 --sweep --only rivalscope-static,crawlee-cheerio]`
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import { chromium } from 'playwright';
import { BrowserPool, CHROMIUM_ARGS } from '../scrapers/fetch/browser-pool.ts';
import { findChromium } from '../scrapers/fetch/chromium-path.ts';
import { staticFetch } from '../scrapers/fetch/static-fetch.ts';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const STATIC_CONCURRENCY = arg('static-concurrency', 4);
const BROWSER_CONCURRENCY = 4;

const priceOf = (i: number) => `${10 + ((i * 37) % 990)}.${String(i % 100).padStart(2, '0')}`;

// ---------------------------------------------------------------- the local shop (its own process)

function productPage(i: number): string {
  const words = 'arabica roast crema body aroma chocolate hazelnut caramel origin harvest altitude washed natural grind'.split(' ');
  const text = (n: number, seed: number) => Array.from({ length: n }, (_, k) => words[(seed * 7 + k * 13) % words.length]).join(' ');
  const nav = Array.from({ length: 120 }, (_, k) => `<li><a href="/c/${k}">${text(3, k)}</a></li>`).join('');
  const description = Array.from({ length: 150 }, (_, k) => `<p>${text(60, i + k)}</p>`).join('');
  const reviews = Array.from({ length: 80 }, (_, k) => `<div class="review"><b>${text(2, k)}</b><p>${text(40, i * k)}</p></div>`).join('');
  const images = Array.from({ length: 8 }, (_, k) => `<img src="/img/${i % 40}-${k}.jpg" width="300" height="300" alt="">`).join('');
  const ld = { '@context': 'https://schema.org', '@type': 'Product', name: `Coffee ${i}`, sku: `SKU-${i}`, offers: { '@type': 'Offer', price: priceOf(i), priceCurrency: 'EUR' } };
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Coffee ${i}</title>
<link rel="stylesheet" href="/static/site.css"><script src="/static/app.js" defer></script>
<script type="application/ld+json">${JSON.stringify(ld)}</script></head>
<body><header><ul class="nav">${nav}</ul></header><main><h1>Coffee ${i}</h1>${images}
<p class="price">€ ${priceOf(i)}</p><section>${description}</section><section>${reviews}</section></main></body></html>`;
}

function serve(count: number): void {
  const pages = new Map<number, Buffer>(Array.from({ length: count }, (_, i) => [i, Buffer.from(productPage(i))]));
  const css = Buffer.from(`@font-face{font-family:Shop;src:url(/static/font.woff2)} body{font-family:Shop} ${'.x{color:red}'.repeat(1500)}`);
  const js = Buffer.from(`var DATA=${JSON.stringify(Array.from({ length: 4000 }, (_, k) => `item-${k}`))};document.querySelectorAll('.review').forEach(function(r,i){r.dataset.i=DATA[i]});`);
  const blob = (size: number) => Buffer.alloc(size, 7);
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const product = /^\/p\/(\d+)$/.exec(url);
    if (product) {
      const page = pages.get(Number(product[1])) ?? Buffer.from(productPage(Number(product[1])));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(page);
    }
    const [type, body] = url.startsWith('/img/')
      ? ['image/jpeg', blob(15_000)]
      : url === '/static/site.css'
        ? ['text/css', css]
        : url === '/static/app.js'
          ? ['text/javascript', js]
          : url === '/static/font.woff2'
            ? ['font/woff2', blob(30_000)]
            : ['text/plain', Buffer.from('not found')];
    res.writeHead(type === 'text/plain' ? 404 : 200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  });
  server.keepAliveTimeout = 30_000;
  server.listen(0, '127.0.0.1', () => console.log(`PORT ${(server.address() as AddressInfo).port}`));
}

// ---------------------------------------------------------------- contenders (each in its own process)

interface RunResult {
  ok: number;
  wallMs: number;
  perPage: number[];
}

function readPrice($: CheerioAPI): string | null {
  const visible = $('.price').first().text().replace(/[^\d.]/g, '');
  if (visible) return visible;
  const ld = $('script[type="application/ld+json"]').first().text();
  return ld ? ((JSON.parse(ld) as { offers?: { price?: string } }).offers?.price ?? null) : null;
}

const parse = (html: string) => load(html, { xml: { xmlMode: false, decodeEntities: true } });

async function pooled(urls: string[], concurrency: number, work: (url: string) => Promise<string | null>): Promise<RunResult> {
  const perPage: number[] = [];
  let ok = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < urls.length) {
        const url = urls[next++] as string;
        const t0 = performance.now();
        if ((await work(url)) === priceOf(Number(url.split('/').pop()))) ok += 1;
        perPage.push(performance.now() - t0);
      }
    }),
  );
  return { ok, wallMs: performance.now() - started, perPage };
}

async function crawleeRun(kind: 'cheerio' | 'playwright', urls: string[], concurrency: number): Promise<RunResult> {
  const { CheerioCrawler, PlaywrightCrawler, Configuration, log } = await import('crawlee');
  log.setLevel(log.LEVELS.OFF);
  const storage = mkdtempSync(join(tmpdir(), 'crawlee-bench-'));
  const config = new Configuration({ persistStorage: false, purgeOnStart: true, storageClientOptions: { localDataDirectory: storage } });
  const perPage: number[] = [];
  let ok = 0;
  const common = {
    minConcurrency: concurrency,
    maxConcurrency: concurrency,
    maxRequestRetries: 0,
    preNavigationHooks: [({ request }: { request: { userData: Record<string, unknown> } }) => void (request.userData.t0 = performance.now())],
  };
  const done = (request: { url: string; userData: Record<string, unknown> }, price: string | null) => {
    if (price === priceOf(Number(request.url.split('/').pop()))) ok += 1;
    perPage.push(performance.now() - (request.userData.t0 as number));
  };
  const started = performance.now();
  if (kind === 'cheerio') {
    await new CheerioCrawler({ ...common, requestHandler: async ({ request, $ }) => done(request, readPrice($ as unknown as CheerioAPI)) }, config).run(urls);
  } else {
    await new PlaywrightCrawler(
      {
        ...common,
        launchContext: { launcher: chromium, launchOptions: { executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS, headless: true } },
        requestHandler: async ({ request, page }) => done(request, readPrice(parse(await page.content()))),
      },
      config,
    ).run(urls);
  }
  const wallMs = performance.now() - started;
  rmSync(storage, { recursive: true, force: true });
  return { ok, wallMs, perPage };
}

async function naiveLoop(urls: string[]): Promise<RunResult> {
  const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS, headless: true });
  try {
    return await pooled(urls, 1, async (url) => {
      const page = await browser.newPage();
      try {
        await page.goto(url);
        return readPrice(parse(await page.content()));
      } finally {
        await page.close();
      }
    });
  } finally {
    await browser.close();
  }
}

async function rivalscopeBrowser(urls: string[], concurrency: number): Promise<RunResult> {
  const pool = new BrowserPool({ allowHosts: ['127.0.0.1'], concurrency });
  try {
    await pool.fetch(urls[0] as string); // launch outside the timing, as the crawlers launch before their first page
    return await pooled(urls, concurrency, async (url) => readPrice(parse((await pool.fetch(url)).html)));
  } finally {
    await pool.close();
  }
}

async function contender(name: string, urls: string[], concurrency: number): Promise<RunResult> {
  switch (name) {
    case 'rivalscope-static':
      return pooled(urls, concurrency, async (url) => readPrice(parse((await staticFetch(url, { allowHosts: ['127.0.0.1'] })).html)));
    case 'crawlee-cheerio':
      return crawleeRun('cheerio', urls, concurrency);
    case 'rivalscope-browser':
      return rivalscopeBrowser(urls, concurrency);
    case 'naive-playwright':
      return naiveLoop(urls);
    case 'crawlee-playwright':
      return crawleeRun('playwright', urls, concurrency);
    default:
      throw new Error(`unknown contender ${name}`);
  }
}

// ---------------------------------------------------------------- orchestration

/**
 * Summed RSS and PSS of a process and all its descendants, in bytes. RSS counts memory Chromium's processes
 * share once per process; PSS splits shared pages among them, so it is the fairer figure for a browser.
 */
function treeMemory(root: number): { rss: number; pss: number } {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const total = { rss: 0, pss: 0 };
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop() as number;
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      total.rss += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0) * 1024;
      total.pss += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0) * 1024;
    } catch {
      // gone meanwhile
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

interface Row extends RunResult {
  name: string;
  concurrency: number;
  pages: number;
  peakRss: number;
  peakPss: number;
}

function child(args: string[], onLine?: (line: string) => void) {
  const proc = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  proc.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    for (const line of out.split('\n').slice(0, -1)) onLine?.(line);
    out = out.slice(out.lastIndexOf('\n') + 1);
  });
  return proc;
}

async function measure(name: string, origin: string, pages: number, concurrency: number): Promise<Row> {
  let result: RunResult | null = null;
  const proc = child(['--run', name, '--origin', origin, '--pages', String(pages), '--concurrency', String(concurrency)], (line) => {
    if (line.startsWith('{')) result = JSON.parse(line) as RunResult;
  });
  let peakRss = 0;
  let peakPss = 0;
  const sampler = setInterval(() => {
    const memory = treeMemory(proc.pid as number);
    peakRss = Math.max(peakRss, memory.rss);
    peakPss = Math.max(peakPss, memory.pss);
  }, 200);
  const code = await new Promise<number | null>((resolve) => proc.on('exit', resolve));
  clearInterval(sampler);
  if (code !== 0 || !result) throw new Error(`${name} failed (exit ${code})`);
  return { name, concurrency, pages, peakRss, peakPss, ...(result as RunResult) };
}

function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function printRow(r: Row): number {
  const sorted = [...r.perPage].sort((a, b) => a - b);
  const rate = (r.pages / r.wallMs) * 1000;
  const cells = [r.name.padEnd(20), String(r.concurrency).padStart(3), `${r.ok}/${r.pages}`.padStart(8), rate.toFixed(1).padStart(8)];
  cells.push(percentile(sorted, 50).toFixed(1).padStart(8), percentile(sorted, 95).toFixed(1).padStart(8), (r.peakRss / 2 ** 20).toFixed(0).padStart(9), (r.peakPss / 2 ** 20).toFixed(0).padStart(9));
  console.log(cells.join('  '));
  return rate;
}

async function main(): Promise<void> {
  const run = process.argv.indexOf('--run');
  if (process.argv.includes('--serve')) return serve(arg('pages', 300));
  if (run >= 0) {
    const origin = process.argv[process.argv.indexOf('--origin') + 1] as string;
    const urls = Array.from({ length: arg('pages', 300) }, (_, i) => `${origin}/p/${i}`);
    const result = await contender(process.argv[run + 1] as string, urls, arg('concurrency', 1));
    console.log(JSON.stringify(result));
    return;
  }
  const staticPages = arg('pages', 300);
  const browserPages = arg('browser-pages', 120);
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1]?.split(',') : undefined;
  let announce: (origin: string) => void = () => undefined;
  const ready = new Promise<string>((resolve) => (announce = resolve));
  const server = child(['--serve', '--pages', String(Math.max(staticPages, browserPages))], (line) => {
    const port = /^PORT (\d+)/.exec(line)?.[1];
    if (port) announce(`http://127.0.0.1:${port}`);
  });
  const origin = await ready;
  try {
    console.log(`scrape benchmark: ${staticPages} pages static, ${browserPages} pages browser, ~${(productPage(1).length / 1024).toFixed(0)} KB each, ${origin}`);
    console.log(['contender'.padEnd(20), '  c', '      ok', ' pages/s', ' p50 ms', ' p95 ms', '  RSS MiB', '  PSS MiB'].join('  '));
    const rounds = arg('rounds', 3);
    const rates: Record<string, number[]> = {};
    const peakPss: Record<string, number> = {};
    for (let round = 1; round <= rounds; round++) {
      console.log(`round ${round} of ${rounds}`);
      for (const [name, pages, concurrency] of [
        ['rivalscope-static', staticPages, STATIC_CONCURRENCY],
        ['crawlee-cheerio', staticPages, STATIC_CONCURRENCY],
        ['rivalscope-browser', browserPages, BROWSER_CONCURRENCY],
        ['naive-playwright', browserPages, 1],
        ['crawlee-playwright', browserPages, BROWSER_CONCURRENCY],
      ] as const) {
        if (only && !only.includes(name)) continue;
        const row = await measure(name, origin, pages, concurrency);
        (rates[name] ??= []).push(printRow(row));
        peakPss[name] = Math.max(peakPss[name] ?? 0, row.peakPss);
      }
    }
    if (process.argv.includes('--sweep')) {
      for (const c of [2, 6, 8]) printRow(await measure('rivalscope-browser', origin, browserPages, c));
      for (const c of [4, 16]) printRow(await measure('rivalscope-static', origin, staticPages, c));
    }
    console.log(`\nmedian pages/s of ${rounds} (min–max), highest peak PSS:`);
    for (const [name, list] of Object.entries(rates)) {
      const sorted = [...list].sort((a, b) => a - b);
      console.log(`  ${name.padEnd(20)} ${median(sorted).toFixed(1).padStart(7)}  (${sorted[0]?.toFixed(1)}–${sorted.at(-1)?.toFixed(1)})  ${((peakPss[name] ?? 0) / 2 ** 20).toFixed(0)} MiB`);
    }
    const ratio = (a: string, b: string, target: number) => {
      const x = rates[a];
      const y = rates[b];
      if (!x || !y) return;
      const perRound = x.map((rate, i) => rate / (y[i] ?? Infinity)).sort((m, n) => m - n);
      const value = median(perRound);
      const spread = `${perRound[0]?.toFixed(2)}–${perRound.at(-1)?.toFixed(2)}`;
      console.log(`${a} / ${b}: median ${value.toFixed(2)}× (min–max ${spread}, ${perRound.length} interleaved rounds; target ≥ ${target}×) ${value >= target ? 'met' : 'NOT met'}`);
    };
    ratio('rivalscope-static', 'crawlee-cheerio', 3);
    ratio('rivalscope-browser', 'naive-playwright', 4);
    ratio('rivalscope-browser', 'crawlee-playwright', 3);
  } finally {
    server.kill();
  }
}

await main();
