import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/store/run-queue.ts';
import type { StoreHandle } from '../../src/store/store.ts';
import type { StoreFactory } from '../helpers/store-factory.ts';
import { seedTarget } from '../helpers/seed-target.ts';

const T0 = '2026-11-23T12:00:00.000Z';
const later = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();

/** What every backend's RunStore must do: the run log, read back with plain values. */
export function runsContract(open: StoreFactory) {
  describe('runs', () => {
    let store: StoreHandle;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(() => store.close());

    it('reads a finished run back with plain values, and is not found for an unknown id', async () => {
      const target = await seedTarget(store);
      const { run } = await store.runQueue.enqueue({ targetId: target.id, lane: 'browser', trigger: 'manual', availableAt: T0 });
      await store.runQueue.claim('browser', T0, { owner: 'A', until: later(60_000) });
      const result: RunResult = {
        status: 'failed',
        code: 'http_5xx',
        error: 'HTTP 503',
        fetchMode: 'browser',
        timings: { queueMs: 1, fetchMs: 2, extractMs: null },
        snapshotId: null,
        httpStatus: 503,
        finalUrl: 'https://rival.example/espresso',
        robotsOverridden: true,
        finishedAt: later(5000),
      };
      await store.runQueue.complete(run.id, 'A', result);
      const { timings, ...rest } = result;
      expect(await store.runs.get(run.id)).toEqual({
        ...rest,
        id: run.id,
        targetId: target.id,
        trigger: 'manual',
        attempt: 1,
        lane: 'browser',
        timings,
        retryOf: null,
        leaseExpiries: 0,
        queuedAt: expect.any(String),
        availableAt: T0,
        startedAt: T0,
      });
      await expect(store.runs.get(run.id + 100)).rejects.toMatchObject({ code: 'not_found' });
    });

    it('lists oldest first, filtered by target, status, code and time, a page at a time', async () => {
      const a = await seedTarget(store);
      const b = await seedTarget(store);
      const first = (await store.runQueue.enqueue({ targetId: a.id, lane: 'static', trigger: 'schedule', availableAt: T0 })).run;
      await store.runQueue.claim('static', T0, { owner: 'A', until: later(60_000) });
      await store.runQueue.complete(first.id, 'A', {
        status: 'failed', code: 'timeout', error: 'slow', fetchMode: 'static', timings: { queueMs: null, fetchMs: null, extractMs: null },
        snapshotId: null, httpStatus: null, finalUrl: null, robotsOverridden: false, finishedAt: T0,
      });
      const second = (await store.runQueue.enqueue({ targetId: a.id, lane: 'static', trigger: 'manual', availableAt: T0 })).run;
      const third = (await store.runQueue.enqueue({ targetId: b.id, lane: 'static', trigger: 'manual', availableAt: T0 })).run;
      const ids = async (filter: Parameters<StoreHandle['runs']['list']>[0]) => (await store.runs.list(filter)).items.map((r) => r.id);
      expect(await ids({ limit: 10 })).toEqual([first.id, second.id, third.id]);
      expect(await ids({ targetId: a.id, limit: 10 })).toEqual([first.id, second.id]);
      expect(await ids({ status: 'queued', limit: 10 })).toEqual([second.id, third.id]);
      expect(await ids({ status: 'failed', code: 'timeout', limit: 10 })).toEqual([first.id]);
      expect(await ids({ since: new Date(Date.now() + 3_600_000).toISOString(), limit: 10 })).toEqual([]);
      expect(await ids({ since: new Date(Date.now() - 3_600_000).toISOString(), targetId: b.id, limit: 10 })).toEqual([third.id]);
      const page = await store.runs.list({ limit: 2 });
      expect(page.nextAfter).not.toBeNull();
      expect(await ids({ after: second.id, limit: 2 })).toEqual([third.id]);
      expect((await store.runs.list({ after: second.id, limit: 2 })).nextAfter).toBeNull();
    });

    it('gives each target its newest finished run, leaving out queued runs and targets without one', async () => {
      const a = await seedTarget(store);
      const b = await seedTarget(store);
      const c = await seedTarget(store);
      const finish = async (targetId: number, status: 'succeeded' | 'failed') => {
        const { run } = await store.runQueue.enqueue({ targetId, lane: 'static', trigger: 'manual', availableAt: T0 });
        await store.runQueue.claim('static', T0, { owner: 'A', until: later(60_000) });
        await store.runQueue.complete(run.id, 'A', {
          status, code: status === 'failed' ? 'timeout' : null, error: null, fetchMode: 'static', timings: { queueMs: null, fetchMs: null, extractMs: null },
          snapshotId: null, httpStatus: null, finalUrl: null, robotsOverridden: false, finishedAt: later(1000),
        });
        return run.id;
      };
      await finish(a.id, 'succeeded');
      const newestOfA = await finish(a.id, 'failed');
      const onlyOfB = await finish(b.id, 'succeeded');
      await store.runQueue.enqueue({ targetId: a.id, lane: 'static', trigger: 'manual', availableAt: T0 }); // queued, not finished
      await store.runQueue.enqueue({ targetId: c.id, lane: 'static', trigger: 'manual', availableAt: T0 });
      const latest = await store.runs.latestFinished([a.id, b.id, c.id]);
      expect(latest.map((r) => [r.targetId, r.id, r.status])).toEqual([
        [a.id, newestOfA, 'failed'],
        [b.id, onlyOfB, 'succeeded'],
      ]);
      expect(await store.runs.latestFinished([])).toEqual([]);
    });
  });
}
