import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../app-env.ts';
import { targetHistory } from '../../compare/target-history.ts';
import { newRouter } from '../new-router.ts';
import { apiRoute, json } from '../route.ts';
import { IdParam, Timestamp } from '../schemas.ts';
import { Instant } from './changes.ts';

const History = z
  .object({
    targetId: z.number().int(),
    series: z.array(
      z.object({
        field: z.string().openapi({ example: 'price' }),
        type: z.string().openapi({ example: 'money' }),
        points: z.array(z.object({ at: Timestamp, snapshotId: z.number().int(), value: z.string().nullable(), currency: z.string().nullable().optional() })),
      }),
    ),
  })
  .openapi('TargetHistory');

/** `GET /api/targets/:id/history`, mounted on the targets path next to the targets resource. */
export function historyRoutes({ store }: AppDeps) {
  return newRouter().openapi(
    apiRoute({
      method: 'get',
      path: '/{id}/history',
      tags: ['targets'],
      summary: 'A time series per field (price, regular price, availability, promotions, each recipe field) for charts',
      permission: 'offers.read',
      request: {
        params: IdParam,
        query: z.object({
          since: Instant.optional(),
          until: Instant.optional(),
          limit: z.coerce.number().int().min(1).max(10_000).default(1000).openapi({ description: 'at most this many latest snapshots' }),
        }),
      },
      responses: { 200: json(History, 'Series, oldest point first') },
    }),
    async (c) => c.json(await targetHistory(store, c.req.valid('param').id, c.req.valid('query')), 200),
  );
}
