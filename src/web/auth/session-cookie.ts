import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SESSION_MAX_MS } from '../../people/people-policy.ts';
import { sessionPerson } from '../../people/sessions.ts';
import type { Store } from '../../store/store.ts';
import { cookieOptions } from '../security/cookie-options.ts';
import { PRE_SESSION_COOKIE } from '../security/csrf.ts';
import type { WebEnv } from '../web-env.ts';

/** The browser's session id. */
export const SESSION_COOKIE = 'rs_session';

/** Puts the person behind the session cookie (and the session id) on the context; drops a cookie whose session ended. */
export function sessionFromCookie(store: Store): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    const id = getCookie(c, SESSION_COOKIE);
    const person = id ? await sessionPerson(store, id) : null;
    if (id && !person) deleteCookie(c, SESSION_COOKIE, { path: '/' });
    c.set('person', person);
    c.set('sessionId', person ? id! : null);
    await next();
  };
}

/** Hands the browser its new session id; the pre-session secret is no longer needed. */
export function setSessionCookie(c: Context, sessionId: string): void {
  setCookie(c, SESSION_COOKIE, sessionId, cookieOptions(c, SESSION_MAX_MS / 1000));
  deleteCookie(c, PRE_SESSION_COOKIE, { path: '/' });
}

export const clearSessionCookie = (c: Context) => deleteCookie(c, SESSION_COOKIE, { path: '/' });
