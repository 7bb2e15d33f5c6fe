/** What matching knows about one product offer: an own product or a competitor's listing. */
export interface ProductListing {
  name: string;
  brand?: string | null;
  gtin?: string | null;
  mpn?: string | null;
  sku?: string | null;
  description?: string | null;
  specifications?: string | null;
}
