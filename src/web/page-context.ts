import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Assets } from './assets/build-assets.ts';
import { TIME_ZONE_COOKIE } from './client/time-zone.ts';
import { localeFrom, timeZoneFrom } from './ui/display-prefs.ts';
import { takeFlash } from './ui/flash.tsx';
import type { WebEnv } from './web-env.ts';

/** Puts what every page renders with on the context: assets, the reader's locale and time zone, a pending flash. */
export function pageContext(assets: Assets): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    c.set('assets', assets);
    c.set('prefs', { locale: localeFrom(c.req.header('accept-language')), timeZone: timeZoneFrom(getCookie(c, TIME_ZONE_COOKIE)) });
    c.set('flash', c.req.method === 'GET' ? takeFlash(c) : null);
    await next();
  };
}
