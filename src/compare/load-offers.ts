import type { LatestOffer } from '../store/comparisons.ts';
import type { Store } from '../store/store.ts';
import type { FieldDefinition, OfferInput } from './compare-product.ts';
import { staleSince } from './staleness.ts';

export interface ProductOffers {
  offers: OfferInput[];
  fields: FieldDefinition[];
  /** When the first offer now current turns stale: until then a comparison of these offers holds. */
  validUntil: number;
}

function group(latest: readonly LatestOffer[], staleAfter: number, now: number): Map<number, ProductOffers> {
  const byProduct = new Map<number, ProductOffers>();
  for (const r of latest) {
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
      own: r.own,
      snapshotId: r.snapshotId,
      capturedAt: r.capturedAt,
      stale: r.snapshotId !== null && staleAt < now,
      price: r.price,
      regularPrice: r.regularPrice,
      currency: r.currency,
      availability: r.availability,
      promotions: r.promotions,
      fields: r.fields,
    });
    for (const f of r.recipeFields)
      if (!entry.fields.some((d) => d.key === f.key)) entry.fields.push({ key: f.key, label: f.label ?? null, type: f.type, better: f.better });
  }
  return byProduct;
}

/** The latest offer of every enabled target of the given products, with their recipe fields (own recipes first). */
export async function loadOffers(
  store: Store,
  productIds: readonly number[],
  staleAfter: number,
  now = Date.now(),
): Promise<Map<number, ProductOffers>> {
  return group(await store.comparisons.latestOffers(productIds), staleAfter, now);
}
