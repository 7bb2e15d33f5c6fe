import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../app-env.ts';
import type { Snapshot as StoredSnapshot } from '../../store/snapshots.ts';
import { notFound } from '../../errors.ts';
import { newRouter } from '../new-router.ts';
import { apiRoute, json } from '../route.ts';
import { pageBody, PageQuery, pageOf, pageRequest } from '../paging.ts';
import { ErrorSchema, IdParam, Timestamp } from '../schemas.ts';

const Decimal = z.string().openapi({ description: 'Exact decimal string', example: '49.99' });

const FieldValue = z.object({
  value: z.union([z.string(), z.boolean()]),
  currency: z.string().nullable().optional(),
  text: z.string(),
});

const Offer = z
  .object({
    name: z.string().nullable(),
    price: Decimal.nullable(),
    regularPrice: Decimal.nullable(),
    currency: z.string().nullable(),
    availability: z.enum(['InStock', 'OutOfStock']).nullable(),
    sku: z.string().nullable(),
    gtin: z.string().nullable(),
    brand: z.string().nullable(),
    promotions: z.array(z.string()),
    fields: z.record(z.string(), FieldValue),
  })
  .openapi('Offer');

const Evidence = z.object({
  htmlHash: z.string().nullable().openapi({ description: 'sha256 of the HTML; identical pages are stored once' }),
  htmlBytes: z.number().int().nullable(),
  htmlUrl: z.string().nullable(),
  screenshotType: z.enum(['image/jpeg', 'image/png']).nullable(),
  screenshotBytes: z.number().int().nullable(),
  screenshotUrl: z.string().nullable(),
});

const Snapshot = z
  .object({
    id: z.number().int(),
    targetId: z.number().int(),
    runId: z.number().int().nullable(),
    capturedAt: Timestamp,
    finalUrl: z.string().nullable(),
    offer: Offer,
    provenance: z.record(z.string(), z.string()).openapi({ description: 'Where each value came from (json-ld, recipe, …)' }),
    evidence: Evidence,
  })
  .openapi('Snapshot');

const toBody = (s: StoredSnapshot) => ({
  ...s,
  provenance: s.provenance as Record<string, string>,
  evidence: {
    ...s.evidence,
    htmlUrl: s.evidence.htmlHash ? `/api/snapshots/${s.id}/evidence/html` : null,
    screenshotUrl: s.evidence.screenshotType ? `/api/snapshots/${s.id}/evidence/screenshot` : null,
  },
});

const tags = ['snapshots'];
const missing = { 404: json(ErrorSchema, 'No such snapshot or evidence') };

/** `/api/snapshots`: stored offers and their evidence. */
export function snapshotsRoutes({ store }: AppDeps) {
  return newRouter()
    .openapi(
      apiRoute({
        method: 'get',
        path: '/{id}',
        tags,
        summary: 'Get a snapshot: the offer a run extracted, with its evidence',
        permission: 'offers.read',
        request: { params: IdParam },
        responses: { 200: json(Snapshot, 'The snapshot'), ...missing },
      }),
      async (c) => c.json(toBody(await store.snapshots.get(c.req.valid('param').id)), 200),
    )
    .openapi(
      apiRoute({
        method: 'get',
        path: '/{id}/evidence/html',
        tags,
        summary: "The page's HTML as captured (served sandboxed: it is a stranger's page)",
        permission: 'offers.read',
        request: { params: IdParam },
        responses: { 200: { content: { 'text/html': { schema: z.string() } }, description: 'The HTML' }, ...missing },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const html = await store.snapshots.html(id);
        if (html === null) throw notFound('html evidence of snapshot', id);
        return c.body(html, 200, {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': 'sandbox',
          'x-content-type-options': 'nosniff',
          'cache-control': 'private, max-age=86400, immutable',
        });
      },
    )
    .openapi(
      apiRoute({
        method: 'get',
        path: '/{id}/evidence/screenshot',
        tags,
        summary: 'The screenshot taken by a browser run, if any',
        permission: 'offers.read',
        request: { params: IdParam },
        responses: {
          200: { content: { 'image/jpeg': { schema: z.string().openapi({ format: 'binary' }) } }, description: 'The image' },
          ...missing,
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const shot = await store.snapshots.screenshot(id);
        if (!shot) throw notFound('screenshot of snapshot', id);
        return c.body(new Uint8Array(shot.bytes), 200, {
          'content-type': shot.type,
          'x-content-type-options': 'nosniff',
          'cache-control': 'private, max-age=86400, immutable',
        });
      },
    );
}

/** `GET /api/targets/{id}/snapshots`: a target's snapshots, newest first. */
export function targetSnapshotsRoutes({ store }: AppDeps) {
  return newRouter().openapi(
    apiRoute({
      method: 'get',
      path: '/{id}/snapshots',
      tags,
      summary: "A target's snapshots, newest first",
      permission: 'offers.read',
      request: { params: IdParam, query: PageQuery },
      responses: { 200: json(pageOf(Snapshot), 'A page of snapshots'), 404: json(ErrorSchema, 'No such target') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await store.targets.get(id);
      const page = await store.snapshots.listForTarget(id, pageRequest(c.req.valid('query')));
      return c.json(pageBody({ ...page, items: page.items.map(toBody) }), 200);
    },
  );
}
