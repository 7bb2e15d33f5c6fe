import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../app-env.ts';
import { withByIdRoutes } from '../crud-routes.ts';
import { newRouter } from '../new-router.ts';
import { apiRoute, json, jsonBody } from '../route.ts';
import { pageBody, PageQuery, pageOf, pageRequest } from '../paging.ts';
import { Timestamp } from '../schemas.ts';
import { ProductInput, ProductPatch } from '../../schemas/product.ts';

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
        permission: 'offers.read',
        request: { query: PageQuery.extend({ q: z.string().max(200).optional(), sku: z.string().max(100).optional() }) },
        responses: { 200: json(pageOf(Product), 'A page of products') },
      }),
      async (c) => c.json(pageBody(await repo.list(pageRequest(c.req.valid('query')))), 200),
    )
    .openapi(
      apiRoute({
        method: 'post',
        path: '/',
        tags,
        summary: 'Create a product',
        permission: 'offers.write',
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
    read: 'offers.read',
    write: 'offers.write',
    deleteSummary: 'Delete a product with its targets and their history',
  });
}
