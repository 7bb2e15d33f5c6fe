/** Where a value of an offer came from, so users can trust or fix it. */
export type Source = 'json-ld' | 'microdata' | 'rdfa' | 'opengraph' | 'recipe' | 'heuristic';

export type Availability = 'InStock' | 'OutOfStock';

/**
 * A custom recipe field's value, normalised by type: money → decimal string amount (+ currency);
 * number and percent → decimal string; duration → days as a decimal string; boolean → boolean; text → string.
 */
export interface FieldValue {
  value: string | boolean;
  currency?: string | null;
  /** The text the value was read from. */
  text: string;
}

/** What one page offers. Prices are exact decimal strings ("1234.56"), never floats. */
export interface Offer {
  name: string | null;
  price: string | null;
  regularPrice: string | null;
  currency: string | null;
  availability: Availability | null;
  sku: string | null;
  gtin: string | null;
  brand: string | null;
  promotions: string[];
  fields: Record<string, FieldValue>;
}

export type Provenance = Partial<Record<Exclude<keyof Offer, 'fields'> | `fields.${string}`, Source>>;

export function emptyOffer(): Offer {
  return {
    name: null,
    price: null,
    regularPrice: null,
    currency: null,
    availability: null,
    sku: null,
    gtin: null,
    brand: null,
    promotions: [],
    fields: {},
  };
}
