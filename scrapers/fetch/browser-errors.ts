import { FetchError } from './fetch-error.ts';

const CLOSED = /Target (page, context or browser )?(has been )?closed|Browser has been closed|browser has disconnected|Page crashed|Target crashed/i;
const NETWORK = /net::ERR_(CONNECTION_\w+|NAME_NOT_RESOLVED|ADDRESS_UNREACHABLE|EMPTY_RESPONSE|INVALID_RESPONSE|SOCKET_NOT_CONNECTED|TIMED_OUT)/;

/** Maps what Playwright throws during a browser fetch onto a typed failure. */
export function toBrowserFetchError(err: unknown, context: { url: string; crashed: boolean; refusedDuring: boolean }): FetchError {
  if (err instanceof FetchError) return err;
  const message = (err as Error)?.message ?? String(err);
  if (context.crashed || CLOSED.test(message)) return new FetchError('browser_crash', `browser went away while fetching ${context.url}: ${message.split('\n')[0]}`, { cause: err });
  if ((err as Error)?.name === 'TimeoutError') return new FetchError('timeout', `timed out loading ${context.url}`, { cause: err });
  if (/net::ERR_BLOCKED_BY_CLIENT/.test(message) || (/net::ERR_TUNNEL_CONNECTION_FAILED/.test(message) && context.refusedDuring)) {
    return new FetchError('blocked_by_policy', `refused a request while loading ${context.url}`, { cause: err });
  }
  if (NETWORK.test(message) || /net::ERR_TUNNEL_CONNECTION_FAILED/.test(message)) return new FetchError('http_5xx', `could not load ${context.url}: ${message.split('\n')[0]}`, { cause: err });
  return new FetchError('browser_crash', `browser failed on ${context.url}: ${message.split('\n')[0]}`, { cause: err });
}
