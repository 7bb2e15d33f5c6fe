import type { Selectable } from 'kysely';
import type { FailureCode } from '../../../scrapers/fetch/fetch-error.ts';
import { notFound } from '../../errors.ts';
import { toPage } from '../paging.ts';
import type { Lane, Run, RunStatus, RunStore, RunTrigger } from '../runs.ts';
import type { Queries } from './open-sqlite.ts';
import type { RunsTable } from './schema.ts';
import { bool } from './sqlite-values.ts';

export const toRun = (r: Selectable<RunsTable>): Run => ({
  id: r.id,
  targetId: r.target_id,
  status: r.status as RunStatus,
  code: r.code as FailureCode | null,
  error: r.error,
  trigger: r.trigger as RunTrigger,
  attempt: r.attempt,
  lane: r.lane as Lane,
  fetchMode: r.fetch_mode as Lane | null,
  timings: { queueMs: r.queue_ms, fetchMs: r.fetch_ms, extractMs: r.extract_ms },
  snapshotId: r.snapshot_id,
  httpStatus: r.http_status,
  finalUrl: r.final_url,
  robotsOverridden: bool(r.robots_overridden),
  retryOf: r.retry_of,
  leaseExpiries: r.lease_expiries,
  queuedAt: r.queued_at,
  availableAt: r.available_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
});

export function sqliteRuns(db: Queries): RunStore {
  return {
    async get(id) {
      const row = await db.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw notFound('run', id);
      return toRun(row);
    },
    async list(filter) {
      let q = db.selectFrom('runs').selectAll().where('id', '>', filter.after ?? 0);
      if (filter.targetId !== undefined) q = q.where('target_id', '=', filter.targetId);
      if (filter.status !== undefined) q = q.where('status', '=', filter.status);
      if (filter.code !== undefined) q = q.where('code', '=', filter.code);
      if (filter.since !== undefined) q = q.where('queued_at', '>=', filter.since);
      const rows = await q.orderBy('id').limit(filter.limit + 1).execute();
      return toPage(rows.map(toRun), filter.limit);
    },
    async latestFinished(targetIds) {
      if (targetIds.length === 0) return [];
      const newest = db
        .selectFrom('runs')
        .select((eb) => eb.fn.max('id').as('id'))
        .where('target_id', 'in', [...targetIds])
        .where('finished_at', 'is not', null)
        .groupBy('target_id');
      const rows = await db.selectFrom('runs').selectAll().where('id', 'in', newest).orderBy('id').execute();
      return rows.map(toRun);
    },
  };
}
