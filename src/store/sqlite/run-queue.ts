import { sql } from 'kysely';
import type { RunQueue, RunRequest } from '../run-queue.ts';
import type { Run } from '../runs.ts';
import type { Queries } from './open-sqlite.ts';
import { bit, nowIso } from './sqlite-values.ts';
import { toRun } from './runs.ts';

const PENDING = ['queued', 'running'];

/** The advisory lock key of due-run planning (Postgres): any constant 64-bit number no other lock uses. */
const PLANNER_LOCK_KEY = 7_262_210_917_150_301n;

export interface RunQueueOptions {
  /** Concurrent claimants pass over rows another one is taking (Postgres) instead of waiting for it. */
  skipLocked?: boolean;
  /** Planning takes a transaction-scoped advisory lock (Postgres); without it every unit of work may plan. */
  advisoryPlannerLock?: boolean;
}

export function sqliteRunQueue(db: Queries, { skipLocked = false, advisoryPlannerLock = false }: RunQueueOptions = {}): RunQueue {
  const insert = async (r: RunRequest, next: { attempt: number; retryOf: number | null }): Promise<{ run: Run; created: boolean }> => {
    // A pending run that finishes between the insert and the lookup leaves neither: then insert again.
    for (let tries = 0; tries < 3; tries += 1) {
      const inserted = await db
        .insertInto('runs')
        .values({
          target_id: r.targetId,
          status: 'queued',
          trigger: r.trigger,
          attempt: next.attempt,
          lane: r.lane,
          queued_at: nowIso(),
          available_at: r.availableAt,
          retry_of: next.retryOf,
        })
        .onConflict((oc) => oc.doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted) return { run: toRun(inserted), created: true };
      const pending = await db
        .selectFrom('runs')
        .selectAll()
        .where('target_id', '=', r.targetId)
        .where('status', 'in', PENDING)
        .executeTakeFirst();
      if (!pending) continue;
      if (r.trigger !== 'manual' || pending.status !== 'queued' || pending.available_at <= r.availableAt)
        return { run: toRun(pending), created: false };
      const forward = await db
        .updateTable('runs')
        .set({ available_at: r.availableAt })
        .where('id', '=', pending.id)
        .where('status', '=', 'queued')
        .returningAll()
        .executeTakeFirst();
      return { run: toRun(forward ?? pending), created: false };
    }
    throw new Error(`run for target ${r.targetId} neither queued nor pending`);
  };

  const take = (now: string, lease: { owner: string; until: string }) =>
    db.updateTable('runs').set({ status: 'running', lease_owner: lease.owner, lease_expires_at: lease.until, started_at: now });

  return {
    enqueue: (request) => insert(request, { attempt: 1, retryOf: null }),
    async retry(failed, availableAt) {
      const request: RunRequest = { targetId: failed.targetId, lane: failed.lane, trigger: 'retry', availableAt };
      return (await insert(request, { attempt: failed.attempt + 1, retryOf: failed.id })).run;
    },
    async claim(lane, now, lease) {
      const row = await take(now, lease)
        .where('id', '=', (eb) =>
          eb
            .selectFrom('runs')
            .select('id')
            .where('status', '=', 'queued')
            .where('lane', '=', lane)
            .where('available_at', '<=', now)
            .orderBy('available_at')
            .orderBy('id')
            .limit(1)
            .$if(skipLocked, (qb) => qb.forUpdate().skipLocked()),
        )
        .where('status', '=', 'queued')
        .returningAll()
        .executeTakeFirst();
      return row ? toRun(row) : null;
    },
    async claimById(id, now, lease) {
      const row = await take(now, lease).where('id', '=', id).where('status', '=', 'queued').returningAll().executeTakeFirst();
      return row ? toRun(row) : null;
    },
    async extendLease(id, lease) {
      const { numUpdatedRows } = await db
        .updateTable('runs')
        .set({ lease_expires_at: lease.until })
        .where('id', '=', id)
        .where('status', '=', 'running')
        .where('lease_owner', '=', lease.owner)
        .executeTakeFirst();
      return numUpdatedRows === 1n;
    },
    async complete(id, owner, r) {
      const { numUpdatedRows } = await db
        .updateTable('runs')
        .set({
          status: r.status,
          code: r.code,
          error: r.error,
          fetch_mode: r.fetchMode,
          queue_ms: r.timings.queueMs,
          fetch_ms: r.timings.fetchMs,
          extract_ms: r.timings.extractMs,
          snapshot_id: r.snapshotId,
          http_status: r.httpStatus,
          final_url: r.finalUrl,
          robots_overridden: bit(r.robotsOverridden),
          finished_at: r.finishedAt,
          lease_owner: null,
          lease_expires_at: null,
        })
        .where('id', '=', id)
        .where('status', '=', 'running')
        .where('lease_owner', '=', owner)
        .executeTakeFirst();
      return numUpdatedRows === 1n;
    },
    async recoverExpired(now, maxExpiries) {
      const expired = db
        .updateTable('runs')
        .where('status', '=', 'running')
        .where('lease_expires_at', '<=', now);
      const failed = await expired
        .set((eb) => ({
          status: 'failed',
          code: 'timeout',
          finished_at: now,
          lease_owner: null,
          lease_expires_at: null,
          lease_expiries: eb('lease_expiries', '+', 1),
          // Text and number concatenated: the builder's || only joins values of one type.
          error: sql<string>`'the process running it stopped ' || (lease_expiries + 1) || ' times; given up'`,
        }))
        .where((eb) => eb(eb('lease_expiries', '+', 1), '>=', maxExpiries))
        .returningAll()
        .execute();
      const requeued = await expired
        .set((eb) => ({
          status: 'queued',
          available_at: now,
          lease_owner: null,
          lease_expires_at: null,
          started_at: null,
          lease_expiries: eb('lease_expiries', '+', 1),
        }))
        .where((eb) => eb(eb('lease_expiries', '+', 1), '<', maxExpiries))
        .returningAll()
        .execute();
      return { failed: failed.map(toRun), requeued: requeued.map(toRun) };
    },
    async release(id, owner) {
      const { numUpdatedRows } = await db
        .updateTable('runs')
        .set({ status: 'queued', lease_owner: null, lease_expires_at: null, started_at: null })
        .where('id', '=', id)
        .where('status', '=', 'running')
        .where('lease_owner', '=', owner)
        .executeTakeFirst();
      return numUpdatedRows === 1n;
    },
    async tryLockPlanning() {
      if (!advisoryPlannerLock) return true;
      const { rows } = await sql<{ locked: unknown }>`SELECT pg_try_advisory_xact_lock(${PLANNER_LOCK_KEY.toString()}::bigint) AS locked`.execute(db);
      // The pool hands booleans back as 0/1 (open-pg.ts).
      return rows[0]?.locked === 1 || rows[0]?.locked === true;
    },
  };
}
