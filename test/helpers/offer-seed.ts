import type { Store } from '../../src/store/store.ts';
import { emptyOffer, type FieldValue } from '../../scrapers/offer.ts';
import { recipeSchema, type RecipeInput } from '../../scrapers/recipe.ts';

/** Seeds businesses, products, targets and snapshots through the store (no scheduler involved). */
export function offerSeed(store: Store) {
  return {
    async business(name: string, own = false): Promise<number> {
      return (await store.businesses.create({ name, own, website: null, locale: null })).id;
    },
    async product(name: string): Promise<number> {
      return (await store.products.create({ name, sku: null, gtin: null })).id;
    },
    async target(
      businessId: number,
      productId: number,
      options: { schedule?: string; minPriceDelta?: string | null; recipe?: RecipeInput | null; lastSuccessAt?: string | null } = {},
    ): Promise<number> {
      const { id } = await store.targets.create({
        businessId,
        productId,
        url: `https://shop${businessId}.example/p/${productId}`,
        fetch: 'static',
        schedule: options.schedule ?? '0 * * * *',
        locale: null,
        currency: null,
        recipe: options.recipe ? recipeSchema.parse(options.recipe) : null,
        enabled: true,
        respectRobots: true,
        minPriceDelta: options.minPriceDelta ?? null,
      });
      if (options.lastSuccessAt) await store.targets.markSucceeded(id, { at: options.lastSuccessAt, mode: 'static' });
      return id;
    },
    snapshot(
      targetId: number,
      offer: {
        price?: string | null;
        regularPrice?: string | null;
        currency?: string | null;
        availability?: 'InStock' | 'OutOfStock' | null;
        name?: string | null;
        promotions?: string[];
        fields?: Record<string, FieldValue>;
        capturedAt?: string;
      },
    ): Promise<number> {
      return store.snapshots.insert({
        targetId,
        runId: null,
        capturedAt: offer.capturedAt ?? new Date().toISOString(),
        finalUrl: null,
        offer: {
          ...emptyOffer(),
          name: offer.name ?? null,
          price: offer.price ?? null,
          regularPrice: offer.regularPrice ?? null,
          currency: offer.currency === undefined ? 'PLN' : offer.currency,
          availability: offer.availability === undefined ? 'InStock' : offer.availability,
          promotions: offer.promotions ?? [],
          fields: offer.fields ?? {},
        },
        provenance: {},
        html: null,
        screenshot: null,
      });
    },
  };
}

export type OfferSeed = ReturnType<typeof offerSeed>;
