import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../app-env.ts';
import { withByIdRoutes } from '../crud-routes.ts';
import { newRouter } from '../new-router.ts';
import { apiRoute, json, jsonBody, READ_ROLES, WRITE_ROLES } from '../route.ts';
import { PageQuery, pageOf, QueryBoolean, Timestamp } from '../schemas.ts';

export const Locale = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag such as pl-PL')
  .openapi({ example: 'pl-PL' });

const HttpUrl = z
  .url({ protocol: /^https?$/, error: 'an http(s) URL' })
  .max(2048)
  .openapi({ example: 'https://shop.example' });

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

const BusinessInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    own: z.boolean().default(false),
    website: HttpUrl.nullable().default(null),
    locale: Locale.nullable().default(null),
  })
  .strict()
  .openapi('BusinessInput');

const BusinessPatch = z
  .object({
    name: z.string().trim().min(1).max(200),
    own: z.boolean(),
    website: HttpUrl.nullable(),
    locale: Locale.nullable(),
  })
  .partial()
  .strict()
  .openapi('BusinessPatch');

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
        roles: READ_ROLES,
        request: { query: PageQuery.extend({ own: QueryBoolean.optional(), q: z.string().max(200).optional() }) },
        responses: { 200: json(pageOf(Business), 'A page of businesses') },
      }),
      async (c) => c.json(await repo.list(c.req.valid('query')), 200),
    )
    .openapi(
      apiRoute({
        method: 'post',
        path: '/',
        tags,
        summary: 'Create a business; a second own business is 409',
        roles: WRITE_ROLES,
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
    readRoles: READ_ROLES,
    writeRoles: WRITE_ROLES,
    deleteSummary: 'Delete a business with its targets and their history',
  });
}
