import { createRoute, type z, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { DomainError } from '../errors.ts';
import { can, rolesFor, type Permission } from '../permissions.ts';
import type { AppEnv } from './app-env.ts';
import { ErrorSchema } from './schemas.ts';

/** Route middleware: forbidden unless the caller's role has `permission`. */
function allow(permission: Permission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { role } = c.get('principal');
    if (!can(role, permission))
      throw new DomainError('forbidden', 'forbidden', `role ${role} may not ${c.req.method} ${c.req.path}`, {
        role,
        allowedRoles: rolesFor(permission),
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
 * An authenticated API route: createRoute plus the permission check, the bearer security, the roles
 * (`x-roles`) and the common error responses, so that no route can be declared without its permission.
 */
export function apiRoute<P extends string, R extends Omit<RouteConfig, 'path' | 'middleware'> & { path: P }>(
  config: R & { permission: Permission },
) {
  const { permission, ...rest } = config;
  return createRoute({
    ...rest,
    middleware: [allow(permission)] as const,
    security: [{ bearer: [] }],
    'x-roles': rolesFor(permission),
    responses: { ...errors, ...rest.responses },
  });
}
