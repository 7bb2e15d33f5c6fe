/** Query parameters that name the product. */
const ID_PARAMS = /^(pid|product_?id|productid|products_id|item_?id|itemid|sku|id|p|iid)$/i;

/** A URL token that is an identifier: digits, optionally after a short letter prefix ("M67296549", "418295"). */
const ID_TOKEN = /^[a-z]{0,2}\d{5,}$/i;

/**
 * The product identifier a URL carries, as shops and classifieds put it there: a product-id query
 * parameter, else the last path segment with a long number ("…/itm/133588510845", "…-1609583.html",
 * "…/c7200a278526196/title.html"). Null when the URL has none.
 */
export function identifierFromUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  for (const [key, value] of parsed.searchParams) if (ID_PARAMS.test(key) && /^[a-z0-9-]*\d{4,}[a-z0-9-]*$/i.test(value)) return value;
  const segments = parsed.pathname.split('/').filter(Boolean).reverse();
  for (const segment of segments) {
    const tokens = segment.replace(/\.[a-z]{2,5}$/i, '').split(/[-_.,~]+/);
    const whole = tokens.filter((t) => ID_TOKEN.test(t)).pop();
    if (whole) return whole;
    const runs = segment.match(/\d{5,}/g);
    if (runs) return runs.reduce((a, b) => (b.length >= a.length ? b : a));
  }
  return null;
}
