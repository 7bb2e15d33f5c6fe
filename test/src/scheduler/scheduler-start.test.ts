import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.ts';
import { startDemoShops, type DemoShops } from '../../../src/demo/demo-shops.ts';
import { Scheduler } from '../../../src/scheduler/scheduler.ts';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import type { Target } from '../../../src/store/targets.ts';
import { createHarness, type Harness } from '../../helpers/scheduler-harness.ts';
import { seedTarget } from '../../helpers/seed-target.ts';

let shops: DemoShops;
let h: Harness;
beforeAll(async () => {
  shops = await startDemoShops();
});
afterAll(() => shops.close());
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.close());

const overdueTargets = async (n: number) => {
  const targets: Target[] = [];
  for (let i = 0; i < n; i += 1) {
    const t = await seedTarget(h.store, { url: shops.productUrl(i % 2 ? 'own' : 'jadran', i % 4 < 2 ? 'espresso' : 'filter'), schedule: '*/15 * * * *' });
    await h.store.targets.setNextRunAt(t.id, new Date(Date.now() - 86_400_000).toISOString());
    targets.push(t);
  }
  return targets;
};

describe('scheduler start and concurrency', () => {
  it('after downtime starts only the first slice of catch-up runs; the rest wait their turn', async () => {
    const targets = await overdueTargets(12);
    const scheduler = h.scheduler({ random: () => 0 });
    expect(await scheduler.start()).toEqual({ recovered: 0, catchUp: 12 });
    await scheduler.whenIdle();
    await scheduler.stop();
    const runs = (await h.store.runs.list({ limit: 100 })).items;
    expect(runs).toHaveLength(12);
    expect(new Set(runs.map((r) => r.targetId))).toEqual(new Set(targets.map((t) => t.id)));
    // Spread over the 15-minute interval: only the first of twelve is due at start.
    expect(runs.filter((r) => r.status === 'succeeded')).toHaveLength(1);
    expect(runs.filter((r) => r.status === 'queued' && r.trigger === 'catch_up')).toHaveLength(11);
  });

  it('two processes sharing the database run each due run exactly once', async () => {
    const targets = await overdueTargets(8);
    const before = totalViews();
    for (const t of targets)
      await h.store.runQueue.enqueue({ targetId: t.id, lane: 'static', trigger: 'schedule', availableAt: new Date().toISOString() });
    const otherStore = openSqliteStore(h.config.dbPath);
    const logger = createLogger(h.config);
    const a = h.scheduler();
    const b = new Scheduler({ store: otherStore, config: h.config, logger, fetcher: h.fetcher });
    try {
      await Promise.all([a.whenIdle(), b.whenIdle()]);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await otherStore.close();
    }
    const runs = (await h.store.runs.list({ limit: 100 })).items;
    expect(runs.map((r) => r.status)).toEqual(Array(8).fill('succeeded'));
    expect(totalViews() - before).toBe(8);
  });
});

function totalViews(): number {
  return (['own', 'jadran'] as const).reduce((n, shop) => n + shops.pageViews(shop, 'espresso') + shops.pageViews(shop, 'filter'), 0);
}
