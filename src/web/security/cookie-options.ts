import type { Context } from 'hono';
import type { CookieOptions } from 'hono/utils/cookie';

/** True when the browser reached us over HTTPS, directly or through a proxy that says so. */
export function isHttps(c: Context): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

/** Our cookies: HttpOnly, SameSite=Lax, whole site, Secure over HTTPS. Without maxAge: until the browser closes. */
export function cookieOptions(c: Context, maxAgeSeconds?: number): CookieOptions {
  const options: CookieOptions = { path: '/', httpOnly: true, sameSite: 'Lax', secure: isHttps(c) };
  if (maxAgeSeconds !== undefined) options.maxAge = maxAgeSeconds;
  return options;
}
