import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDb, type Db } from '../../../src/db/open-db.ts';
import { runsRepo } from '../../../src/db/runs.ts';
import { targetsRepo } from '../../../src/db/targets.ts';
import { runPlanner } from '../../../src/scheduler/plan-runs.ts';
import { seedTarget } from '../../helpers/seed-target.ts';
import { tempDir } from '../../helpers/test-app.ts';

let tmp: ReturnType<typeof tempDir>;
let db: Db;
beforeEach(() => {
  tmp = tempDir();
  db = openDb(join(tmp.dir, 'plan.db'));
});
afterEach(() => {
  db.close();
  tmp.remove();
});

const NOW = new Date('2026-11-23T12:00:30.000Z');
const setNext = (id: number, iso: string | null) => db.prepare('UPDATE targets SET next_run_at = ? WHERE id = ?').run(iso, id);

describe('run planner', () => {
  it('queues one run for a target that missed many firings and moves its next run past now', () => {
    const target = seedTarget(db, { schedule: '*/5 * * * *' });
    setNext(target.id, '2026-11-23T09:00:00.000Z');
    const planner = runPlanner(db);
    expect(planner.enqueueDue(NOW)).toBe(1);
    expect(planner.enqueueDue(NOW)).toBe(0);
    expect(targetsRepo(db).get(target.id).nextRunAt).toBe('2026-11-23T12:05:00.000Z');
    const runs = runsRepo(db).list({ limit: 10 }).items;
    expect(runs.map((r) => [r.targetId, r.trigger, r.status])).toEqual([[target.id, 'schedule', 'queued']]);
  });

  it('does not queue a second run while one is still pending, nor for disabled or not-yet-due targets', () => {
    const busy = seedTarget(db, { schedule: '* * * * *' });
    const disabled = seedTarget(db, { enabled: false });
    const future = seedTarget(db);
    setNext(busy.id, '2026-11-23T12:00:00.000Z');
    setNext(disabled.id, '2026-11-23T12:00:00.000Z');
    setNext(future.id, '2026-11-23T12:05:00.000Z');
    const runs = runsRepo(db);
    const pending = runs.enqueue(busy.id, 'manual', { availableAt: NOW.toISOString() }).run;
    expect(runPlanner(db).enqueueDue(NOW)).toBe(0);
    expect(runs.list({ limit: 10 }).items.map((r) => r.id)).toEqual([pending.id]);
  });

  it('after downtime: one catch-up run per overdue target, spread over the window with jitter, no stampede', () => {
    const planner = runPlanner(db);
    const ids = Array.from({ length: 30 }, () => seedTarget(db, { schedule: '*/10 * * * *' }).id);
    for (const id of ids) setNext(id, '2026-11-22T12:00:00.000Z');
    const window = 300_000;
    expect(planner.enqueueCatchUp(NOW, window)).toBe(30);
    const runs = runsRepo(db).list({ limit: 100 }).items;
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
    expect(planner.enqueueCatchUp(NOW, window)).toBe(0);
    expect(planner.enqueueDue(new Date('2026-11-23T12:10:00.000Z'))).toBe(0);
    expect(runsRepo(db).list({ limit: 100 }).items).toHaveLength(30);
  });

  it('never spreads a catch-up run past the target’s own interval', () => {
    const target = seedTarget(db, { schedule: '* * * * *' });
    setNext(target.id, '2026-11-23T11:00:00.000Z');
    runPlanner(db).enqueueCatchUp(NOW, 3_600_000, () => 0.999);
    const run = runsRepo(db).list({ limit: 1 }).items[0];
    expect(Date.parse(run?.availableAt ?? '') - NOW.getTime()).toBeLessThan(60_000);
  });
});
