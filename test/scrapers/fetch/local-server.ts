import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalServer {
  /** `http://HOST:PORT` */
  origin: string;
  port: number;
  /** Paths requested so far, in order. */
  hits: string[];
  requests: IncomingMessage[];
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A real HTTP server on a loopback address (127.0.0.0/8 only), port 0. */
export async function startServer(handler: Handler, host = '127.0.0.1'): Promise<LocalServer> {
  if (!host.startsWith('127.')) throw new Error('tests only listen on loopback');
  const hits: string[] = [];
  const requests: IncomingMessage[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? '');
    requests.push(req);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    port,
    hits,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function html(res: ServerResponse, body: string | Buffer, status = 200, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
  res.end(body);
}
