import { targetHistory } from '../../compare/target-history.ts';
import type { Business } from '../../store/businesses.ts';
import type { Store } from '../../store/store.ts';
import type { Target } from '../../store/targets.ts';

/** One capture of an offer as the chart and its table show it. */
export interface PricePoint {
  at: string;
  snapshotId: number;
  /** Exact decimal; null when the page showed no price. */
  price: string | null;
  currency: string | null;
  outOfStock: boolean;
  promotions: number;
}

/** The price history of one business's offer (one target) of the product. */
export interface PriceSeries {
  targetId: number;
  label: string;
  own: boolean;
  points: PricePoint[];
}

/** How many of each offer's latest captures the chart shows. */
export const HISTORY_LIMIT = 500;

/**
 * Each target's price, availability and promotion count over time, own business first, labelled by business
 * (and target id when a business watches the product at more than one address).
 */
export async function priceHistory(store: Store, targets: readonly Target[], businesses: ReadonlyMap<number, Business>): Promise<PriceSeries[]> {
  const perBusiness = new Map<number, number>();
  for (const t of targets) perBusiness.set(t.businessId, (perBusiness.get(t.businessId) ?? 0) + 1);
  const series = await Promise.all(
    targets.map(async (target): Promise<PriceSeries> => {
      const history = await targetHistory(store, target.id, { limit: HISTORY_LIMIT });
      const field = (name: string) => new Map(history.series.find((s) => s.field === name)?.points.map((p) => [p.snapshotId, p]) ?? []);
      const availability = field('availability');
      const promotions = field('promotions');
      const points = [...field('price').values()].map((p) => ({
        at: p.at,
        snapshotId: p.snapshotId,
        price: p.value,
        currency: p.currency ?? null,
        outOfStock: availability.get(p.snapshotId)?.value === 'OutOfStock',
        promotions: Number(promotions.get(p.snapshotId)?.value ?? 0),
      }));
      const business = businesses.get(target.businessId);
      const name = business?.name ?? `Business ${target.businessId}`;
      return { targetId: target.id, label: perBusiness.get(target.businessId)! > 1 ? `${name} (target ${target.id})` : name, own: business?.own ?? false, points };
    }),
  );
  return series.sort((a, b) => Number(b.own) - Number(a.own));
}
