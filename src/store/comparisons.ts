import type { Availability, FieldValue } from '../../scrapers/offer.ts';
import type { RecipeField } from '../../scrapers/recipe.ts';

export interface ProductName {
  id: number;
  name: string;
}

/** An enabled target of a product with the offer of its latest snapshot (snapshot values null/empty before the first). */
export interface LatestOffer {
  targetId: number;
  businessId: number;
  business: string;
  own: boolean;
  productId: number;
  schedule: string;
  lastSuccessAt: string | null;
  /** The custom fields the target's recipe defines. */
  recipeFields: readonly RecipeField[];
  snapshotId: number | null;
  capturedAt: string | null;
  price: string | null;
  regularPrice: string | null;
  currency: string | null;
  availability: Availability | null;
  promotions: string[];
  fields: Record<string, FieldValue>;
}

/** What comparisons are computed from, versioned: a comparison computed at the same versions still holds. */
export interface ComparisonVersions {
  /** Moves on every write to businesses or products. */
  global: number;
  /** Per product, moves on every write to its targets and their snapshots; a product missing here is at 0. */
  products: Map<number, number>;
}

/** The reads behind own-vs-competitor comparisons. */
export interface ComparisonStore {
  product(id: number): Promise<ProductName>;
  /** Products in id order: all of them, or a page of those after `after`. */
  products(page?: { after: number; limit: number }): Promise<ProductName[]>;
  /** The latest offers of the products' enabled targets, by product, own business first, then business and target id. */
  latestOffers(productIds: readonly number[]): Promise<LatestOffer[]>;
  /** Null when this database keeps no versions: then no comparison may be reused. */
  versions(productIds: readonly number[]): Promise<ComparisonVersions | null>;
}
