import type { Page } from '../../store/paging.ts';
import type { Product } from '../../store/products.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { Pagination } from '../ui/pagination.tsx';

export const productsHref = (q: string, cursor: string | null = null) => {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (cursor) params.set('cursor', cursor);
  const query = params.toString();
  return query ? `/products?${query}` : '/products';
};

/** The search box; htmx sends it as the person types and swaps only the list. */
export const ProductSearch = ({ q }: { q: string }) => (
  <form class="card filters" method="get" action="/products" role="search" hx-get="/products" hx-target="#products-list" hx-swap="outerHTML" hx-trigger="input changed delay:300ms from:#product-q, submit">
    <div class="search-row">
      <div class="field">
        <label for="product-q">Search products</label>
        <input id="product-q" name="q" type="search" value={q} maxlength={200} placeholder="Name" autocomplete="off" />
      </div>
      <button class="button" type="submit">
        Search
      </button>
    </div>
  </form>
);

/** What the list shows, for the live region beside it. */
export const listSummary = (page: Page<Product>, q: string) =>
  page.items.length === 0
    ? 'No product matches.'
    : `${page.items.length}${page.nextAfter === null ? '' : ' or more'} ${page.items.length === 1 && page.nextAfter === null ? 'product' : 'products'}${q ? ` match “${q}”` : ''}.`;

/** A page of products, each linking to its price history and offers; the paging links are boosted into the list. */
export const ProductsList = ({ page, q, cursor }: { page: Page<Product>; q: string; cursor: string | null }) => (
  <div id="products-list">
    {page.items.length === 0 ? (
      q ? (
        <EmptyState title="No product matches" hint={`Nothing is named like “${q}”. Try a shorter part of the name.`} />
      ) : (
        <EmptyState title="No products yet" hint="Add the products you sell through the API (POST /api/products), then a target for each business that sells them." action={<a class="button" href="/api/docs">Open the API reference</a>} />
      )
    ) : (
      <div class="table-wrap">
        <table class="data-table">
          <caption class="visually-hidden">Products</caption>
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col">SKU</th>
              <th scope="col">GTIN</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((p) => (
              <tr>
                <th scope="row">
                  <a href={`/products/${p.id}`}>
                    {p.name}
                  </a>
                </th>
                <td>{p.sku ?? '—'}</td>
                <td>{p.gtin ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
    <div hx-boost="true" hx-target="#products-list" hx-swap="outerHTML">
      <Pagination
        shown={page.items.length}
        cursor={cursor}
        nextCursor={page.nextAfter === null ? null : String(page.nextAfter)}
        pageHref={(next) => productsHref(q, next)}
        noun="products"
      />
    </div>
  </div>
);
