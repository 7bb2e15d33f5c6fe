import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import type { AppDeps, AppEnv } from './app-env.ts';
import { authenticate } from './auth.ts';
import { renderDocsPage } from './docs-page.ts';
import { errorBody, errorHandler, validationHook } from './errors.ts';
import { DomainError } from '../errors.ts';
import { healthRoutes } from './routes/health.ts';
import { businessesRoutes } from './routes/businesses.ts';
import { productsRoutes } from './routes/products.ts';
import { targetsRoutes } from './routes/targets.ts';
import { tokensRoutes } from './routes/tokens.ts';
import { changesRoutes } from './routes/changes.ts';
import { historyRoutes } from './routes/history.ts';
import { comparisonRoutes, productComparisonRoutes } from './routes/comparison.ts';
import { alertDeliveriesRoutes, alertRulesRoutes } from './routes/alerts.ts';
import { runsRoutes, targetRunsRoutes } from './routes/runs.ts';
import { snapshotsRoutes, targetSnapshotsRoutes } from './routes/snapshots.ts';
import { templatesRoutes } from './routes/templates.ts';
import { EVIDENCE_UPLOAD_PATH, visitEvidenceRoutes } from './routes/visit-evidence.ts';
import { visitsRoutes } from './routes/visits.ts';
import { reportsRoutes } from './routes/reports.ts';
import { isPagePath, webRoutes } from '../web/web-routes.tsx';
import { pageNotFound } from '../web/layout/error-page.tsx';
import type { WebEnv } from '../web/web-env.ts';

const JSON_BODY_LIMIT = 1024 * 1024;
const PUBLIC_PATHS = new Set(['/api/health', '/api/openapi.json', '/api/docs']);

/** The whole HTTP API; used by `serve` and by the tests through app.request(). */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use(requestId());
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    deps.logger.info(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
        user: c.get('principal')?.name,
      },
      'request',
    );
  });
  const jsonBodyLimit = bodyLimit({
    maxSize: JSON_BODY_LIMIT,
    onError: () => {
      throw new DomainError('too_large', 'payload_too_large', `request body over ${JSON_BODY_LIMIT} bytes`);
    },
  });
  // evidence uploads have their own, larger limit
  app.use('/api/*', (c, next) => (EVIDENCE_UPLOAD_PATH.test(c.req.path) ? next() : jsonBodyLimit(c, next)));
  const auth = authenticate(deps.store);
  app.use('/api/*', (c, next) => (PUBLIC_PATHS.has(c.req.path) ? next() : auth(c, next)));

  app.route('/api/health', healthRoutes(deps));
  app.route('/api/businesses', businessesRoutes(deps));
  app.route('/api/products', productsRoutes(deps));
  app.route('/api/targets', targetsRoutes(deps));
  app.route('/api/tokens', tokensRoutes(deps));
  app.route('/api/changes', changesRoutes(deps));
  app.route('/api/targets', historyRoutes(deps));
  app.route('/api/products', productComparisonRoutes(deps));
  app.route('/api/comparison', comparisonRoutes(deps));
  app.route('/api/alert-rules', alertRulesRoutes(deps));
  app.route('/api/alert-deliveries', alertDeliveriesRoutes(deps));
  app.route('/api/targets', targetRunsRoutes(deps));
  app.route('/api/targets', targetSnapshotsRoutes(deps));
  app.route('/api/runs', runsRoutes(deps));
  app.route('/api/snapshots', snapshotsRoutes(deps));
  app.route('/api/templates', templatesRoutes(deps));
  app.route('/api/visits', visitsRoutes(deps));
  app.route('/api/visits', visitEvidenceRoutes(deps));
  app.route('/api/reports', reportsRoutes(deps));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  const info = { title: 'rivalscope', version: '0.1.0' };
  app.doc31('/api/openapi.json', { openapi: '3.1.0', info });
  app.get('/api/docs', (c) => c.html(renderDocsPage(app.getOpenAPI31Document({ openapi: '3.1.0', info }) as never)));

  app.route('/', webRoutes(deps) as never);

  app.notFound((c) =>
    isPagePath(c.req.path)
      ? pageNotFound(c as unknown as Context<WebEnv>)
      : c.json(errorBody('not_found', `no route for ${c.req.method} ${c.req.path}`), 404),
  );
  app.onError(errorHandler(deps));
  return app;
}

export type App = ReturnType<typeof createApp>;
