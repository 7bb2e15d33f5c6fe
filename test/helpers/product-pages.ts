import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProductPages {
  origin: string;
  /** The page of product `i` (0-based). */
  url(i: number): string;
  /** Moves every price on: pages served from now on show the prices of `round`. */
  setRound(round: number): void;
  /** Requests served, per path. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

/** The price of product `i` in `round`, in grosze: every round changes every price. */
export const priceCents = (i: number, round: number) => 1000 + i * 7 + round * 50;
const zloty = (c: number) => `${Math.floor(c / 100)},${String(c % 100).padStart(2, '0')} zł`;

/**
 * A shop of `count` product pages on 127.0.0.1 (never another interface), `/p/<i>`, each answered after
 * `delayMs` so runs stay in flight for a while. For the multi-process test and bench:scale.
 */
export async function startProductPages({ count, delayMs = 0 }: { count: number; delayMs?: number }): Promise<ProductPages> {
  let round = 0;
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const match = /^\/p\/(\d+)$/.exec(path);
    const i = match ? Number(match[1]) : -1;
    if (i < 0 || i >= count) {
      res.writeHead(404).end();
      return;
    }
    const html = `<!doctype html><html><head><title>Product ${i}</title></head><body><h1>Espresso ${i} 250 g</h1><p class="price">${zloty(priceCents(i, round))}</p><button>Do koszyka</button></body></html>`;
    const send = () => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    if (delayMs > 0) setTimeout(send, delayMs);
    else send();
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (i) => `${origin}/p/${i}`,
    setRound: (r) => (round = r),
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
