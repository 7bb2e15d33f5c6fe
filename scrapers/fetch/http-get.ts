import http from 'node:http';
import https from 'node:https';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Transform } from 'node:stream';
import { FetchError } from './fetch-error.ts';
import { pinnedLookup } from './ssrf-guard.ts';
import type { CheckedUrl } from './ssrf-guard.ts';

export interface HopOptions {
  headers: Record<string, string>;
  /** Absolute time (ms since epoch) by which the whole fetch must be done. */
  deadline: number;
  connectTimeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
  /** Read the body even for statuses ≥ 400 (robots.txt wants to know a 404). */
  readErrorBodies?: boolean;
}

export interface HopResult {
  status: number;
  headers: IncomingHttpHeaders;
  /** Decoded (decompressed) body; empty for redirects. */
  bytes: Uint8Array;
  connectMs: number;
  firstByteMs: number;
}

const TLS_ERROR = /^(ERR_TLS|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED|ERR_SSL|HOSTNAME_MISMATCH)/;

function networkError(err: Error & { code?: string }, url: string): FetchError {
  if (err instanceof FetchError) return err;
  if (err.code && TLS_ERROR.test(err.code)) return new FetchError('blocked_by_policy', `TLS rejected for ${url}: ${err.message}`, { cause: err });
  return new FetchError('http_5xx', `connection to ${url} failed: ${err.code ?? err.message}`, { cause: err });
}

function decoderFor(encoding: string | undefined): Transform | null {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return null;
  }
}

const isRedirect = (status: number) => status >= 300 && status < 400 && status !== 304;

/** One GET to an already checked URL, connecting only to its checked addresses. No redirects followed. */
export function httpGet(checked: CheckedUrl, options: HopOptions): Promise<HopResult> {
  const { url } = checked;
  const started = performance.now();
  return new Promise<HopResult>((resolve, reject) => {
    let connectMs = 0;
    let firstByteMs = 0;
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const transport = url.protocol === 'https:' ? https : http;
    const req = transport.request({
      method: 'GET',
      host: checked.hostname,
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      headers: { host: url.host, ...options.headers },
      lookup: pinnedLookup(checked.addresses),
      // A fresh agent: a pooled socket could have been checked under another allow-list.
      agent: false,
    });
    const finish = (err: Error | null, result?: HopResult) => {
      if (settled) return;
      settled = true;
      timers.forEach(clearTimeout);
      options.signal?.removeEventListener('abort', onAbort);
      if (err) {
        req.destroy();
        reject(networkError(err, url.href));
      } else resolve(result as HopResult);
    };
    const onAbort = () => finish(new FetchError('timeout', `aborted while fetching ${url.href}`));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted) return onAbort();
    const remaining = Math.max(0, options.deadline - Date.now());
    timers.push(setTimeout(() => finish(new FetchError('timeout', `timed out fetching ${url.href}`)), remaining));
    timers.push(
      setTimeout(() => {
        if (!connectMs) finish(new FetchError('timeout', `timed out connecting to ${url.host}`));
      }, Math.min(options.connectTimeoutMs, remaining)),
    );
    req.on('socket', (socket: Socket) => {
      socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => {
        connectMs = performance.now() - started;
      });
    });
    req.on('error', (err) => finish(err));
    req.on('response', (res: IncomingMessage) => {
      firstByteMs = performance.now() - started;
      connectMs ||= firstByteMs;
      const status = res.statusCode ?? 0;
      const done = (bytes: Uint8Array) => finish(null, { status, headers: res.headers, bytes, connectMs, firstByteMs });
      if (isRedirect(status) || (status >= 400 && !options.readErrorBodies)) {
        res.resume();
        return done(new Uint8Array(0));
      }
      readBody(res, options.maxBytes, url.href).then(done, finish);
    });
    req.end();
  });
}

function readBody(res: IncomingMessage, maxBytes: number, url: string): Promise<Uint8Array> {
  const declared = Number(res.headers['content-length']);
  const decoder = decoderFor(res.headers['content-encoding']);
  if (!decoder && declared > maxBytes) {
    res.destroy();
    return Promise.reject(new FetchError('too_large', `${url} declares ${declared} bytes, over the ${maxBytes}-byte cap`));
  }
  const body = decoder ? res.pipe(decoder) : res;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const fail = (err: Error) => {
      res.destroy();
      decoder?.destroy();
      reject(err);
    };
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return fail(new FetchError('too_large', `${url} is larger than the ${maxBytes}-byte cap`));
      chunks.push(chunk);
    });
    body.on('end', () => resolve(Buffer.concat(chunks, size)));
    body.on('error', (err) => fail(err));
    if (decoder) res.on('error', (err) => fail(err));
  });
}
