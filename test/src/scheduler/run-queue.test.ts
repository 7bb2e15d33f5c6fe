import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDb, type Db } from '../../../src/db/open-db.ts';
import { runsRepo, type RunResult } from '../../../src/db/runs.ts';
import { MAX_LEASE_EXPIRIES } from '../../../src/scheduler/scheduler.ts';
import { seedTarget } from '../../helpers/seed-target.ts';
import { tempDir } from '../../helpers/test-app.ts';

let tmp: ReturnType<typeof tempDir>;
let db: Db;
beforeEach(() => {
  tmp = tempDir();
  db = openDb(join(tmp.dir, 'q.db'));
});
afterEach(() => {
  db.close();
  tmp.remove();
});

const at = (iso: string, ms = 0) => new Date(Date.parse(iso) + ms);
const T0 = '2026-11-23T12:00:00.000Z';
const done = (finishedAt: string): RunResult => ({
  status: 'succeeded', code: null, error: null, fetchMode: 'static', timings: { queueMs: 0, fetchMs: 1, extractMs: 1 },
  snapshotId: null, httpStatus: 200, finalUrl: null, robotsOverridden: false, finishedAt,
});

describe('run queue', () => {
  it('keeps at most one pending run per target', () => {
    const runs = runsRepo(db);
    const target = seedTarget(db);
    const a = runs.enqueue(target.id, 'schedule', { availableAt: T0 });
    const b = runs.enqueue(target.id, 'catch_up', { availableAt: T0 });
    expect(a.created).toBe(true);
    expect(b).toEqual({ run: a.run, created: false });
    // A manual request brings a queued future run forward instead of adding one.
    const other = seedTarget(db);
    const later = runs.enqueue(other.id, 'catch_up', { availableAt: at(T0, 60_000).toISOString() }).run;
    const manual = runs.enqueue(other.id, 'manual', { availableAt: T0 });
    expect(manual.created).toBe(false);
    expect(manual.run.id).toBe(later.id);
    expect(manual.run.availableAt).toBe(T0);
  });

  it('lets only one claimant take a run, and only when it is due', () => {
    const runs = runsRepo(db);
    const target = seedTarget(db);
    const queued = runs.enqueue(target.id, 'schedule', { availableAt: at(T0, 1000).toISOString() }).run;
    expect(runs.claim('A', 'static', at(T0), at(T0, 60_000))).toBeNull();
    const claimed = runs.claim('A', 'static', at(T0, 1000), at(T0, 60_000));
    expect(claimed).toMatchObject({ id: queued.id, status: 'running' });
    expect(runs.claim('B', 'static', at(T0, 2000), at(T0, 60_000))).toBeNull();
    expect(runs.finish(queued.id, 'B', done(T0))).toBe(false);
    expect(runs.finish(queued.id, 'A', done(T0))).toBe(true);
    expect(runs.get(queued.id).status).toBe('succeeded');
  });

  it('claims per lane: browser targets in the browser lane, auto targets where they learned to be', () => {
    const runs = runsRepo(db);
    const browser = seedTarget(db, { fetch: 'browser' });
    const auto = seedTarget(db, { fetch: 'auto' });
    runs.enqueue(browser.id, 'schedule', { availableAt: T0 });
    runs.enqueue(auto.id, 'schedule', { availableAt: T0 });
    expect(runs.claim('A', 'static', at(T0), at(T0, 1000))?.targetId).toBe(auto.id);
    expect(runs.claim('A', 'static', at(T0), at(T0, 1000))).toBeNull();
    expect(runs.claim('A', 'browser', at(T0), at(T0, 1000))?.targetId).toBe(browser.id);
  });

  it('re-queues a run whose process died once its lease expires: same run, once, and the dead owner cannot finish it', () => {
    const runs = runsRepo(db);
    const target = seedTarget(db);
    const run = runs.enqueue(target.id, 'schedule', { availableAt: T0 }).run;
    runs.claim('dead', 'static', at(T0), at(T0, 60_000));
    expect(runs.recoverExpired(at(T0, 59_999), MAX_LEASE_EXPIRIES)).toEqual({ requeued: [], failed: [] });
    const recovered = runs.recoverExpired(at(T0, 60_000), MAX_LEASE_EXPIRIES);
    expect(recovered.requeued.map((r) => [r.id, r.status, r.leaseExpiries, r.attempt])).toEqual([[run.id, 'queued', 1, 1]]);
    expect(runs.recoverExpired(at(T0, 120_000), MAX_LEASE_EXPIRIES).requeued).toEqual([]);
    expect(runs.finish(run.id, 'dead', done(T0))).toBe(false);
    expect(runs.claim('alive', 'static', at(T0, 60_000), at(T0, 120_000))?.id).toBe(run.id);
    expect(runs.finish(run.id, 'alive', done(T0))).toBe(true);
    expect(runs.list({ limit: 10 }).items.map((r) => r.id)).toEqual([run.id]);
  });

  it('fails a run with timeout after its process died MAX_LEASE_EXPIRIES times', () => {
    const runs = runsRepo(db);
    const target = seedTarget(db);
    const run = runs.enqueue(target.id, 'schedule', { availableAt: T0 }).run;
    let now = at(T0);
    for (let i = 1; i <= MAX_LEASE_EXPIRIES; i += 1) {
      expect(runs.claim(`dead-${i}`, 'static', now, at(now.toISOString(), 1000))?.id).toBe(run.id);
      now = at(now.toISOString(), 1000);
      const { requeued, failed } = runs.recoverExpired(now, MAX_LEASE_EXPIRIES);
      expect(requeued.length + failed.length).toBe(1);
    }
    expect(runs.get(run.id)).toMatchObject({ status: 'failed', code: 'timeout', leaseExpiries: MAX_LEASE_EXPIRIES });
  });
});
