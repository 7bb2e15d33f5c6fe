import { Hono, type MiddlewareHandler } from 'hono';
import { assetRoutes } from './assets/asset-routes.ts';
import { webAssets } from './assets/build-assets.ts';
import { safeNext } from './auth/safe-next.ts';
import { SignInForm } from './auth/sign-in-page.tsx';
import { renderSignedOutPage } from './layout/render-page.tsx';
import { pageContext } from './page-context.ts';
import { csrfProtection } from './security/csrf.ts';
import { pageSecurityHeaders } from './security/security-headers.ts';
import { csrfRefused, pageNotFound } from './ui/error-page.tsx';
import type { WebEnv } from './web-env.ts';

/** True for paths that are pages (not the JSON API, not bundled assets). */
export const isPagePath = (path: string) => !path.startsWith('/api/') && path !== '/api' && !path.startsWith('/assets/');

const pagesOnly =
  (middleware: MiddlewareHandler<WebEnv>): MiddlewareHandler<WebEnv> =>
  (c, next) =>
    isPagePath(c.req.path) ? middleware(c, next) : next();

/** The pages for people, mounted at `/` beside the API: security headers, CSRF, assets, sign-in and the areas. */
export function webRoutes() {
  const assets = webAssets();
  const web = new Hono<WebEnv>();
  web.route('/assets', assetRoutes(assets));
  web.use(pagesOnly(pageSecurityHeaders()));
  web.use(pagesOnly(pageContext(assets)));
  web.use(pagesOnly(csrfProtection(csrfRefused)));

  web.get('/sign-in', (c) => {
    const next = safeNext(c.req.query('next'));
    if (c.var.person) return c.redirect(next, 303);
    const body = <SignInForm csrfToken={c.var.csrfToken} next={next === '/' ? undefined : next} />;
    return renderSignedOutPage(c, { title: 'Sign in', body });
  });

  web.get('/', (c) => {
    if (!c.var.person) return c.redirect('/sign-in', 303);
    return pageNotFound(c);
  });

  return web;
}
