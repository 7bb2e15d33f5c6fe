import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runPlanner } from '../../../src/scheduler/plan-runs.ts';
import type { StoreHandle } from '../../../src/store/store.ts';
import { seedTarget } from '../../helpers/seed-target.ts';
import { sqliteStoreFactory } from '../../helpers/store-factory.ts';

let store: StoreHandle;
beforeEach(async () => {
  store = await sqliteStoreFactory();
});
afterEach(() => store.close());

const NOW = new Date('2026-11-23T12:00:30.000Z');
const setNext = (id: number, iso: string) => store.targets.setNextRunAt(id, iso);
const listRuns = async (limit: number) => (await store.runs.list({ limit })).items;

describe('run planner', () => {
  it('queues one run for a target that missed many firings and moves its next run past now', async () => {
    const target = await seedTarget(store, { schedule: '*/5 * * * *' });
    await setNext(target.id, '2026-11-23T09:00:00.000Z');
    const planner = runPlanner(store);
    expect(await planner.enqueueDue(NOW)).toBe(1);
    expect(await planner.enqueueDue(NOW)).toBe(0);
    expect((await store.targets.get(target.id)).nextRunAt).toBe('2026-11-23T12:05:00.000Z');
    const runs = await listRuns(10);
    expect(runs.map((r) => [r.targetId, r.trigger, r.status])).toEqual([[target.id, 'schedule', 'queued']]);
  });

  it('does not queue a second run while one is still pending, nor for disabled or not-yet-due targets', async () => {
    const busy = await seedTarget(store, { schedule: '* * * * *' });
    const disabled = await seedTarget(store, { enabled: false });
    const future = await seedTarget(store);
    await setNext(busy.id, '2026-11-23T12:00:00.000Z');
    await setNext(disabled.id, '2026-11-23T12:00:00.000Z');
    await setNext(future.id, '2026-11-23T12:05:00.000Z');
    const pending = (await store.runQueue.enqueue({ targetId: busy.id, lane: 'static', trigger: 'manual', availableAt: NOW.toISOString() })).run;
    expect(await runPlanner(store).enqueueDue(NOW)).toBe(0);
    expect((await listRuns(10)).map((r) => r.id)).toEqual([pending.id]);
  });

  it('after downtime: one catch-up run per overdue target, spread over the window with jitter, no stampede', async () => {
    const planner = runPlanner(store);
    const ids: number[] = [];
    for (let i = 0; i < 30; i += 1) ids.push((await seedTarget(store, { schedule: '*/10 * * * *' })).id);
    for (const id of ids) await setNext(id, '2026-11-22T12:00:00.000Z');
    const window = 300_000;
    expect(await planner.enqueueCatchUp(NOW, window)).toBe(30);
    const runs = await listRuns(100);
    expect(new Set(runs.map((r) => r.targetId)).size).toBe(30);
    expect(runs.every((r) => r.trigger === 'catch_up')).toBe(true);
    const offsets = runs.map((r) => Date.parse(r.availableAt) - NOW.getTime()).sort((a, b) => a - b);
    expect(offsets[0]).toBeGreaterThanOrEqual(0);
    expect(offsets.at(-1)).toBeLessThan(window);
    // Evenly spread: each tenth of the window holds about a tenth of the runs.
    for (let slice = 0; slice < 10; slice += 1) {
      const inSlice = offsets.filter((o) => o >= (slice * window) / 10 && o < ((slice + 1) * window) / 10).length;
      expect(inSlice).toBeGreaterThanOrEqual(2);
      expect(inSlice).toBeLessThanOrEqual(4);
    }
    // Due at once: only the first slice, not all thirty.
    expect(runs.filter((r) => Date.parse(r.availableAt) <= NOW.getTime() + 10_000).length).toBeLessThanOrEqual(2);
    // A second restart right away adds nothing, and the next scheduled firing does not duplicate a pending catch-up.
    expect(await planner.enqueueCatchUp(NOW, window)).toBe(0);
    expect(await planner.enqueueDue(new Date('2026-11-23T12:10:00.000Z'))).toBe(0);
    expect(await listRuns(100)).toHaveLength(30);
  });

  it('never spreads a catch-up run past the target’s own interval', async () => {
    const target = await seedTarget(store, { schedule: '* * * * *' });
    await setNext(target.id, '2026-11-23T11:00:00.000Z');
    await runPlanner(store).enqueueCatchUp(NOW, 3_600_000, () => 0.999);
    const [run] = await listRuns(1);
    expect(Date.parse(run?.availableAt ?? '') - NOW.getTime()).toBeLessThan(60_000);
  });
});
