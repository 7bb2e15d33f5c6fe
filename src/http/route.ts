import { createRoute, type z, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Role } from '../store/users.ts';
import type { AppEnv } from './app-env.ts';
import { ErrorSchema } from './schemas.ts';
import { AppError } from '../errors.ts';

export const READ_ROLES = ['admin', 'marketer', 'viewer'] as const satisfies readonly Role[];
export const WRITE_ROLES = ['admin', 'marketer'] as const satisfies readonly Role[];
export const ADMIN_ONLY = ['admin'] as const satisfies readonly Role[];

/** Route middleware: 403 unless the caller's role is one of `roles`. */
export function allow(roles: readonly Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { role } = c.get('principal');
    if (!roles.includes(role))
      throw new AppError(403, 'forbidden', `role ${role} may not ${c.req.method} ${c.req.path}`, {
        role,
        allowedRoles: roles,
      });
    await next();
  };
}

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});

const errors = {
  400: json(ErrorSchema, 'Invalid input: the details name each bad field'),
  401: json(ErrorSchema, 'Missing or invalid bearer token'),
  403: json(ErrorSchema, 'The role may not use this route'),
};

/**
 * An authenticated API route: createRoute plus the role check, the bearer security and the
 * common error responses, so that no route can be declared without its roles.
 */
export function apiRoute<P extends string, R extends Omit<RouteConfig, 'path' | 'middleware'> & { path: P }>(
  config: R & { roles: readonly Role[] },
) {
  const { roles, ...rest } = config;
  return createRoute({
    ...rest,
    middleware: [allow(roles)] as const,
    security: [{ bearer: [] }],
    'x-roles': roles,
    responses: { ...errors, ...rest.responses },
  });
}
