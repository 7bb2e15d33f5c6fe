import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../helpers/scheduler-harness.ts';
import { startFaultServer, type FaultServer } from '../../helpers/fault-server.ts';
import { seedTarget } from '../../helpers/seed-target.ts';

let server: FaultServer;
let h: Harness;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
beforeEach(() => {
  h = createHarness({ runTimeoutMs: 60_000, hostConcurrency: 2 });
});
afterEach(() => h.close());

const pollUntil = async (done: () => Promise<boolean>, deadlineMs = 10_000) => {
  const deadline = Date.now() + deadlineMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('condition not met before the deadline');
    await new Promise((resolve) => setImmediate(resolve));
  }
};

it('on stop with a grace period, finishes what it can and hands the rest back to the queue, not failed', async () => {
  const quick = await seedTarget(h.store, { url: `${server.origin}/product` });
  const stuck = await seedTarget(h.store, { url: `${server.origin}/hang` });
  const scheduler = h.scheduler();
  const stuckRun = (await h.store.runQueue.enqueue({ targetId: stuck.id, lane: 'static', trigger: 'manual', availableAt: new Date().toISOString() })).run;
  const quickRun = (await h.store.runQueue.enqueue({ targetId: quick.id, lane: 'static', trigger: 'manual', availableAt: new Date().toISOString() })).run;
  await scheduler.pump();
  await pollUntil(async () => server.hits.includes('/hang') && (await h.store.runs.get(quickRun.id)).status === 'succeeded');

  const started = Date.now();
  await scheduler.stop(300);
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(await h.store.runs.get(stuckRun.id)).toMatchObject({ status: 'queued', attempt: 1, leaseExpiries: 0, startedAt: null, finishedAt: null });
  expect((await h.store.runs.get(quickRun.id)).status).toBe('succeeded');
  // Another process takes the handed-back run at once, without waiting for a lease to expire.
  const next = h.scheduler();
  expect((await h.store.runQueue.claim('static', new Date().toISOString(), { owner: next.owner, until: new Date(Date.now() + 60_000).toISOString() }))?.id).toBe(stuckRun.id);
});

it('claims only from its own lanes', async () => {
  const target = await seedTarget(h.store, { url: `${server.origin}/product` });
  const run = (await h.store.runQueue.enqueue({ targetId: target.id, lane: 'static', trigger: 'manual', availableAt: new Date().toISOString() })).run;
  const browserOnly = h.scheduler({ lanes: ['browser'] });
  await browserOnly.pump();
  expect((await h.store.runs.get(run.id)).status).toBe('queued');
  const staticOnly = h.scheduler({ lanes: ['static'] });
  await staticOnly.pump();
  await staticOnly.whenIdle();
  expect((await h.store.runs.get(run.id)).status).toBe('succeeded');
});
