import type { Db } from './open-db.ts';
import { notFound } from '../errors.ts';
import { toPage, type Page } from './paging.ts';
import type { FailureCode } from '../../scrapers/fetch/fetch-error.ts';

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed';
export type RunTrigger = 'schedule' | 'manual' | 'catch_up' | 'retry';
export type Lane = 'static' | 'browser';

export interface RunTimings {
  /** From due (available) to the start of fetching, politeness waits included. */
  queueMs: number | null;
  fetchMs: number | null;
  extractMs: number | null;
}

export interface Run {
  id: number;
  targetId: number;
  status: RunStatus;
  code: FailureCode | null;
  error: string | null;
  trigger: RunTrigger;
  attempt: number;
  fetchMode: Lane | null;
  timings: RunTimings;
  snapshotId: number | null;
  httpStatus: number | null;
  finalUrl: string | null;
  robotsOverridden: boolean;
  /** The failed run this one retries. */
  retryOf: number | null;
  /** Times the run was found `running` with its lease expired (its process died) and re-queued. */
  leaseExpiries: number;
  queuedAt: string;
  availableAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

interface RunRow {
  id: number;
  target_id: number;
  status: RunStatus;
  code: FailureCode | null;
  error: string | null;
  trigger: RunTrigger;
  attempt: number;
  fetch_mode: Lane | null;
  queued_at: string;
  available_at: string;
  started_at: string | null;
  finished_at: string | null;
  lease_owner: string | null;
  lease_expires_at: string | null;
  queue_ms: number | null;
  fetch_ms: number | null;
  extract_ms: number | null;
  snapshot_id: number | null;
  lease_expiries: number;
  http_status: number | null;
  final_url: string | null;
  robots_overridden: number;
  retry_of: number | null;
}

const toRun = (r: RunRow): Run => ({
  id: r.id,
  targetId: r.target_id,
  status: r.status,
  code: r.code,
  error: r.error,
  trigger: r.trigger,
  attempt: r.attempt,
  fetchMode: r.fetch_mode,
  timings: { queueMs: r.queue_ms, fetchMs: r.fetch_ms, extractMs: r.extract_ms },
  snapshotId: r.snapshot_id,
  httpStatus: r.http_status,
  finalUrl: r.final_url,
  robotsOverridden: r.robots_overridden === 1,
  retryOf: r.retry_of,
  leaseExpiries: r.lease_expiries,
  queuedAt: r.queued_at,
  availableAt: r.available_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
});

export interface RunFilter {
  targetId?: number;
  status?: RunStatus;
  code?: FailureCode;
  since?: string;
  after?: number;
  limit: number;
}

export interface EnqueueOptions {
  availableAt: string;
  attempt?: number;
  retryOf?: number;
}

/** How a finished run is recorded; only the lease holder can finish a run. */
export interface RunResult {
  status: 'succeeded' | 'failed';
  code: FailureCode | null;
  error: string | null;
  fetchMode: Lane | null;
  timings: RunTimings;
  snapshotId: number | null;
  httpStatus: number | null;
  finalUrl: string | null;
  robotsOverridden: boolean;
  finishedAt: string;
}

/** The lane a target's runs use: its fetch mode, or for `auto` the mode it learned (static until then). */
export const LANE_SQL = `CASE WHEN t.fetch_mode = 'auto' THEN coalesce(t.learned_mode, 'static') ELSE t.fetch_mode END`;

export function runsRepo(db: Db) {
  const insert = db.prepare<Record<string, string | number | null>>(
    `INSERT OR IGNORE INTO runs (target_id, status, trigger, attempt, queued_at, available_at, retry_of)
     VALUES (:targetId, 'queued', :trigger, :attempt, :now, :availableAt, :retryOf)`,
  );
  const pending = db.prepare<[number], RunRow>(`SELECT * FROM runs WHERE target_id = ? AND status IN ('queued', 'running')`);
  const bringForward = db.prepare(`UPDATE runs SET available_at = :now WHERE id = :id AND status = 'queued' AND available_at > :now`);
  const byId = db.prepare<[number], RunRow>('SELECT * FROM runs WHERE id = ?');
  const claim = db.prepare<{ owner: string; now: string; leaseUntil: string; lane: Lane }, RunRow>(
    `UPDATE runs SET status = 'running', lease_owner = :owner, lease_expires_at = :leaseUntil, started_at = :now
     WHERE id = (
       SELECT r.id FROM runs r JOIN targets t ON t.id = r.target_id
       WHERE r.status = 'queued' AND r.available_at <= :now AND ${LANE_SQL} = :lane
       ORDER BY r.available_at, r.id LIMIT 1)
     AND status = 'queued'
     RETURNING *`,
  );
  const claimById = db.prepare<{ id: number; owner: string; now: string; leaseUntil: string }, RunRow>(
    `UPDATE runs SET status = 'running', lease_owner = :owner, lease_expires_at = :leaseUntil, started_at = :now
     WHERE id = :id AND status = 'queued' RETURNING *`,
  );
  const finish = db.prepare<Record<string, string | number | null>>(
    `UPDATE runs SET status = :status, code = :code, error = :error, fetch_mode = :fetchMode, queue_ms = :queueMs,
       fetch_ms = :fetchMs, extract_ms = :extractMs, snapshot_id = :snapshotId, http_status = :httpStatus,
       final_url = :finalUrl, robots_overridden = :robotsOverridden, finished_at = :finishedAt,
       lease_owner = NULL, lease_expires_at = NULL
     WHERE id = :id AND status = 'running' AND lease_owner = :owner`,
  );
  const requeueExpired = db.prepare<{ now: string; maxExpiries: number }, RunRow>(
    `UPDATE runs SET status = 'queued', available_at = :now, lease_owner = NULL, lease_expires_at = NULL,
       started_at = NULL, lease_expiries = lease_expiries + 1
     WHERE status = 'running' AND lease_expires_at <= :now AND lease_expiries + 1 < :maxExpiries
     RETURNING *`,
  );
  const failExpired = db.prepare<{ now: string; maxExpiries: number }, RunRow>(
    `UPDATE runs SET status = 'failed', code = 'timeout', finished_at = :now, lease_owner = NULL, lease_expires_at = NULL,
       lease_expiries = lease_expiries + 1,
       error = 'the process running it stopped ' || (lease_expiries + 1) || ' times; given up'
     WHERE status = 'running' AND lease_expires_at <= :now AND lease_expiries + 1 >= :maxExpiries
     RETURNING *`,
  );
  const list = db.prepare<Record<string, string | number | null>, RunRow>(
    `SELECT * FROM runs WHERE id > :after
       AND (:targetId IS NULL OR target_id = :targetId) AND (:status IS NULL OR status = :status)
       AND (:code IS NULL OR code = :code) AND (:since IS NULL OR queued_at >= :since)
     ORDER BY id LIMIT :limit`,
  );
  const nextAvailable = db.prepare<[], string | null>(`SELECT min(available_at) FROM runs WHERE status = 'queued'`).pluck();

  const get = (id: number): Run => {
    const row = byId.get(id);
    if (!row) throw notFound('run', id);
    return toRun(row);
  };

  return {
    get,
    /**
     * Queues a run unless the target already has one queued or running (that one is returned instead;
     * a manual request brings a queued one forward to now).
     */
    enqueue(targetId: number, trigger: RunTrigger, options: EnqueueOptions): { run: Run; created: boolean } {
      return db.transaction(() => {
        const now = new Date().toISOString();
        const info = insert.run({
          targetId,
          trigger,
          attempt: options.attempt ?? 1,
          now,
          availableAt: options.availableAt,
          retryOf: options.retryOf ?? null,
        });
        if (info.changes > 0) return { run: get(Number(info.lastInsertRowid)), created: true };
        const existing = pending.get(targetId);
        if (!existing) throw new Error(`run for target ${targetId} neither inserted nor pending`);
        if (trigger === 'manual') bringForward.run({ id: existing.id, now: options.availableAt });
        return { run: get(existing.id), created: false };
      })();
    },
    /** Atomically takes the next due run of a lane for `owner` until `leaseUntil`; null when none is due. */
    claim(owner: string, lane: Lane, now: Date, leaseUntil: Date): Run | null {
      const row = claim.get({ owner, lane, now: now.toISOString(), leaseUntil: leaseUntil.toISOString() });
      return row ? toRun(row) : null;
    },
    /** Takes this queued run (due or not) for `owner`; null when it is not queued (another process has it). */
    claimById(id: number, owner: string, now: Date, leaseUntil: Date): Run | null {
      const row = claimById.get({ id, owner, now: now.toISOString(), leaseUntil: leaseUntil.toISOString() });
      return row ? toRun(row) : null;
    },
    /** Records the result if `owner` still holds the lease; false when the run was taken away meanwhile. */
    finish(id: number, owner: string, r: RunResult): boolean {
      const { timings, robotsOverridden, ...rest } = r;
      return finish.run({ ...rest, ...timings, robotsOverridden: robotsOverridden ? 1 : 0, id, owner }).changes === 1;
    },
    /**
     * Runs left `running` by a process that died (lease expired) go back to the queue, keeping their id and
     * attempt; after `maxExpiries` such deaths a run fails with `timeout` instead of killing the next process.
     */
    recoverExpired(now: Date, maxExpiries: number): { requeued: Run[]; failed: Run[] } {
      const params = { now: now.toISOString(), maxExpiries };
      return db.transaction(() => ({
        failed: failExpired.all(params).map(toRun),
        requeued: requeueExpired.all(params).map(toRun),
      }))();
    },
    /** When the earliest queued run becomes due (ISO), or null with an empty queue. */
    nextAvailableAt(): string | null {
      return nextAvailable.get() ?? null;
    },
    list(filter: RunFilter): Page<Run> {
      const rows = list.all({
        after: filter.after ?? 0,
        targetId: filter.targetId ?? null,
        status: filter.status ?? null,
        code: filter.code ?? null,
        since: filter.since ?? null,
        limit: filter.limit + 1,
      });
      return toPage(rows.map(toRun), filter.limit);
    },
  };
}

export type RunsRepo = ReturnType<typeof runsRepo>;
