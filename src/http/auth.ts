import type { MiddlewareHandler } from 'hono';
import { DomainError } from '../errors.ts';
import type { UserStore } from '../store/users.ts';
import type { AppEnv } from './app-env.ts';

/** Requires `Authorization: Bearer <token>` of an active token; sets the caller as `principal`. */
export function authenticate(users: UserStore): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new DomainError('unauthorized', 'unauthorized', 'send Authorization: Bearer <token>');
    const principal = await users.authenticate(match[1]);
    if (!principal) throw new DomainError('unauthorized', 'unauthorized', 'the token is unknown or revoked');
    c.set('principal', principal);
    await next();
  };
}
