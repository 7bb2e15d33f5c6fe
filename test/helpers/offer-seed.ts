import type { Db } from '../../src/db/open-db.ts';
import type { FieldValue } from '../../scrapers/offer.ts';
import type { RecipeInput } from '../../scrapers/recipe.ts';

/** Direct SQL seeding of businesses, products, targets and snapshots (no scheduler involved). */
export function offerSeed(db: Db) {
  const now = new Date().toISOString();
  const insertSnapshot = db.prepare(
    `INSERT INTO snapshots (target_id, captured_at, name, price, regular_price, currency, availability, promotions, fields)
     VALUES (:targetId, :capturedAt, :name, :price, :regularPrice, :currency, :availability, :promotions, :fields)`,
  );
  return {
    business(name: string, own = false): number {
      return Number(
        db.prepare('INSERT INTO businesses (name, own, created_at, updated_at) VALUES (?, ?, ?, ?)').run(name, own ? 1 : 0, now, now).lastInsertRowid,
      );
    },
    product(name: string): number {
      return Number(db.prepare('INSERT INTO products (name, created_at, updated_at) VALUES (?, ?, ?)').run(name, now, now).lastInsertRowid);
    },
    target(
      businessId: number,
      productId: number,
      options: { schedule?: string; minPriceDelta?: string | null; recipe?: RecipeInput | null; lastSuccessAt?: string | null } = {},
    ): number {
      const recipe = options.recipe ? JSON.stringify({ selectors: {}, steps: [], ...options.recipe }) : null;
      return Number(
        db
          .prepare(
            `INSERT INTO targets (business_id, product_id, url, fetch_mode, schedule, recipe, min_price_delta, last_success_at, created_at, updated_at)
             VALUES (?, ?, ?, 'static', ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            businessId,
            productId,
            `https://shop${businessId}.example/p/${productId}`,
            options.schedule ?? '0 * * * *',
            recipe,
            options.minPriceDelta ?? null,
            options.lastSuccessAt ?? null,
            now,
            now,
          ).lastInsertRowid,
      );
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
    ): number {
      return Number(
        insertSnapshot.run({
          targetId,
          capturedAt: offer.capturedAt ?? new Date().toISOString(),
          name: offer.name ?? null,
          price: offer.price ?? null,
          regularPrice: offer.regularPrice ?? null,
          currency: offer.currency === undefined ? 'PLN' : offer.currency,
          availability: offer.availability === undefined ? 'InStock' : offer.availability,
          promotions: JSON.stringify(offer.promotions ?? []),
          fields: JSON.stringify(offer.fields ?? {}),
        }).lastInsertRowid,
      );
    },
  };
}

export type OfferSeed = ReturnType<typeof offerSeed>;
