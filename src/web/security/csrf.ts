import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { csrf as originCheck } from 'hono/csrf';
import { newSecret } from '../../auth/secret-token.ts';
import { cookieOptions } from './cookie-options.ts';
import type { WebEnv } from '../web-env.ts';

/**
 * CSRF protection, two independent checks on every state-changing request (POST, PUT, PATCH, DELETE):
 *
 * 1. Origin: hono's csrf() refuses form posts whose Sec-Fetch-Site is not same-origin and whose Origin is not ours.
 * 2. Synchronizer token: the request carries `_csrf` (form field) or `X-CSRF-Token` (header; htmx adds it from
 *    <meta name="csrf-token">) equal to HMAC-SHA256(secret, …), where the secret is the browser's session id
 *    (c.var.sessionId, set by the session middleware that runs first) or, before sign-in, a random pre-session
 *    cookie. Both are HttpOnly, so another site can neither read nor compute the token; a new session id at
 *    sign-in gives a new token. Nothing extra is stored on the server.
 *
 * The token alone would do; the origin check is defence in depth against a token that leaked into a page.
 */
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** The pre-session secret of a browser that is not signed in. */
export const PRE_SESSION_COOKIE = 'rs_pre';

export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const checkOrigin = originCheck();

export function csrfTokenFor(secret: string): string {
  return createHmac('sha256', secret).update('rivalscope csrf v1').digest('base64url');
}

function tokensMatch(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function sentToken(c: Context): Promise<string | undefined> {
  const header = c.req.header(CSRF_HEADER);
  if (header) return header;
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(c.req.header('content-type') ?? '')) return undefined;
  const field = (await c.req.parseBody())[CSRF_FIELD]; // hono caches the parsed body for the handler
  return typeof field === 'string' ? field : undefined;
}

/** Both checks for a state-changing request whose token must be bound to `secret`. */
export async function csrfRequestValid(c: Context, secret: string): Promise<boolean> {
  const sent = await sentToken(c);
  if (!sent || !tokensMatch(sent, csrfTokenFor(secret))) return false;
  try {
    await checkOrigin(c, async () => {});
    return true;
  } catch {
    return false;
  }
}

/** Refuses a state-changing request that fails either check with `refuse(c)`; sets c.var.csrfToken for pages. */
export function csrfProtection(refuse: (c: Context<WebEnv>) => Response | Promise<Response>): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    let secret = c.var.sessionId ?? getCookie(c, PRE_SESSION_COOKIE);
    const hadSecret = secret !== undefined;
    if (!secret) {
      secret = newSecret();
      setCookie(c, PRE_SESSION_COOKIE, secret, cookieOptions(c));
    }
    c.set('csrfToken', csrfTokenFor(secret));
    if (!SAFE_METHODS.has(c.req.method) && !(hadSecret && (await csrfRequestValid(c, secret)))) return refuse(c);
    await next();
  };
}
