/** Path words of pages that list, explain or sell nothing in particular. */
const NOT_PRODUCT = /\/(?:category|categories|kategorie|c|tag|tags|blog|news|clanky?|articles?|search|hledat|cart|kosik|basket|checkout|account|login|register|wishlist|compare|brands?|znacky?|pages?|help|faq|about|contact|kontakt|terms|privacy|stores?|prodejny|careers|press|sitemap)(?:\/|$|\.)/i;
const STATIC_FILE = /\.(?:jpe?g|png|gif|webp|svg|pdf|css|js|xml|txt|zip|mp4)$/i;
/** Path shapes shops use for product pages. */
const PRODUCT_SHAPE = [
  /\/(?:p|product|products|produkt|produkty|item|items|dp|ip|detail|goods|artikel|zbozi|vyrobek)\/[^/]+/i,
  /[-_/]p[-_]?\d{3,}(?:[./-]|$)/i,
  /[-_/](?:d|i|id|sku)\d{4,}(?:\.html?)?$/i,
  /-\d{5,}(?:\.html?)?\/?$/i,
  /\/[a-z0-9]+(?:-[a-z0-9]+){2,}\.html?$/i,
];

/** Whether a URL looks like a product page, by the shape of its path alone (no site-specific rules). */
export function isLikelyProductUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const path = decodeURIComponent(parsed.pathname);
  if (path === '/' || STATIC_FILE.test(path) || NOT_PRODUCT.test(path)) return false;
  return PRODUCT_SHAPE.some((shape) => shape.test(path));
}
