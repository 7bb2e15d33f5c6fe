import { Hono } from 'hono';
import type { Business } from '../../store/businesses.ts';
import type { Store } from '../../store/store.ts';
import { requirePermission } from '../auth/page-access.ts';
import { changeContexts } from '../changes/change-context.ts';
import { changesHref } from '../changes/change-filters.ts';
import { renderPage } from '../layout/render-page.tsx';
import { pageNotFound } from '../layout/error-page.tsx';
import type { WebEnv } from '../web-env.ts';
import { latestChanges } from './latest-changes.ts';
import { priceHistory } from './price-history.ts';
import { ProductPage } from './product-page.tsx';
import { listSummary, productsHref, ProductSearch, ProductsList } from './products-list.tsx';
import { ListStatus } from '../ui/list-status.tsx';
import { orNullIfMissing } from '../ui/or-null.ts';

const PAGE_SIZE = 50;
/** A product's page shows the offers of this many targets. */
const MAX_TARGETS = 100;
/** …and its latest changes. */
const LATEST_CHANGES = 10;

/** `/products`: search and page through products; `/products/:id`: one product's prices, offers and changes. */
export function productsRoutes(store: Store) {
  const routes = new Hono<WebEnv>();
  routes.use('/products', requirePermission('offers.read'));
  routes.use('/products/*', requirePermission('offers.read'));

  routes.get('/products', async (c) => {
    const q = (c.req.query('q') ?? '').trim().slice(0, 200);
    const cursor = c.req.query('cursor') ?? null;
    const page = await store.products.list({ ...(q && { q }), after: Number(cursor) || undefined, limit: PAGE_SIZE });
    const list = <ProductsList page={page} q={q} cursor={cursor} />;
    if (c.req.header('hx-request') === 'true' && c.req.header('hx-target') === 'products-list') {
      c.header('HX-Push-Url', productsHref(q, cursor));
      c.header('cache-control', 'no-store');
      return c.html(
        <>
          {list}
          <ListStatus id="products-status" text={listSummary(page, q)} oob />
        </>,
      );
    }
    const body = (
      <>
        <ProductSearch q={q} />
        <ListStatus id="products-status" text={listSummary(page, q)} />
        {list}
      </>
    );
    return renderPage(c, { title: 'Products', body });
  });

  routes.get('/products/:id{[0-9]+}', async (c) => {
    const id = Number(c.req.param('id'));
    const product = await orNullIfMissing(store.products.get(id));
    if (!product) return pageNotFound(c);
    const targets = (await store.targets.list({ productId: id, limit: MAX_TARGETS })).items;
    const businessIds = [...new Set(targets.map((t) => t.businessId))];
    const businesses = new Map<number, Business>(await Promise.all(businessIds.map(async (b) => [b, await store.businesses.get(b)] as const)));
    const [series, snapshots, changes] = await Promise.all([
      priceHistory(store, targets, businesses),
      Promise.all(targets.map((t) => store.snapshots.latest(t.id))),
      latestChanges(store, id, LATEST_CHANGES),
    ]);
    const offers = targets
      .map((target, i) => ({ target, business: businesses.get(target.businessId)!, snapshot: snapshots[i] ?? null }))
      .sort((a, b) => Number(b.business.own) - Number(a.business.own));
    return renderPage(c, {
      title: product.name,
      body: (
        <ProductPage
          product={product}
          series={series}
          offers={offers}
          changes={changes}
          contexts={await changeContexts(store, changes)}
          allChangesHref={changesHref({ productId: id })}
          prefs={c.var.prefs}
          assets={c.var.assets}
          nonce={c.var.secureHeadersNonce}
        />
      ),
    });
  });
  return routes;
}
