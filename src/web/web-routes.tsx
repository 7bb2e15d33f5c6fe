import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { SignInLimiter } from '../auth/sign-in-limiter.ts';
import type { AppDeps } from '../http/app-env.ts';
import { adminRoutes } from './admin/admin-routes.tsx';
import { alertsRoutes } from './alerts/alerts-routes.tsx';
import { assetRoutes } from './assets/asset-routes.ts';
import { webAssets } from './assets/build-assets.ts';
import { authRoutes } from './auth/auth-routes.tsx';
import { offersRoutes } from './offers/offers-routes.tsx';
import { requireSignedIn } from './auth/page-access.ts';
import { sessionFromCookie } from './auth/session-cookie.ts';
import { targetsRoutes } from './targets/targets-routes.tsx';
import { pageContext } from './page-context.ts';
import { changesRoutes } from './changes/changes-routes.tsx';
import { productsRoutes } from './products/products-routes.tsx';
import { csrfProtection } from './security/csrf.ts';
import { pageSecurityHeaders } from './security/security-headers.ts';
import { csrfRefused, renderErrorPage } from './layout/error-page.tsx';
import type { WebEnv } from './web-env.ts';

/** True for paths that are pages (not the JSON API, not bundled assets). */
export const isPagePath = (path: string) => !path.startsWith('/api/') && path !== '/api' && !path.startsWith('/assets/');

/** Forms post a few fields; a page that takes uploads raises this for its own route. */
const FORM_BODY_LIMIT = 64 * 1024;

const pagesOnly =
  (middleware: MiddlewareHandler<WebEnv>): MiddlewareHandler<WebEnv> =>
  (c, next) =>
    isPagePath(c.req.path) ? middleware(c, next) : next();

/**
 * The pages for people, mounted at `/` beside the API: security headers, the session, CSRF, assets, sign-in
 * and the areas. Every page but sign-in and set-password needs a signed-in person.
 */
export function webRoutes({ store, config }: AppDeps) {
  const assets = webAssets();
  const web = new Hono<WebEnv>();
  web.route('/assets', assetRoutes(assets));
  web.use(pagesOnly(pageSecurityHeaders()));
  web.use(pagesOnly(pageContext(assets)));
  web.use(pagesOnly(sessionFromCookie(store)));
  const formLimit = bodyLimit({
    maxSize: FORM_BODY_LIMIT,
    onError: (c) => renderErrorPage(c, 413, 'Too much data', 'The form sent more than a page may send. Go back and shorten it.'),
  });
  web.use(pagesOnly(formLimit));
  web.use(pagesOnly(csrfProtection(csrfRefused)));
  web.route('/', authRoutes(store, new SignInLimiter()));
  web.use(pagesOnly(requireSignedIn));
  web.route('/', offersRoutes(store, config));
  web.route('/', productsRoutes(store));
  web.route('/', changesRoutes(store));
  web.route('/', targetsRoutes(store, config));
  web.route('/', alertsRoutes(store, config));
  web.route('/', adminRoutes(store, config));
  return web;
}
