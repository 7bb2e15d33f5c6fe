/** Why a run failed. The first nine come from fetching, the last three from extraction. */
export const FAILURE_CODES = [
  'timeout',
  'http_4xx',
  'http_5xx',
  'blocked_by_policy',
  'robots_disallowed',
  'too_large',
  'browser_crash',
  /** More redirects than allowed (a loop): the same again next time, not retried. */
  'too_many_redirects',
  /** The page is a file download, not a page. */
  'download',
  'extraction_empty',
  'recipe_no_match',
  /** Extraction overran its worker's hard time limit (extract-in-worker.ts). */
  'extraction_timeout',
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

const RETRYABLE: ReadonlySet<FailureCode> = new Set(['timeout', 'http_5xx', 'browser_crash']);

/** Whether a run that failed with this code is worth retrying (429 is an http_4xx that is; see FetchError). */
export function isRetryable(code: FailureCode, status?: number): boolean {
  return RETRYABLE.has(code) || status === 429;
}

/**
 * A typed failure; `retryable` is derived from the code (and the status, for 429). Fetchers raise the fetch
 * codes, and `recipe_no_match` when a required browser step finds nothing to act on.
 */
export class FetchError extends Error {
  readonly code: FailureCode;
  readonly status: number | undefined;
  readonly retryable: boolean;

  constructor(code: FailureCode, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'FetchError';
    this.code = code;
    this.status = options.status;
    this.retryable = isRetryable(code, options.status);
  }
}

/** The FetchError for an HTTP status ≥ 400. */
export function httpError(status: number, url: string): FetchError {
  return new FetchError(status >= 500 ? 'http_5xx' : 'http_4xx', `HTTP ${status} from ${url}`, { status });
}
