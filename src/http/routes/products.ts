import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../app-env.ts';
import { withByIdRoutes } from '../crud-routes.ts';
import { newRouter } from '../new-router.ts';
import { apiRoute, json, jsonBody, READ_ROLES, WRITE_ROLES } from '../route.ts';
import { PageQuery, pageOf, Timestamp } from '../schemas.ts';

const Product = z
  .object({
    id: z.number().int(),
    name: z.string(),
    sku: z.string().nullable(),
    gtin: z.string().nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi('Product');

const fields = {
  name: z.string().trim().min(1).max(200).openapi({ example: 'Espresso 250 g' }),
  sku: z.string().trim().min(1).max(100).nullable(),
  gtin: z
    .string()
    .regex(/^\d{8}$|^\d{12,14}$/, 'a GTIN has 8, 12, 13 or 14 digits')
    .nullable(),
};

const ProductInput = z
  .object({ name: fields.name, sku: fields.sku.default(null), gtin: fields.gtin.default(null) })
  .strict()
  .openapi('ProductInput');
const ProductPatch = z.object(fields).partial().strict().openapi('ProductPatch');

const tags = ['products'];

export function productsRoutes({ store }: AppDeps) {
  const repo = store.products;
  const router = newRouter()
    .openapi(
      apiRoute({
        method: 'get',
        path: '/',
        tags,
        summary: 'List products',
        roles: READ_ROLES,
        request: { query: PageQuery.extend({ q: z.string().max(200).optional(), sku: z.string().max(100).optional() }) },
        responses: { 200: json(pageOf(Product), 'A page of products') },
      }),
      async (c) => c.json(await repo.list(c.req.valid('query')), 200),
    )
    .openapi(
      apiRoute({
        method: 'post',
        path: '/',
        tags,
        summary: 'Create a product',
        roles: WRITE_ROLES,
        request: { body: jsonBody(ProductInput) },
        responses: { 201: json(Product, 'The created product') },
      }),
      async (c) => c.json(await repo.create(c.req.valid('json')), 201),
    );
  return withByIdRoutes(router, {
    tags,
    noun: 'product',
    schema: Product,
    patch: ProductPatch,
    repo,
    readRoles: READ_ROLES,
    writeRoles: WRITE_ROLES,
    deleteSummary: 'Delete a product with its targets and their history',
  });
}
