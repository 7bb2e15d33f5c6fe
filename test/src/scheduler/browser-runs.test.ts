import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../helpers/scheduler-harness.ts';
import { startFaultServer, type FaultServer } from '../../helpers/fault-server.ts';
import { seedTarget } from '../../helpers/seed-target.ts';

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

describe('browser runs (real Chromium)', () => {
  it('renders a page and keeps a size-capped screenshot as evidence', async () => {
    h = createHarness({ screenshotMaxBytes: 200 * 1024 });
    const target = await seedTarget(h.store, { url: `${server.origin}/product`, fetch: 'browser', locale: 'pl-PL', currency: 'PLN' });
    const run = await h.runTarget(target.id);
    expect(run).toMatchObject({ status: 'succeeded', fetchMode: 'browser' });
    const snapshot = await h.store.snapshots.get(run.snapshotId ?? 0);
    expect(snapshot.offer.price).toBe('19.99');
    expect(snapshot.evidence.screenshotType).toBe('image/jpeg');
    expect(snapshot.evidence.screenshotBytes).toBeLessThanOrEqual(200 * 1024);
    expect((await h.store.snapshots.screenshot(snapshot.id))?.bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  });

  it('refuses a redirect to a loopback address that is not allow-listed', async () => {
    h = createHarness();
    const to = `http://127.0.0.2:${server.port}/product`;
    const target = await seedTarget(h.store, { url: `${server.origin}/redirect?to=${encodeURIComponent(to)}`, fetch: 'browser' });
    expect(await h.runTarget(target.id)).toMatchObject({ status: 'failed', code: 'blocked_by_policy', fetchMode: 'browser' });
  });

  it('times out a page that never answers', async () => {
    h = createHarness({ runTimeoutMs: 2_000, maxAttempts: 1 });
    const target = await seedTarget(h.store, { url: `${server.origin}/hang`, fetch: 'browser' });
    expect(await h.runTarget(target.id)).toMatchObject({ status: 'failed', code: 'timeout', fetchMode: 'browser' });
  });
});
