import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../app-env.ts';
import { findChromium } from '../../../scrapers/fetch/chromium-path.ts';
import { newRouter } from '../new-router.ts';
import { json } from '../route.ts';

const Health = z
  .object({
    status: z.enum(['ok', 'degraded']),
    db: z.enum(['ok', 'error']),
    browser: z.object({ available: z.boolean(), path: z.string().nullable() }),
  })
  .openapi('Health');

/** Unauthenticated: for load balancers and the first look of a new user. */
export function healthRoutes({ store, config }: AppDeps) {
  return newRouter().openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['health'],
      summary: 'Service health: database and browser availability (no auth)',
      responses: { 200: json(Health, 'Health'), 503: json(Health, 'The database is unreachable') },
    }),
    async (c) => {
      // A cheap read: whether the database answers.
      const dbOk = await store.businesses.list({ limit: 1 }).then(
        () => true,
        () => false,
      );
      const path = findChromium(config.chromiumPath);
      const body = {
        status: dbOk ? ('ok' as const) : ('degraded' as const),
        db: dbOk ? ('ok' as const) : ('error' as const),
        browser: { available: path !== null, path },
      };
      return dbOk ? c.json(body, 200) : c.json(body, 503);
    },
  );
}
