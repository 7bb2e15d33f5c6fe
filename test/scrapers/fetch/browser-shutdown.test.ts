import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserPool, BrowserPoolClosedError } from '../../../scrapers/fetch/browser-pool.ts';
import { fetchFailure } from './fetch-failure.ts';
import { startServer } from './local-server.ts';
import type { LocalServer } from './local-server.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
/** Far longer than an orderly close takes; before the fix the child lived on for 93–177 s. */
const EXIT_BOUND_MS = 20_000;

interface Child {
  lines: Record<string, unknown>[];
  /** Resolves with the exit code, or null when the child had to be killed EXIT_BOUND_MS after `waitForLine`. */
  exited: Promise<number | null>;
  waitFor(key: string): Promise<void>;
  signal(name: NodeJS.Signals): void;
}

function runChild(args: string[]): Child {
  // One node process with tsx's loader, not the tsx CLI: that relays a signal and SIGKILLs a child that has not acknowledged it within 30 ms.
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/browser-close-child.ts', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: Record<string, unknown>[] = [];
  const waiters: { key: string; resolve: () => void }[] = [];
  let buffer = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
      const line = JSON.parse(buffer.slice(0, nl)) as Record<string, unknown>;
      buffer = buffer.slice(nl + 1);
      lines.push(line);
      for (const w of waiters.filter((w) => w.key in line)) w.resolve();
    }
  });
  const exited = new Promise<number | null>((resolve) => {
    let killer: NodeJS.Timeout | undefined;
    child.on('exit', (code) => {
      clearTimeout(killer);
      resolve(killer && child.signalCode === 'SIGKILL' ? null : code);
    });
    // Bound the wait from the moment the child says it closed its pool.
    waiters.push({
      key: 'closed',
      resolve: () => {
        killer = setTimeout(() => child.kill('SIGKILL'), EXIT_BOUND_MS);
      },
    });
  });
  return {
    lines,
    exited,
    waitFor: (key) => new Promise((resolve) => (lines.some((l) => key in l) ? resolve() : waiters.push({ key, resolve }))),
    signal: (name) => child.kill(name),
  };
}

let shop: LocalServer;

beforeAll(async () => {
  shop = await startServer((req, res) => {
    res.writeHead(req.url === '/slow-404' ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    if (req.url === '/slow-404') {
      setTimeout(() => res.end('<p>gone</p>'), 1_000);
      return;
    }
    if (req.url === '/slow') {
      // Finishes, but only after a while.
      res.write('<html><body><p class="price">9.99 EUR</p>');
      setTimeout(() => res.end('</body></html>'), 1_500);
      return;
    }
    // Never ends: a trickle of bytes keeps the connection busy for good.
    res.write(`<html><body><p class="price">9.99 EUR</p>${' '.repeat(4096)}`);
    const trickle = setInterval(() => res.write(' '), 200);
    req.on('close', () => clearInterval(trickle));
  });
});

afterAll(() => shop.close());

describe('browser pool shutdown (a child process like `rivalscope extract --browser`)', () => {
  it('exits promptly after printing its result although the page never ends', async () => {
    const child = runChild([`${shop.origin}/never-ends`, '--timeout', '2000', '--grace', '2000']);
    const code = await child.exited;
    expect(child.lines).toEqual([expect.objectContaining({ ok: false, code: 'timeout' }), { closed: true }]);
    expect(code, 'the child was still running long after closing its pool').toBe(0);
  });

  it('at SIGTERM lets a page in flight finish within the grace period, then exits', async () => {
    const child = runChild([`${shop.origin}/slow`, '--wait-for-signal', '--grace', '8000']);
    await child.waitFor('started');
    child.signal('SIGTERM');
    const code = await child.exited;
    expect(child.lines).toContainEqual({ ok: true, status: 200 });
    expect(child.lines.at(-1)).toEqual({ closed: true });
    expect(code).toBe(0);
  });

  it('at SIGTERM releases a never-ending page unfinished (not browser_crash) when the grace period ends, then exits', async () => {
    const child = runChild([`${shop.origin}/never-ends`, '--wait-for-signal', '--timeout', '60000', '--grace', '1500']);
    await child.waitFor('started');
    child.signal('SIGTERM');
    const code = await child.exited;
    expect(child.lines).toContainEqual(expect.objectContaining({ ok: false, name: 'BrowserPoolClosedError' }));
    expect(child.lines.at(-1)).toEqual({ closed: true });
    expect(code).toBe(0);
  });

  it('in process: a page that fails by itself within the grace period keeps its own code; new pages are refused', async () => {
    const pool = new BrowserPool({ allowHosts: ['127.0.0.1'] });
    const failing = fetchFailure(pool.fetch(`${shop.origin}/slow-404`));
    // Close once the page is loading (the browser is up).
    while (!shop.hits.includes('/slow-404')) await new Promise((resolve) => setTimeout(resolve, 20));
    const closing = pool.close({ graceMs: 20_000 });
    await expect(pool.fetch(`${shop.origin}/slow`)).rejects.toBeInstanceOf(BrowserPoolClosedError);
    expect(await failing).toMatchObject({ code: 'http_4xx', status: 404 });
    await closing;
  });
});
