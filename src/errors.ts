/** What went wrong, in the service's words; src/http/errors.ts is the one place that maps a kind to a response. */
export type ErrorKind = 'invalid' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'too_large' | 'unsupported' | 'unprocessable';

/** A typed error of the service: its kind, a code callers can branch on, a message and details naming what is wrong. */
export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: number | string) =>
  new DomainError('not_found', 'not_found', `${what} ${id} does not exist`, { resource: what, id });

export const conflict = (message: string, details?: unknown) => new DomainError('conflict', 'conflict', message, details);

/** A well-formed request that refers to something missing or breaks a domain rule; names the field. */
export const unprocessable = (field: string, message: string) =>
  new DomainError('unprocessable', 'unprocessable', message, { field });

export const isNotFound = (err: unknown): err is DomainError => err instanceof DomainError && err.kind === 'not_found';
