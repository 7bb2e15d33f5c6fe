import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../app-env.ts';
import { CHANGE_KINDS } from '../../compare/diff-snapshots.ts';
import { csvLine } from '../../csv.ts';
import type { Change } from '../../store/changes.ts';
import { newRouter } from '../new-router.ts';
import { apiRoute, json } from '../route.ts';
import { pageBody, PageQuery, pageOf, pageRequest } from '../paging.ts';
import { Timestamp } from '../schemas.ts';
import { download, ExportFormat } from '../../compare/download.ts';

export const ChangeSchema = z
  .object({
    id: z.number().int(),
    targetId: z.number().int(),
    field: z.string().openapi({ example: 'price', description: 'price, regularPrice, currency, availability, promotions, name or fields.<key>' }),
    old: z.string().nullable(),
    new: z.string().nullable(),
    delta: z.string().nullable().openapi({ description: 'new − old as an exact decimal, for amounts in one currency' }),
    deltaPercent: z.number().nullable(),
    kind: z.enum(CHANGE_KINDS),
    snapshotId: z.number().int(),
    previousSnapshotId: z.number().int().nullable(),
    detectedAt: Timestamp,
  })
  .openapi('Change');

/** An ISO date-time with any offset, compared as UTC like the stored times. */
export const Instant = z.iso
  .datetime({ offset: true })
  .transform((s) => new Date(s).toISOString())
  .openapi({ type: 'string', format: 'date-time' });

const Filters = z.object({
  businessId: z.coerce.number().int().positive().optional(),
  productId: z.coerce.number().int().positive().optional(),
  targetId: z.coerce.number().int().positive().optional(),
  field: z.string().max(100).optional(),
  kind: z.enum(CHANGE_KINDS).optional(),
  since: Instant.optional().openapi({ description: 'detected at or after' }),
  until: Instant.optional().openapi({ description: 'detected before' }),
});

const COLUMNS = ['id', 'targetId', 'field', 'kind', 'old', 'new', 'delta', 'deltaPercent', 'snapshotId', 'previousSnapshotId', 'detectedAt'] as const;
const tags = ['changes'];

async function* csvOf(changes: AsyncIterable<Change>): AsyncGenerator<string> {
  yield csvLine(COLUMNS);
  for await (const c of changes) yield csvLine(COLUMNS.map((k) => c[k]));
}

export function changesRoutes({ store }: AppDeps) {
  return newRouter()
    .openapi(
      apiRoute({
        method: 'get',
        path: '/',
        tags,
        summary: 'What changed in offers, in detection order; filter by business, product, target, field, kind and time',
        permission: 'offers.read',
        request: { query: PageQuery.extend(Filters.shape) },
        responses: { 200: json(pageOf(ChangeSchema), 'A page of changes') },
      }),
      async (c) => c.json(pageBody(await store.changes.list(pageRequest(c.req.valid('query')))), 200),
    )
    .openapi(
      apiRoute({
        method: 'get',
        path: '/export',
        tags,
        summary: 'All changes matching the filters as CSV (formula-safe) or a JSON array',
        permission: 'offers.read',
        request: {
          query: Filters.extend({ format: ExportFormat, max: z.coerce.number().int().min(1).max(1_000_000).default(100_000) }),
        },
        responses: { 200: { description: 'The changes, as text/csv or application/json' } },
      }),
      (c) => {
        const { format, max, ...filter } = c.req.valid('query');
        const changes = store.changes.all(filter, max);
        return format === 'csv' ? download('csv', 'changes', csvOf(changes)) : download('json', 'changes', changes);
      },
    );
}
