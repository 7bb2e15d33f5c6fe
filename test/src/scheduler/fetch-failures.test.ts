import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../helpers/scheduler-harness.ts';
import { startFaultServer, type FaultServer } from '../../helpers/fault-server.ts';
import { seedTarget } from '../../helpers/seed-target.ts';
import type { Resolver } from '../../../scrapers/fetch/ssrf-guard.ts';

let server: FaultServer;
let h: Harness | null = null;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
afterEach(async () => {
  await h?.close();
  h = null;
});

/** Made-up names answered without DNS: one resolves to loopback. */
const resolve: Resolver = async (hostname) => {
  if (hostname === 'shop.rival.test') return [{ address: '127.0.0.1', family: 4 }];
  throw new Error(`unexpected lookup of ${hostname}`);
};

describe('hung and oversized pages', () => {
  it('times a hanging page out as a retryable timeout', async () => {
    h = createHarness({ runTimeoutMs: 1_000, maxAttempts: 1 });
    const target = await seedTarget(h.store, { url: `${server.origin}/hang` });
    const run = await h.runTarget(target.id);
    expect(run).toMatchObject({ status: 'failed', code: 'timeout', attempt: 1 });
  });

  it('cuts an oversized page off with too_large', async () => {
    h = createHarness({ maxPageBytes: 1024 * 1024 });
    const target = await seedTarget(h.store, { url: `${server.origin}/huge` });
    const run = await h.runTarget(target.id);
    expect(run).toMatchObject({ status: 'failed', code: 'too_large' });
    expect((await h.store.runs.list({ limit: 10 })).items).toHaveLength(1);
  });
});

describe('SSRF attempts are failed runs with blocked_by_policy', () => {
  // Only 127.0.0.1 is allowed here. Every attempt stays on loopback, so even a broken guard sends no packet
  // off this machine; private, link-local and metadata addresses are covered by the guard's pure decision tests.
  const refused = [
    ['a loopback address not allow-listed', (s: FaultServer) => `http://127.0.0.2:${s.port}/product`],
    ['IPv6 loopback', (s: FaultServer) => `http://[::1]:${s.port}/product`],
    ['a redirect to a loopback address not allow-listed', (s: FaultServer) => `${s.origin}/redirect?to=${encodeURIComponent(`http://127.0.0.2:${s.port}/product`)}`],
    ['a redirect to IPv6 loopback', (s: FaultServer) => `${s.origin}/redirect?to=${encodeURIComponent(`http://[::1]:${s.port}/product`)}`],
  ] as const;

  for (const [what, url] of refused) {
    it(`static: ${what}`, async () => {
      h = createHarness({ maxAttempts: 3 });
      const target = await seedTarget(h.store, { url: url(server) });
      const run = await h.runTarget(target.id);
      expect(run).toMatchObject({ status: 'failed', code: 'blocked_by_policy', attempt: 1 });
      expect(run.error).toMatch(/refused/);
      expect((await h.store.runs.list({ limit: 10 })).items).toHaveLength(1);
    });
  }

  it('a DNS name that resolves to loopback, when only other hosts are allowed', async () => {
    h = createHarness({ allowHosts: ['127.0.0.2'] }, { resolve });
    const target = await seedTarget(h.store, { url: `http://shop.rival.test:${server.port}/product` });
    const hits = server.hits.length;
    expect(await h.runTarget(target.id)).toMatchObject({ status: 'failed', code: 'blocked_by_policy' });
    expect(server.hits.length).toBe(hits);
  });

  it('nothing at all is allowed by default, not even 127.0.0.1', async () => {
    h = createHarness({ allowHosts: [] });
    const target = await seedTarget(h.store, { url: `${server.origin}/product` });
    const hits = server.hits.length;
    expect(await h.runTarget(target.id)).toMatchObject({ status: 'failed', code: 'blocked_by_policy' });
    expect(server.hits.length).toBe(hits);
  });

  it('browser: a loopback address not allow-listed is refused', async () => {
    h = createHarness();
    const target = await seedTarget(h.store, { url: `http://127.0.0.2:${server.port}/product`, fetch: 'browser' });
    expect(await h.runTarget(target.id)).toMatchObject({ status: 'failed', code: 'blocked_by_policy', fetchMode: 'browser' });
  });
});
