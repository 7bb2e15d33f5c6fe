import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../app-env.ts';
import { recipeSchema } from '../../../scrapers/recipe.ts';
import { scheduleProblem } from '../../scheduler/schedule.ts';
import { withByIdRoutes } from '../crud-routes.ts';
import { newRouter } from '../new-router.ts';
import { apiRoute, json, jsonBody, READ_ROLES, WRITE_ROLES } from '../route.ts';
import { PageQuery, pageOf, QueryBoolean, Timestamp } from '../schemas.ts';
import { Locale } from './businesses.ts';

const FetchMode = z.enum(['static', 'browser', 'auto']);

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

const fields = {
  businessId: z.number().int().positive(),
  productId: z.number().int().positive(),
  url: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).max(2048),
  fetch: FetchMode,
  schedule: z
    .string()
    .max(100)
    .superRefine((s, ctx) => {
      const problem = scheduleProblem(s);
      if (problem) ctx.addIssue({ code: 'custom', message: `invalid cron schedule: ${problem}` });
    })
    .openapi({ example: '0 */6 * * *' }),
  locale: Locale.nullable(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as PLN')
    .nullable(),
  recipe: recipeSchema.nullable(),
  enabled: z.boolean(),
  respectRobots: z.boolean().openapi({ description: 'Honour robots.txt (default true); the override is recorded' }),
  minPriceDelta: z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'a decimal amount such as "0.50"')
    .nullable()
    .openapi({ description: 'Price changes smaller than this are not recorded' }),
};

const TargetInput = z
  .object({
    ...fields,
    fetch: fields.fetch.default('auto'),
    schedule: fields.schedule.default('0 */6 * * *'),
    locale: fields.locale.default(null),
    currency: fields.currency.default(null),
    recipe: fields.recipe.default(null),
    enabled: fields.enabled.default(true),
    respectRobots: fields.respectRobots.default(true),
    minPriceDelta: fields.minPriceDelta.default(null),
  })
  .strict()
  .openapi('TargetInput');
const TargetPatch = z.object(fields).partial().strict().openapi('TargetPatch');

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
        roles: READ_ROLES,
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
      async (c) => c.json(await repo.list(c.req.valid('query')), 200),
    )
    .openapi(
      apiRoute({
        method: 'post',
        path: '/',
        tags,
        summary: 'Create a target: one page of one business for one product',
        roles: WRITE_ROLES,
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
    readRoles: READ_ROLES,
    writeRoles: WRITE_ROLES,
    deleteSummary: 'Delete a target with its runs, snapshots and changes',
  });
}
