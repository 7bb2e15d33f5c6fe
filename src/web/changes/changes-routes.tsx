import { Hono } from 'hono';
import type { Store } from '../../store/store.ts';
import { requirePermission } from '../auth/page-access.ts';
import { renderPage } from '../layout/render-page.tsx';
import type { WebEnv } from '../web-env.ts';
import { changeContexts } from './change-context.ts';
import { changesHref, parseChangeFilters, storeFilter } from './change-filters.ts';
import { ChangeFiltersForm } from './change-filters-form.tsx';
import { ChangesFeed, feedSummary } from './changes-feed.tsx';
import { ListStatus } from '../ui/list-status.tsx';
import { orNullIfMissing } from '../ui/or-null.ts';

const PAGE_SIZE = 50;
/** The filter lists offer this many businesses and products (a selected one beyond them is added). */
const CHOICES = 200;

/** The choices of a filter list, with the selected item added when it is not among them (and exists). */
async function withSelected<T extends { id: number }>(items: T[], selected: number | undefined, get: (id: number) => Promise<T>): Promise<T[]> {
  if (selected === undefined || items.some((item) => item.id === selected)) return items;
  const item = await orNullIfMissing(get(selected));
  return item ? [...items, item] : items;
}

/** `/changes`: the feed of offer changes with filters in the query string; htmx swaps only the feed. */
export function changesRoutes(store: Store) {
  const routes = new Hono<WebEnv>();
  routes.use('/changes', requirePermission('offers.read'));
  routes.get('/changes', async (c) => {
    const filters = parseChangeFilters(c.req.query());
    const cursor = c.req.query('cursor') ?? null;
    const page = await store.changes.list(storeFilter(filters, { after: Number(cursor) || undefined, limit: PAGE_SIZE }));
    const feed = <ChangesFeed page={page} contexts={await changeContexts(store, page.items)} filters={filters} cursor={cursor} prefs={c.var.prefs} />;
    if (c.req.header('hx-request') === 'true' && c.req.header('hx-target') === 'changes-feed') {
      c.header('HX-Push-Url', changesHref(filters, cursor));
      c.header('cache-control', 'no-store');
      c.header('vary', 'HX-Request, HX-Target');
      return c.html(
        <>
          {feed}
          <ListStatus id="changes-status" text={feedSummary(page, filters)} oob />
        </>,
      );
    }
    const [businesses, products] = await Promise.all([store.businesses.list({ limit: CHOICES }), store.products.list({ limit: CHOICES })]);
    const [businessChoices, productChoices] = await Promise.all([
      withSelected(businesses.items, filters.businessId, (id) => store.businesses.get(id)),
      withSelected(products.items, filters.productId, (id) => store.products.get(id)),
    ]);
    return renderPage(c, {
      title: 'Changes',
      body: (
        <>
          <ChangeFiltersForm filters={filters} businesses={businessChoices} products={productChoices} />
          <ListStatus id="changes-status" text={feedSummary(page, filters)} />
          {feed}
        </>
      ),
    });
  });
  return routes;
}
