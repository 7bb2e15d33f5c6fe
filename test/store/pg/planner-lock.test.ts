import { afterEach, beforeEach, expect, it } from 'vitest';
import { openPgStore } from '../../../src/store/pg/pg-store.ts';
import { runPlanner } from '../../../src/scheduler/plan-runs.ts';
import type { StoreHandle } from '../../../src/store/store.ts';
import { freshPgDatabase } from '../../helpers/pg-store-factory.ts';
import { seedTarget } from '../../helpers/seed-target.ts';

let database: Awaited<ReturnType<typeof freshPgDatabase>>;
let stores: StoreHandle[];
beforeEach(async () => {
  database = await freshPgDatabase();
  // Two stores with pools of their own: two processes, on one machine or two.
  stores = await Promise.all([openPgStore(database.url, { poolSize: 2 }), openPgStore(database.url, { poolSize: 2 })]);
});
afterEach(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await database.drop();
});

it('skips planning in one process while another holds the planner lock, and frees it when that unit ends', async () => {
  const [a, b] = stores as [StoreHandle, StoreHandle];
  let locked!: () => void;
  const aHasLock = new Promise<void>((resolve) => (locked = resolve));
  let finish!: () => void;
  const gate = new Promise<void>((resolve) => (finish = resolve));
  const first = a.transaction(async (tx) => {
    const got = await tx.runQueue.tryLockPlanning();
    locked();
    await gate;
    return got;
  });
  await aHasLock;
  expect(await b.transaction((tx) => tx.runQueue.tryLockPlanning())).toBe(false);
  finish();
  expect(await first).toBe(true);
  expect(await b.transaction((tx) => tx.runQueue.tryLockPlanning())).toBe(true);
});

it('queues each due target once when two processes plan the same tick', async () => {
  const [a, b] = stores as [StoreHandle, StoreHandle];
  const due = '2026-11-23T12:00:00.000Z';
  for (let i = 0; i < 20; i++) {
    const target = await seedTarget(a, { schedule: '*/5 * * * *' });
    await a.targets.setNextRunAt(target.id, due);
  }
  const now = new Date('2026-11-23T12:01:00.000Z');
  const created = await Promise.all([runPlanner(a).enqueueDue(now), runPlanner(b).enqueueDue(now)]);
  expect(created[0] + created[1]).toBe(20);
  expect((await a.runs.list({ limit: 100 })).items).toHaveLength(20);
});
