/** A small product page for extraction tests: head extras, the body, and optional JSON-LD blocks. */
export function productPage(body: string, options: { head?: string; jsonLd?: (string | object)[]; lang?: string } = {}): string {
  const scripts = (options.jsonLd ?? [])
    .map((j) => `<script type="application/ld+json">${typeof j === 'string' ? j : JSON.stringify(j)}</script>`)
    .join('\n');
  return `<!doctype html><html lang="${options.lang ?? 'en'}"><head><meta charset="utf-8"><title>Shop</title>${options.head ?? ''}${scripts}</head>
<body><header class="site-header"><nav><a href="/">Home</a><a href="/cart">Cart</a></nav><div class="mini-cart">Cart total: €999.00</div></header>
<main>${body}</main>
<footer><p>Free shipping on orders over €50.00</p></footer></body></html>`;
}

export const URL = 'https://shop.example/p/espresso-250g';
