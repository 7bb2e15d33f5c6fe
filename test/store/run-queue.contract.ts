import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Lease, RunResult } from '../../src/store/run-queue.ts';
import type { Lane } from '../../src/store/runs.ts';
import type { StoreHandle } from '../../src/store/store.ts';
import type { StoreFactory } from '../helpers/store-factory.ts';
import { seedTarget } from '../helpers/seed-target.ts';

const T0 = '2026-11-23T12:00:00.000Z';
const at = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();
const lease = (owner: string, untilMs: number): Lease => ({ owner, until: at(untilMs) });
const MAX_EXPIRIES = 3;

const done = (finishedAt: string): RunResult => ({
  status: 'succeeded',
  code: null,
  error: null,
  fetchMode: 'static',
  timings: { queueMs: 0, fetchMs: 1, extractMs: 1 },
  snapshotId: null,
  httpStatus: 200,
  finalUrl: null,
  robotsOverridden: false,
  finishedAt,
});

/** What every backend's RunQueue must do: one pending run per target, lanes fixed at enqueue, leases. */
export function runQueueContract(open: StoreFactory) {
  describe('run queue', () => {
    let store: StoreHandle;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(() => store.close());

    const enqueue = async (lane: Lane = 'static', availableAt = T0, trigger: 'schedule' | 'manual' | 'catch_up' = 'schedule') => {
      const target = await seedTarget(store);
      return (await store.runQueue.enqueue({ targetId: target.id, lane, trigger, availableAt })).run;
    };

    it('queues a run with plain values and keeps at most one pending run per target', async () => {
      const target = await seedTarget(store);
      const a = await store.runQueue.enqueue({ targetId: target.id, lane: 'browser', trigger: 'schedule', availableAt: T0 });
      expect(a).toMatchObject({ created: true, run: { targetId: target.id, status: 'queued', lane: 'browser', trigger: 'schedule', attempt: 1, availableAt: T0 } });
      expect(a.run).toMatchObject({ robotsOverridden: false, retryOf: null, leaseExpiries: 0, startedAt: null, timings: { queueMs: null } });
      const b = await store.runQueue.enqueue({ targetId: target.id, lane: 'browser', trigger: 'catch_up', availableAt: T0 });
      expect(b).toEqual({ run: a.run, created: false });
      expect(await store.runs.get(a.run.id)).toEqual(a.run);
    });

    it('brings a queued future run forward on a manual request instead of adding one', async () => {
      const later = await enqueue('static', at(60_000), 'catch_up');
      const manual = await store.runQueue.enqueue({ targetId: later.targetId, lane: 'static', trigger: 'manual', availableAt: T0 });
      expect(manual.created).toBe(false);
      expect(manual.run).toMatchObject({ id: later.id, availableAt: T0, trigger: 'catch_up' });
    });

    it('lets only one claimant take a run, only once it is due, and only the lease holder complete it', async () => {
      const queued = await enqueue('static', at(1000));
      expect(await store.runQueue.claim('static', T0, lease('A', 60_000))).toBeNull();
      const claimed = await store.runQueue.claim('static', at(1000), lease('A', 60_000));
      expect(claimed).toMatchObject({ id: queued.id, status: 'running', startedAt: at(1000) });
      expect(await store.runQueue.claim('static', at(2000), lease('B', 60_000))).toBeNull();
      expect(await store.runQueue.claimById(queued.id, at(2000), lease('B', 60_000))).toBeNull();
      expect(await store.runQueue.complete(queued.id, 'B', done(T0))).toBe(false);
      expect(await store.runQueue.complete(queued.id, 'A', done(at(5000)))).toBe(true);
      expect(await store.runs.get(queued.id)).toMatchObject({ status: 'succeeded', finishedAt: at(5000), httpStatus: 200, timings: { fetchMs: 1 } });
      expect(await store.runQueue.complete(queued.id, 'A', done(T0))).toBe(false);
    });

    it('claims per lane, the longest due first, in the lane fixed when the run was queued', async () => {
      const browser = await enqueue('browser', T0);
      const second = await enqueue('static', at(10));
      const first = await enqueue('static', T0);
      expect((await store.runQueue.claim('static', at(1000), lease('A', 60_000)))?.id).toBe(first.id);
      expect((await store.runQueue.claim('static', at(1000), lease('A', 60_000)))?.id).toBe(second.id);
      expect(await store.runQueue.claim('static', at(1000), lease('A', 60_000))).toBeNull();
      expect(await store.runQueue.claim('browser', at(1000), lease('A', 60_000))).toMatchObject({ id: browser.id, lane: 'browser' });
    });

    it('takes a queued run by id before it is due', async () => {
      const later = await enqueue('static', at(3_600_000));
      expect(await store.runQueue.claimById(later.id, T0, lease('cli', 60_000))).toMatchObject({ id: later.id, status: 'running' });
    });

    it('re-queues a run whose lease expired: same run, once, and the dead owner cannot complete it', async () => {
      const run = await enqueue();
      await store.runQueue.claim('static', T0, lease('dead', 60_000));
      expect(await store.runQueue.recoverExpired(at(59_999), MAX_EXPIRIES)).toEqual({ requeued: [], failed: [] });
      const recovered = await store.runQueue.recoverExpired(at(60_000), MAX_EXPIRIES);
      expect(recovered.requeued.map((r) => [r.id, r.status, r.leaseExpiries, r.attempt, r.availableAt])).toEqual([[run.id, 'queued', 1, 1, at(60_000)]]);
      expect((await store.runQueue.recoverExpired(at(120_000), MAX_EXPIRIES)).requeued).toEqual([]);
      expect(await store.runQueue.complete(run.id, 'dead', done(T0))).toBe(false);
      expect((await store.runQueue.claim('static', at(60_000), lease('alive', 120_000)))?.id).toBe(run.id);
      expect(await store.runQueue.complete(run.id, 'dead', done(T0))).toBe(false);
      expect(await store.runQueue.complete(run.id, 'alive', done(T0))).toBe(true);
      expect((await store.runs.list({ limit: 10 })).items.map((r) => r.id)).toEqual([run.id]);
    });

    it('fails a run with timeout once its process died maxExpiries times', async () => {
      const run = await enqueue();
      let now = 0;
      for (let i = 1; i <= MAX_EXPIRIES; i += 1) {
        expect((await store.runQueue.claim('static', at(now), lease(`dead-${i}`, now + 1000)))?.id).toBe(run.id);
        now += 1000;
        const { requeued, failed } = await store.runQueue.recoverExpired(at(now), MAX_EXPIRIES);
        expect(requeued.length + failed.length).toBe(1);
      }
      const failed = await store.runs.get(run.id);
      expect(failed).toMatchObject({ status: 'failed', code: 'timeout', leaseExpiries: MAX_EXPIRIES, finishedAt: at(now) });
      expect(failed.error).toContain(`stopped ${MAX_EXPIRIES} times`);
    });

    it('extends a lease for its holder only, so recovery leaves the run alone', async () => {
      const run = await enqueue();
      await store.runQueue.claim('static', T0, lease('A', 1000));
      expect(await store.runQueue.extendLease(run.id, lease('B', 60_000))).toBe(false);
      expect(await store.runQueue.extendLease(run.id, lease('A', 60_000))).toBe(true);
      expect(await store.runQueue.recoverExpired(at(30_000), MAX_EXPIRIES)).toEqual({ requeued: [], failed: [] });
      expect(await store.runQueue.complete(run.id, 'A', done(at(30_000)))).toBe(true);
      expect(await store.runQueue.extendLease(run.id, lease('A', 90_000))).toBe(false);
    });

    it('queues a retry of a failed run: next attempt, same lane, due later', async () => {
      const first = await enqueue('browser');
      await store.runQueue.claim('browser', T0, lease('A', 60_000));
      await store.runQueue.complete(first.id, 'A', { ...done(T0), status: 'failed', code: 'http_5xx', error: 'HTTP 503' });
      const failed = await store.runs.get(first.id);
      const retry = await store.runQueue.retry(failed, at(30_000));
      expect(retry).toMatchObject({ targetId: first.targetId, lane: 'browser', trigger: 'retry', attempt: 2, retryOf: first.id, status: 'queued' });
      expect(await store.runQueue.claim('browser', at(29_999), lease('A', 60_000))).toBeNull();
      expect((await store.runQueue.claim('browser', at(30_000), lease('A', 60_000)))?.id).toBe(retry.id);
    });

    it('completes inside a unit of work: when the unit fails, the run is still running', async () => {
      const run = await enqueue();
      await store.runQueue.claim('static', T0, lease('A', 60_000));
      await expect(
        store.transaction(async (tx) => {
          expect(await tx.runQueue.complete(run.id, 'A', done(T0))).toBe(true);
          throw new Error('storing the snapshot failed');
        }),
      ).rejects.toThrow('storing the snapshot failed');
      expect((await store.runs.get(run.id)).status).toBe('running');
      expect(await store.runQueue.complete(run.id, 'A', done(T0))).toBe(true);
    });

    it('releases a run its holder could not finish: queued again as before, same attempt, no expiry counted', async () => {
      const run = await enqueue();
      await store.runQueue.claim('static', T0, lease('A', 60_000));
      expect(await store.runQueue.release(run.id, 'B')).toBe(false);
      expect(await store.runQueue.release(run.id, 'A')).toBe(true);
      expect(await store.runs.get(run.id)).toEqual(run);
      expect(await store.runQueue.release(run.id, 'A')).toBe(false);
      expect(await store.runQueue.complete(run.id, 'A', done(T0))).toBe(false);
      expect((await store.runQueue.claim('static', T0, lease('B', 60_000)))?.id).toBe(run.id);
      expect(await store.runQueue.complete(run.id, 'B', done(T0))).toBe(true);
      expect(await store.runQueue.release(run.id, 'B')).toBe(false);
    });

    it('lets one unit of work at a time plan, across every unit sharing the database', async () => {
      let planning = 0;
      let most = 0;
      const plan = () =>
        store.transaction(async (tx) => {
          if (!(await tx.runQueue.tryLockPlanning())) return false;
          planning += 1;
          most = Math.max(most, planning);
          await tx.runs.list({ limit: 1 });
          await new Promise((resolve) => setImmediate(resolve));
          await tx.runs.list({ limit: 1 });
          planning -= 1;
          return true;
        });
      const planned = await Promise.all([plan(), plan(), plan(), plan()]);
      expect(most).toBe(1);
      expect(planned).toContain(true);
      // The lock ends with its unit of work.
      expect(await plan()).toBe(true);
    });
  });
}
