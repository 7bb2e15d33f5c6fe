import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { DomainError, type ErrorKind } from '../errors.ts';
import type { AppDeps, AppEnv } from './app-env.ts';

/** The one mapping of the service's error kinds to HTTP statuses. */
const STATUS = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported: 415,
  unprocessable: 422,
} as const satisfies Record<ErrorKind, ContentfulStatusCode>;

export function errorBody(code: string, message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** The validation hook of every route: 400 naming each bad field of the body, query or path. */
export function validationHook(
  result: { success: true } | { success: false; error: ZodError; target: string },
  c: Context,
) {
  if (result.success) return;
  const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const where = result.target === 'json' ? 'body' : result.target;
  const message = issues.map((i) => `${where}${i.path ? `.${i.path}` : ''}: ${i.message}`).join('; ');
  return c.json(errorBody('validation_failed', message, { in: where, issues }), 400);
}

/** The one error handler: domain errors become `{ error: { code, message, details } }` with the status of their kind. */
export function errorHandler(deps: AppDeps): ErrorHandler<AppEnv> {
  return (err, c) => {
    if (err instanceof DomainError) return c.json(errorBody(err.code, err.message, err.details), STATUS[err.kind]);
    if (err instanceof HTTPException) {
      const status = err.status as ContentfulStatusCode;
      const code = status === 413 ? 'payload_too_large' : status === 400 ? 'bad_request' : 'http_error';
      return c.json(errorBody(code, err.message || 'request failed'), status);
    }
    deps.logger.error({ err, requestId: c.get('requestId'), path: c.req.path }, 'unhandled error');
    return c.json(errorBody('internal', 'internal error; see the server log', { requestId: c.get('requestId') }), 500);
  };
}
