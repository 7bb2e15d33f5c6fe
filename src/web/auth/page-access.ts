import type { MiddlewareHandler } from 'hono';
import { can, type Permission } from '../../permissions.ts';
import { renderErrorPage } from '../layout/error-page.tsx';
import type { WebEnv } from '../web-env.ts';

/** Pages anyone may open; every other page sends a signed-out browser to sign in (and back afterwards). */
const SIGNED_OUT_PAGES = new Set(['/sign-in', '/set-password']);

export const requireSignedIn: MiddlewareHandler<WebEnv> = async (c, next) => {
  if (c.var.person || SIGNED_OUT_PAGES.has(c.req.path)) return next();
  if (c.req.method !== 'GET') return renderErrorPage(c, 401, 'Signed out', 'You are signed out. Sign in and try again.');
  const url = new URL(c.req.url);
  const back = url.pathname === '/' ? '' : `?next=${encodeURIComponent(url.pathname + url.search)}`;
  // htmx would swap the sign-in page into a fragment; HX-Redirect makes it load the page instead
  if (c.req.header('hx-request') === 'true') return c.body(null, 401, { 'HX-Redirect': `/sign-in${back}` });
  return c.redirect(`/sign-in${back}`, 303);
};

/** Refuses the role a permission does not include with a 403 page (the pages also never show such actions). */
export const requirePermission =
  (permission: Permission): MiddlewareHandler<WebEnv> =>
  async (c, next) => {
    if (c.var.person && can(c.var.person.role, permission)) return next();
    return renderErrorPage(c, 403, 'Not for your role', 'Your role does not include this page or action. An administrator can change your role.');
  };
