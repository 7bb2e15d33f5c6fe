import { afterEach, beforeEach, expect, it } from 'vitest';
import { openPgStore } from '../../../src/store/pg/pg-store.ts';
import type { StoreHandle } from '../../../src/store/store.ts';
import { freshPgDatabase } from '../../helpers/pg-store-factory.ts';
import { seedTarget } from '../../helpers/seed-target.ts';

const NOW = '2026-11-23T12:00:00.000Z';
const RUNS = 60;
const CLAIMANTS = 8;

let database: Awaited<ReturnType<typeof freshPgDatabase>>;
let stores: StoreHandle[];
beforeEach(async () => {
  database = await freshPgDatabase();
  // Each claimant its own store and pool, as worker processes on several machines would have.
  stores = await Promise.all(Array.from({ length: CLAIMANTS }, () => openPgStore(database.url, { poolSize: 2 })));
});
afterEach(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await database.drop();
});

it('hands every queued run to exactly one of many claimants claiming at once', async () => {
  const [first] = stores;
  const queued = new Set<number>();
  for (let i = 0; i < RUNS; i++) {
    const target = await seedTarget(first!);
    queued.add((await first!.runQueue.enqueue({ targetId: target.id, lane: 'static', trigger: 'schedule', availableAt: NOW })).run.id);
  }
  const claimed = await Promise.all(
    stores.map(async (store, i) => {
      const mine: number[] = [];
      for (;;) {
        const run = await store.runQueue.claim('static', NOW, { owner: `worker-${i}`, until: '2026-11-23T12:05:00.000Z' });
        if (!run) return mine;
        mine.push(run.id);
      }
    }),
  );
  const all = claimed.flat();
  expect(all).toHaveLength(RUNS);
  expect(new Set(all)).toEqual(queued);
  expect(await first!.runQueue.claim('static', NOW, { owner: 'late', until: NOW })).toBeNull();
});
