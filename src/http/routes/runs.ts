import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../app-env.ts';
import { queueManualRun } from '../../scheduler/manual-run.ts';
import type { Run as StoredRun } from '../../store/runs.ts';
import { FAILURE_CODES } from '../../../scrapers/fetch/fetch-error.ts';
import { newRouter } from '../new-router.ts';
import { apiRoute, json } from '../route.ts';
import { pageBody, PageQuery, pageOf, pageRequest } from '../paging.ts';
import { ErrorSchema, IdParam, Timestamp } from '../schemas.ts';

const RunStatus = z.enum(['queued', 'running', 'succeeded', 'failed']);
const FailureCode = z.enum(FAILURE_CODES);
const Ms = z.number().int().nullable();

const Run = z
  .object({
    id: z.number().int(),
    targetId: z.number().int(),
    status: RunStatus,
    code: FailureCode.nullable().openapi({ description: 'Why the run failed; null unless failed' }),
    error: z.string().nullable(),
    trigger: z.enum(['schedule', 'manual', 'catch_up', 'retry']),
    attempt: z.number().int().openapi({ description: '1 for the first try of a check, then 2, 3 … for retries' }),
    fetchMode: z.enum(['static', 'browser']).nullable(),
    timings: z.object({ queueMs: Ms, fetchMs: Ms, extractMs: Ms }),
    snapshotId: z.number().int().nullable(),
    httpStatus: z.number().int().nullable(),
    finalUrl: z.string().nullable(),
    robotsOverridden: z.boolean().openapi({ description: 'robots.txt was not consulted (target override)' }),
    retryOf: z.number().int().nullable(),
    leaseExpiries: z.number().int().openapi({ description: 'Times a stopped process left this run and it was re-queued' }),
    queuedAt: Timestamp,
    availableAt: Timestamp,
    startedAt: Timestamp.nullable(),
    finishedAt: Timestamp.nullable(),
  })
  .openapi('Run');

const TargetId = z.coerce.number().int().positive();

const RunQuery = PageQuery.extend({
  targetId: TargetId.optional(),
  target: TargetId.optional().openapi({ description: 'Alias of targetId' }),
  status: RunStatus.optional(),
  code: FailureCode.optional(),
  since: z.iso
    .datetime({ offset: true })
    .optional()
    .transform((s) => (s === undefined ? undefined : new Date(s).toISOString()))
    .openapi({ type: 'string', description: 'Only runs queued at or after this time' }),
});

const tags = ['runs'];

/** The API shows a run without its lane, the queue's own business. */
const toBody = ({ lane: _, ...run }: StoredRun) => run;

/** `/api/runs`: the run log. */
export function runsRoutes({ store }: AppDeps) {
  return newRouter()
    .openapi(
      apiRoute({
        method: 'get',
        path: '/',
        tags,
        summary: 'List runs, oldest first; filter by target, status, failure code and time',
        permission: 'offers.read',
        request: { query: RunQuery },
        responses: { 200: json(pageOf(Run), 'A page of runs') },
      }),
      async (c) => {
        const { target, targetId, ...rest } = c.req.valid('query');
        const page = await store.runs.list({ ...pageRequest(rest), targetId: targetId ?? target });
        return c.json(pageBody({ ...page, items: page.items.map(toBody) }), 200);
      },
    )
    .openapi(
      apiRoute({
        method: 'get',
        path: '/{id}',
        tags,
        summary: 'Get a run',
        permission: 'offers.read',
        request: { params: IdParam },
        responses: { 200: json(Run, 'The run') },
      }),
      async (c) => c.json(toBody(await store.runs.get(c.req.valid('param').id)), 200),
    );
}

/** `POST /api/targets/{id}/runs`: run a target now. */
export function targetRunsRoutes({ store }: AppDeps) {
  return newRouter().openapi(
    apiRoute({
      method: 'post',
      path: '/{id}/runs',
      tags,
      summary: 'Run a target now: queues a run (or returns the one already queued or running for it)',
      permission: 'offers.write',
      request: { params: IdParam },
      responses: { 202: json(Run, 'The queued run; poll GET /api/runs/{id}'), 404: json(ErrorSchema, 'No such target') },
    }),
    async (c) => {
      const run = await queueManualRun(store, c.req.valid('param').id, new Date());
      return c.json(toBody(run), 202);
    },
  );
}
