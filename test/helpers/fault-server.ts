import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FaultServer {
  origin: string;
  port: number;
  hits: string[];
  close(): Promise<void>;
}

const PRODUCT = '<!doctype html><html><body><h1>Espresso 250 g</h1><p class="price">19,99 zł</p><button>Do koszyka</button></body></html>';

/**
 * Misbehaving pages on a loopback address: `/hang` never answers, `/huge` streams more than any cap,
 * `/redirect?to=URL` redirects, `/status/N` answers N, `/product` is a plain product page.
 */
export async function startFaultServer(host = '127.0.0.1'): Promise<FaultServer> {
  if (!host.startsWith('127.')) throw new Error('tests only listen on loopback');
  const hits: string[] = [];
  const hanging = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    hits.push(url.pathname);
    if (url.pathname === '/hang') {
      hanging.add(res);
      return;
    }
    if (url.pathname === '/huge') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const chunk = `<p>${'x'.repeat(64 * 1024)}</p>`;
      let sent = 0;
      const push = () => {
        while (sent < 400 && res.write(chunk)) sent += 1;
        if (sent >= 400) res.end();
        else res.once('drain', push);
      };
      res.on('close', () => (sent = 400));
      push();
      return;
    }
    if (url.pathname === '/redirect') {
      res.writeHead(302, { location: url.searchParams.get('to') ?? '/' }).end();
      return;
    }
    const status = /^\/status\/(\d{3})$/.exec(url.pathname);
    if (status) {
      res.writeHead(Number(status[1]), { 'content-type': 'text/plain' }).end('status');
      return;
    }
    if (url.pathname === '/robots.txt') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PRODUCT);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    port,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
