import type { Db } from '../db/open-db.ts';
import type { FieldValue } from '../../scrapers/offer.ts';
import type { Recipe } from '../../scrapers/recipe.ts';
import type { FieldDefinition, OfferInput } from './compare-product.ts';
import { staleSince } from './staleness.ts';

interface Row {
  targetId: number;
  businessId: number;
  business: string;
  own: number;
  productId: number;
  schedule: string;
  lastSuccessAt: string | null;
  recipe: string | null;
  snapshotId: number | null;
  capturedAt: string | null;
  price: string | null;
  regularPrice: string | null;
  currency: string | null;
  availability: OfferInput['availability'];
  promotions: string | null;
  fields: string | null;
}

const cache = new WeakMap<Db, ReturnType<typeof prepare>>();

function prepare(db: Db) {
  return db.prepare<[string], Row>(
      `SELECT t.id AS targetId, t.business_id AS businessId, b.name AS business, b.own, t.product_id AS productId,
         t.schedule, t.last_success_at AS lastSuccessAt, t.recipe, s.id AS snapshotId, s.captured_at AS capturedAt, s.price,
         s.regular_price AS regularPrice, s.currency, s.availability, s.promotions, s.fields
       FROM targets t JOIN businesses b ON b.id = t.business_id
         LEFT JOIN latest_snapshots l ON l.target_id = t.id LEFT JOIN snapshots s ON s.id = l.snapshot_id
       WHERE t.enabled = 1 AND t.product_id IN (SELECT value FROM json_each(?)) ORDER BY t.product_id, b.own DESC, t.business_id, t.id`,
  );
}

export interface ProductOffers {
  offers: OfferInput[];
  fields: FieldDefinition[];
  /** When the first offer now current turns stale: until then a comparison of these offers holds. */
  validUntil: number;
}

const recipes = new Map<string, Recipe['fields']>();

function recipeFields(text: string | null): Recipe['fields'] {
  if (!text) return [];
  let fields = recipes.get(text);
  if (!fields) {
    fields = (JSON.parse(text) as Partial<Recipe>).fields ?? [];
    if (recipes.size > 10_000) recipes.clear();
    recipes.set(text, fields);
  }
  return fields;
}

function group(rows: readonly Row[], staleAfter: number, now: number): Map<number, ProductOffers> {
  const byProduct = new Map<number, ProductOffers>();
  for (const r of rows) {
    let entry = byProduct.get(r.productId);
    if (!entry) byProduct.set(r.productId, (entry = { offers: [], fields: [], validUntil: Infinity }));
    // The later of the scheduler's last success and the snapshot itself.
    const last = r.capturedAt && (!r.lastSuccessAt || r.capturedAt > r.lastSuccessAt) ? r.capturedAt : r.lastSuccessAt;
    const staleAt = last === null ? -Infinity : staleSince(last, r.schedule, staleAfter, now);
    if (staleAt >= now && staleAt < entry.validUntil) entry.validUntil = staleAt;
    entry.offers.push({
      targetId: r.targetId,
      businessId: r.businessId,
      business: r.business,
      own: r.own === 1,
      snapshotId: r.snapshotId,
      capturedAt: r.capturedAt,
      stale: r.snapshotId !== null && staleAt < now,
      price: r.price,
      regularPrice: r.regularPrice,
      currency: r.currency,
      availability: r.availability,
      promotions: r.promotions ? (JSON.parse(r.promotions) as string[]) : [],
      fields: r.fields && r.fields !== '{}' ? (JSON.parse(r.fields) as Record<string, FieldValue>) : {},
    });
    for (const f of recipeFields(r.recipe))
      if (!entry.fields.some((d) => d.key === f.key)) entry.fields.push({ key: f.key, label: f.label ?? null, type: f.type, better: f.better });
  }
  return byProduct;
}

/** The latest offer of every enabled target of the given products, with their recipe fields (own recipes first). */
export function loadOffers(db: Db, productIds: readonly number[], staleAfter: number, now = Date.now()): Map<number, ProductOffers> {
  let st = cache.get(db);
  if (!st) cache.set(db, (st = prepare(db)));
  return group(st.all(JSON.stringify(productIds)), staleAfter, now);
}
