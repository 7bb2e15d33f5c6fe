import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import net from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { checkUrl, pinnedLookup } from './ssrf-guard.ts';
import type { GuardOptions } from './ssrf-guard.ts';

/** Header on the proxy's refusal, so a refused navigation is told apart from a site's own 403. */
export const BLOCKED_HEADER = 'x-rivalscope-blocked';

export interface GuardProxy {
  /** `http://127.0.0.1:PORT`, for Chromium's `--proxy-server`. */
  url: string;
  /** Requests refused since the proxy started. */
  refusedCount(): number;
  close(): Promise<void>;
}

const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'proxy-authorization', 'te', 'trailer', 'upgrade'];

/**
 * A local forward proxy the browser must use: every request, redirect hop and CONNECT tunnel goes through
 * checkUrl, and the upstream connection goes to the address that was checked (no DNS rebinding in between).
 */
export async function startGuardProxy(guard: GuardOptions): Promise<GuardProxy> {
  const sockets = new Set<Socket>();
  const requests = new Set<http.ClientRequest>();
  let refusedCount = 0;

  const forward = async (req: IncomingMessage, res: ServerResponse) => {
    let checked;
    try {
      checked = await checkUrl(req.url ?? '', guard);
    } catch (err) {
      refusedCount += 1;
      res.writeHead(403, { [BLOCKED_HEADER]: '1', 'content-type': 'text/plain' }).end((err as Error).message);
      return;
    }
    const headers = { ...req.headers };
    for (const name of HOP_BY_HOP) delete headers[name];
    const upstream = http.request({
      method: req.method,
      host: checked.hostname,
      port: checked.url.port || 80,
      path: `${checked.url.pathname}${checked.url.search}`,
      headers,
      lookup: pinnedLookup(checked.addresses),
      agent: false,
    });
    // A page that never ends must not outlive its tab (or the proxy): the upstream goes when the browser hangs up.
    requests.add(upstream);
    upstream.on('close', () => requests.delete(upstream));
    res.on('close', () => upstream.destroy());
    upstream.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
    req.pipe(upstream);
  };

  const tunnel = async (req: IncomingMessage, client: Socket, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    let checked;
    try {
      checked = await checkUrl(`https://${req.url ?? ''}/`, guard);
    } catch {
      refusedCount += 1;
      client.end(`HTTP/1.1 403 Forbidden\r\n${BLOCKED_HEADER}: 1\r\n\r\n`);
      return;
    }
    const address = checked.addresses[0];
    const upstream = net.connect({ host: address?.address, port: Number(checked.url.port || 443) });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('connect', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'));
    client.on('close', () => upstream.destroy());
  };

  const server = http.createServer((req, res) => void forward(req, res));
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => void tunnel(req, client, head));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    refusedCount: () => refusedCount,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        for (const request of requests) request.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
