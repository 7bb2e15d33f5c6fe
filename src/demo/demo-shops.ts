import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_PRODUCTS, DEMO_SHOPS, type DemoShop, type ProductKey, type ShopKey } from './catalog.ts';
import { driftShelf, seededRandom } from './price-drift.ts';
import { indexPage, productPage, shelfTexts, type ShelfState } from './shop-pages.ts';

export interface DemoShopsOptions {
  /** Loopback address to bind. Default 127.0.0.1. */
  host?: string;
  /** Seed of the price and promotion changes. */
  seed?: number;
}

/** The own shop and three competitors, each its own HTTP server on loopback; prices change when told to. */
export interface DemoShops {
  host: string;
  origins: Record<ShopKey, string>;
  productUrl(shop: ShopKey, product: ProductKey): string;
  shelf(shop: ShopKey, product: ProductKey): ShelfState;
  setShelf(shop: ShopKey, product: ProductKey, patch: Partial<ShelfState>): void;
  /** Answer every request of a shop with this status (e.g. 503) until set back to null. */
  setOutage(shop: ShopKey, status: number | null): void;
  /** Product page requests served so far (pages, not data or robots.txt). */
  pageViews(shop: ShopKey, product: ProductKey): number;
  /** One round of price, promotion and stock changes. */
  drift(): void;
  /** Drifts every `ms` until closed. */
  driftEvery(ms: number): void;
  close(): Promise<void>;
}

const key = (shop: ShopKey, product: ProductKey) => `${shop}/${product}`;

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' }).end(body);
}

export async function startDemoShops(options: DemoShopsOptions = {}): Promise<DemoShops> {
  const host = options.host ?? '127.0.0.1';
  const random = seededRandom(options.seed ?? 20261123);
  const shelves = new Map<string, ShelfState>();
  const views = new Map<string, number>();
  const outages = new Map<ShopKey, number>();
  for (const shop of DEMO_SHOPS)
    for (const p of DEMO_PRODUCTS) shelves.set(key(shop.key, p.key), { priceMinor: shop.prices[p.key], regularMinor: null, promotionPercent: null, inStock: true });

  const shelf = (shop: ShopKey, product: ProductKey): ShelfState => {
    const s = shelves.get(key(shop, product));
    if (!s) throw new Error(`no shelf ${key(shop, product)}`);
    return s;
  };

  const handle = (shop: DemoShop) => (req: IncomingMessage, res: ServerResponse) => {
    const outage = outages.get(shop.key);
    if (outage) return send(res, outage, 'text/plain', 'down for maintenance');
    const path = new URL(req.url ?? '/', 'http://shop').pathname;
    if (path === '/robots.txt') return send(res, 200, 'text/plain', 'User-agent: *\nDisallow: /private/\n');
    if (path === '/') return send(res, 200, 'text/html', indexPage(shop));
    const page = /^\/products\/(\w+)$/.exec(path);
    const data = /^\/data\/(\w+)\.json$/.exec(path);
    const product = DEMO_PRODUCTS.find((p) => p.key === (page?.[1] ?? data?.[1]))?.key;
    if (!product) return send(res, 404, 'text/plain', 'not found');
    if (data) return send(res, 200, 'application/json', JSON.stringify(shelfTexts(shop, product, shelf(shop.key, product))));
    views.set(key(shop.key, product), (views.get(key(shop.key, product)) ?? 0) + 1);
    return send(res, 200, 'text/html', productPage(shop, product, shelf(shop.key, product)));
  };

  const servers: Server[] = [];
  const origins = {} as Record<ShopKey, string>;
  for (const shop of DEMO_SHOPS) {
    const server = createServer(handle(shop));
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    servers.push(server);
    origins[shop.key] = `http://${host.includes(':') ? `[${host}]` : host}:${(server.address() as AddressInfo).port}`;
  }

  let timer: NodeJS.Timeout | null = null;
  const drift = () => {
    for (const shop of DEMO_SHOPS) for (const p of DEMO_PRODUCTS) driftShelf(shelf(shop.key, p.key), shop.decimals, random);
  };

  return {
    host,
    origins,
    productUrl: (shop, product) => `${origins[shop]}/products/${product}`,
    shelf: (shop, product) => ({ ...shelf(shop, product) }),
    setShelf: (shop, product, patch) => void Object.assign(shelf(shop, product), patch),
    setOutage: (shop, status) => void (status === null ? outages.delete(shop) : outages.set(shop, status)),
    pageViews: (shop, product) => views.get(key(shop, product)) ?? 0,
    drift,
    driftEvery(ms) {
      if (timer) clearInterval(timer);
      timer = setInterval(drift, ms);
      timer.unref();
    },
    async close() {
      if (timer) clearInterval(timer);
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.closeAllConnections();
              s.close(() => resolve());
            }),
        ),
      );
    },
  };
}
