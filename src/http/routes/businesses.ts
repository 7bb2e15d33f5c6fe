import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../app-env.ts';
import { withByIdRoutes } from '../crud-routes.ts';
import { newRouter } from '../new-router.ts';
import { apiRoute, json, jsonBody } from '../route.ts';
import { pageBody, PageQuery, pageOf, pageRequest } from '../paging.ts';
import { QueryBoolean, Timestamp } from '../schemas.ts';
import { BusinessInput, BusinessPatch } from '../../schemas/business.ts';

const Business = z
  .object({
    id: z.number().int(),
    name: z.string(),
    own: z.boolean(),
    website: z.string().nullable(),
    locale: z.string().nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi('Business');

const tags = ['businesses'];

export function businessesRoutes({ store }: AppDeps) {
  const repo = store.businesses;
  const router = newRouter()
    .openapi(
      apiRoute({
        method: 'get',
        path: '/',
        tags,
        summary: 'List businesses (the own one and competitors)',
        permission: 'offers.read',
        request: { query: PageQuery.extend({ own: QueryBoolean.optional(), q: z.string().max(200).optional() }) },
        responses: { 200: json(pageOf(Business), 'A page of businesses') },
      }),
      async (c) => c.json(pageBody(await repo.list(pageRequest(c.req.valid('query')))), 200),
    )
    .openapi(
      apiRoute({
        method: 'post',
        path: '/',
        tags,
        summary: 'Create a business; a second own business is 409',
        permission: 'offers.write',
        request: { body: jsonBody(BusinessInput) },
        responses: { 201: json(Business, 'The created business') },
      }),
      async (c) => c.json(await repo.create(c.req.valid('json')), 201),
    );
  return withByIdRoutes(router, {
    tags,
    noun: 'business',
    schema: Business,
    patch: BusinessPatch,
    repo,
    read: 'offers.read',
    write: 'offers.write',
    deleteSummary: 'Delete a business with its targets and their history',
  });
}
