/** Typed errors of the service; the HTTP layer maps each to its status and a JSON body. */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: number | string) =>
  new AppError(404, 'not_found', `${what} ${id} does not exist`, { resource: what, id });

export const conflict = (message: string, details?: unknown) => new AppError(409, 'conflict', message, details);

/** A well-formed request that refers to something missing or breaks a domain rule; names the field. */
export const unprocessable = (field: string, message: string) =>
  new AppError(422, 'unprocessable', message, { field });
