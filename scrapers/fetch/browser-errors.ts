import { FetchError } from './fetch-error.ts';

const CLOSED = /Target (page, context or browser )?(has been )?closed|Browser has been closed|browser has disconnected|Page crashed|Target crashed/i;
const NETWORK = /net::ERR_(CONNECTION_\w+|NAME_NOT_RESOLVED|ADDRESS_UNREACHABLE|EMPTY_RESPONSE|INVALID_RESPONSE|SOCKET_NOT_CONNECTED|TIMED_OUT)/;

/** Maps what Playwright throws during a browser fetch onto a typed failure. */
export function toBrowserFetchError(err: unknown, context: { url: string; crashed: boolean; refusedDuring: boolean; pageCrashed?: boolean }): FetchError {
  if (err instanceof FetchError) return err;
  const message = (err as Error)?.message ?? String(err);
  if (/net::ERR_TOO_MANY_REDIRECTS/.test(message)) return new FetchError('too_many_redirects', `too many redirects from ${context.url}`, { cause: err });
  if (/Download is starting/i.test(message)) return new FetchError('download', `${context.url} is a file download, not a page`, { cause: err });
  // Only the page's renderer died (it ran out of memory, typically) while Chromium lives on: the page's fault, not the browser's.
  if (context.pageCrashed && !context.crashed) return new FetchError('too_large', `the page ${context.url} crashed its renderer (out of memory?)`, { cause: err });
  if (context.crashed || CLOSED.test(message)) return new FetchError('browser_crash', `browser went away while fetching ${context.url}: ${message.split('\n')[0]}`, { cause: err });
  if ((err as Error)?.name === 'TimeoutError') return new FetchError('timeout', `timed out loading ${context.url}`, { cause: err });
  if (/net::ERR_BLOCKED_BY_CLIENT/.test(message) || (/net::ERR_TUNNEL_CONNECTION_FAILED/.test(message) && context.refusedDuring)) {
    return new FetchError('blocked_by_policy', `refused a request while loading ${context.url}`, { cause: err });
  }
  if (NETWORK.test(message) || /net::ERR_TUNNEL_CONNECTION_FAILED/.test(message)) return new FetchError('http_5xx', `could not load ${context.url}: ${message.split('\n')[0]}`, { cause: err });
  return new FetchError('browser_crash', `browser failed on ${context.url}: ${message.split('\n')[0]}`, { cause: err });
}
