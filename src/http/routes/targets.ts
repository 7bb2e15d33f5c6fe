import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../app-env.ts';
import { recipeSchema } from '../../../scrapers/recipe.ts';
import { FetchMode, TargetInput, TargetPatch } from '../../schemas/target.ts';
import { withByIdRoutes } from '../crud-routes.ts';
import { newRouter } from '../new-router.ts';
import { apiRoute, json, jsonBody } from '../route.ts';
import { pageBody, PageQuery, pageOf, pageRequest } from '../paging.ts';
import { QueryBoolean, Timestamp } from '../schemas.ts';

const Target = z
  .object({
    id: z.number().int(),
    businessId: z.number().int(),
    productId: z.number().int(),
    url: z.string(),
    fetch: FetchMode,
    learnedMode: z.enum(['static', 'browser']).nullable(),
    schedule: z.string(),
    locale: z.string().nullable(),
    currency: z.string().nullable(),
    recipe: recipeSchema.nullable(),
    enabled: z.boolean(),
    respectRobots: z.boolean(),
    minPriceDelta: z.string().nullable(),
    health: z.enum(['ok', 'broken']),
    healthReason: z.string().nullable(),
    consecutiveFailures: z.number().int(),
    nextRunAt: Timestamp.nullable(),
    lastSuccessAt: Timestamp.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi('Target');

const tags = ['targets'];

export function targetsRoutes({ store }: AppDeps) {
  const repo = store.targets;
  const router = newRouter()
    .openapi(
      apiRoute({
        method: 'get',
        path: '/',
        tags,
        summary: 'List targets; filter by business, product, health (e.g. broken) and enabled',
        permission: 'offers.read',
        request: {
          query: PageQuery.extend({
            businessId: z.coerce.number().int().positive().optional(),
            productId: z.coerce.number().int().positive().optional(),
            health: z.enum(['ok', 'broken']).optional(),
            enabled: QueryBoolean.optional(),
          }),
        },
        responses: { 200: json(pageOf(Target), 'A page of targets') },
      }),
      async (c) => c.json(pageBody(await repo.list(pageRequest(c.req.valid('query')))), 200),
    )
    .openapi(
      apiRoute({
        method: 'post',
        path: '/',
        tags,
        summary: 'Create a target: one page of one business for one product',
        permission: 'offers.write',
        request: { body: jsonBody(TargetInput) },
        responses: { 201: json(Target, 'The created target') },
      }),
      async (c) => c.json(await repo.create(c.req.valid('json')), 201),
    );
  return withByIdRoutes(router, {
    tags,
    noun: 'target',
    schema: Target,
    patch: TargetPatch,
    repo,
    read: 'offers.read',
    write: 'offers.write',
    deleteSummary: 'Delete a target with its runs, snapshots and changes',
  });
}
