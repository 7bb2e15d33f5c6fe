import http from 'node:http';
import https from 'node:https';
import { checkUrl, pinnedLookup } from '../../scrapers/fetch/ssrf-guard.ts';
import { signWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './sign-webhook.ts';

export interface PostResult {
  statusCode: number | null;
  error: string | null;
  ok: boolean;
}

export interface PostOptions {
  allowHosts: readonly string[];
  timeoutMs: number;
}

/**
 * POSTs a signed JSON body to a webhook: the URL passes the SSRF guard first and the connection goes only to
 * the addresses the guard checked; redirects are not followed; 2xx is success. Never throws.
 */
export async function postWebhook(url: string, secret: string, body: string, options: PostOptions): Promise<PostResult> {
  let checked;
  try {
    checked = await checkUrl(url, { allowHosts: options.allowHosts });
  } catch (err) {
    return { statusCode: null, error: (err as Error).message, ok: false };
  }
  const timestamp = Math.floor(Date.now() / 1000);
  const { url: target } = checked;
  const transport = target.protocol === 'https:' ? https : http;
  return new Promise<PostResult>((resolve) => {
    const req = transport.request({
      method: 'POST',
      host: checked.hostname,
      port: target.port || undefined,
      path: `${target.pathname}${target.search}`,
      headers: {
        host: target.host,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'user-agent': 'rivalscope-webhook/0.1',
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body),
      },
      lookup: pinnedLookup(checked.addresses),
      agent: false,
      timeout: options.timeoutMs,
    });
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    req.on('response', (res) => {
      res.on('error', (err) => {
        clearTimeout(timer);
        resolve({ statusCode: res.statusCode ?? null, error: err.message, ok: false });
      });
      res.resume();
      res.on('end', () => {
        clearTimeout(timer);
        const code = res.statusCode ?? 0;
        const ok = code >= 200 && code < 300;
        resolve({ statusCode: code, error: ok ? null : `HTTP ${code}`, ok });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    req.on('error', (err: Error & { code?: string }) => {
      clearTimeout(timer);
      resolve({ statusCode: null, error: err.code ? `${err.code}: ${err.message}` : err.message, ok: false });
    });
    req.end(body);
  });
}
