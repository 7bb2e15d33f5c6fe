import type { Store } from '../../src/store/store.ts';
import type { Target, TargetInput } from '../../src/store/targets.ts';

/** A business, a product and a target for it, through the store; `overrides` change the target. */
export async function seedTarget(store: Store, overrides: Partial<TargetInput> = {}): Promise<Target> {
  const business = await store.businesses.create({ name: `Rival ${Math.random().toString(36).slice(2, 8)}`, own: false, website: null, locale: null });
  const product = await store.products.create({ name: 'Espresso 250 g', sku: null, gtin: null });
  return store.targets.create({
    businessId: business.id,
    productId: product.id,
    url: 'http://127.0.0.1:9/espresso',
    fetch: 'static',
    schedule: '*/5 * * * *',
    locale: null,
    currency: null,
    recipe: null,
    enabled: true,
    respectRobots: false,
    minPriceDelta: null,
    ...overrides,
  });
}
