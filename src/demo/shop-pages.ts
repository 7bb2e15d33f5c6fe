import { escapeHtml } from '../http/escape-html.ts';
import { DEMO_PRODUCTS, type DemoShop, type ProductKey } from './catalog.ts';

/** What a shop currently asks for one product; prices in minor units. */
export interface ShelfState {
  priceMinor: number;
  /** The crossed-out price during a promotion. */
  regularMinor: number | null;
  promotionPercent: number | null;
  inStock: boolean;
}

const CART: Record<string, string> = { pl: 'Dodaj do koszyka', hu: 'Kosárba', hr: 'Dodaj u košaricu' };

export function formatMoney(minor: number, shop: DemoShop): string {
  return new Intl.NumberFormat(shop.locale, {
    style: 'currency',
    currency: shop.currency,
    minimumFractionDigits: shop.decimals,
    maximumFractionDigits: shop.decimals,
  }).format(minor / 10 ** shop.decimals);
}

/** "89.99" for 8999 minor units with two decimals: exact, never through a float. */
export function decimalString(minor: number, decimals: number): string {
  if (decimals === 0) return String(minor);
  const s = String(minor).padStart(decimals + 1, '0');
  return `${s.slice(0, -decimals)}.${s.slice(-decimals)}`;
}

/** The product's visible texts, shared by the server-rendered pages and the JavaScript shop's JSON. */
export function shelfTexts(shop: DemoShop, product: ProductKey, state: ShelfState) {
  return {
    title: shop.titles[product],
    price: formatMoney(state.priceMinor, shop),
    regularPrice: state.regularMinor === null ? null : formatMoney(state.regularMinor, shop),
    promotion: state.promotionPercent === null ? null : shop.text.promotion.replace('{p}', String(state.promotionPercent)),
    stock: state.inStock ? shop.text.inStock : shop.text.outOfStock,
    loyalty: shop.text.loyalty.replace('{n}', String(shop.loyaltyPoints)),
    shipping: shop.text.shipping.replace('{amount}', formatMoney(shop.freeShippingFromMinor, shop)),
    cart: CART[shop.locale.slice(0, 2)] ?? 'Add to cart',
  };
}

function jsonLd(shop: DemoShop, product: ProductKey, state: ShelfState): string {
  const gtin = DEMO_PRODUCTS.find((p) => p.key === product)?.gtin;
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: shop.titles[product],
    gtin13: gtin,
    sku: `${shop.key}-${product}`,
    brand: { '@type': 'Brand', name: shop.name },
    offers: {
      '@type': 'Offer',
      price: decimalString(state.priceMinor, shop.decimals),
      priceCurrency: shop.currency,
      availability: state.inStock ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
    },
  };
  return `<script type="application/ld+json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;
}

function productBody(shop: DemoShop, product: ProductKey, state: ShelfState): string {
  const t = shelfTexts(shop, product, state);
  const micro = shop.markup === 'microdata';
  const price = micro
    ? `<p class="price" itemprop="offers" itemscope itemtype="https://schema.org/Offer"><span itemprop="price" content="${decimalString(state.priceMinor, shop.decimals)}">${escapeHtml(t.price)}</span><meta itemprop="priceCurrency" content="${shop.currency}"><link itemprop="availability" href="https://schema.org/${state.inStock ? 'InStock' : 'OutOfStock'}"></p>`
    : `<p class="price">${escapeHtml(t.price)}</p>`;
  return `<article class="product"${micro ? ' itemscope itemtype="https://schema.org/Product"' : ''}>
  <h1 class="name"${micro ? ' itemprop="name"' : ''}>${escapeHtml(t.title)}</h1>
  ${price}
  ${t.regularPrice ? `<p class="was"><s class="regular-price">${escapeHtml(t.regularPrice)}</s></p>` : ''}
  ${t.promotion ? `<p class="promo">${escapeHtml(t.promotion)}</p>` : ''}
  <p class="stock">${escapeHtml(t.stock)}</p>
  <button type="button">${escapeHtml(t.cart)}</button>
  <ul class="terms"><li class="loyalty">${escapeHtml(t.loyalty)}</li><li class="shipping">${escapeHtml(t.shipping)}</li></ul>
</article>`;
}

/** The JavaScript shop ships an empty shell; the browser builds the page from /data/<product>.json. */
function scriptShell(product: ProductKey): string {
  return `<div id="app">…</div>
<script>
fetch('/data/${product}.json').then((r) => r.json()).then((t) => {
  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  document.getElementById('app').innerHTML = '<article class="product"><h1 class="name">' + esc(t.title) + '</h1>'
    + '<p class="price">' + esc(t.price) + '</p>'
    + (t.regularPrice ? '<p class="was"><s class="regular-price">' + esc(t.regularPrice) + '</s></p>' : '')
    + (t.promotion ? '<p class="promo">' + esc(t.promotion) + '</p>' : '')
    + '<p class="stock">' + esc(t.stock) + '</p><button type="button">' + esc(t.cart) + '</button>'
    + '<ul class="terms"><li class="loyalty">' + esc(t.loyalty) + '</li><li class="shipping">' + esc(t.shipping) + '</li></ul></article>';
});
</script>`;
}

function layout(shop: DemoShop, title: string, head: string, body: string): string {
  return `<!doctype html>
<html lang="${shop.locale.slice(0, 2)}">
<head><meta charset="utf-8"><title>${escapeHtml(title)} – ${escapeHtml(shop.name)}</title>${head}</head>
<body>
<header><a href="/">${escapeHtml(shop.name)}</a></header>
<main>${body}</main>
<footer>© ${escapeHtml(shop.name)}</footer>
</body>
</html>`;
}

export function productPage(shop: DemoShop, product: ProductKey, state: ShelfState): string {
  const head = shop.markup === 'json-ld' ? jsonLd(shop, product, state) : '';
  const body = shop.markup === 'script' ? scriptShell(product) : productBody(shop, product, state);
  return layout(shop, shop.titles[product], head, body);
}

export function indexPage(shop: DemoShop): string {
  const links = DEMO_PRODUCTS.map((p) => `<li><a href="/products/${p.key}">${escapeHtml(shop.titles[p.key])}</a></li>`).join('');
  return layout(shop, shop.name, '', `<ul>${links}</ul>`);
}
