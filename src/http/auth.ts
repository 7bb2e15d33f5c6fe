import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { DomainError } from '../errors.ts';
import { sessionPerson } from '../people/sessions.ts';
import type { Store } from '../store/store.ts';
import { SESSION_COOKIE } from '../web/auth/session-cookie.ts';
import { csrfRequestValid, SAFE_METHODS } from '../web/security/csrf.ts';
import type { AppEnv } from './app-env.ts';

/**
 * Requires `Authorization: Bearer <token>` of an active token, or the session cookie of a signed-in person
 * (then a state-changing request also needs the page's `X-CSRF-Token`); sets the caller as `principal`.
 */
export function authenticate(store: Store): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const sessionId = getCookie(c, SESSION_COOKIE);
    if (header === undefined && sessionId) {
      const person = await sessionPerson(store, sessionId);
      if (!person) throw new DomainError('unauthorized', 'unauthorized', 'the session has ended; sign in again');
      if (!SAFE_METHODS.has(c.req.method) && !(await csrfRequestValid(c, sessionId)))
        throw new DomainError('forbidden', 'csrf_failed', 'a request with the session cookie needs the X-CSRF-Token header of a current page');
      c.set('principal', { userId: person.id, name: person.email, role: person.role, tokenId: null });
      return next();
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!match?.[1]) throw new DomainError('unauthorized', 'unauthorized', 'send Authorization: Bearer <token>');
    const principal = await store.users.authenticate(match[1]);
    if (!principal) throw new DomainError('unauthorized', 'unauthorized', 'the token is unknown or revoked');
    c.set('principal', principal);
    await next();
  };
}
