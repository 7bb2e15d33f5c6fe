import type { Db } from '../../src/db/open-db.ts';
import { businessesRepo } from '../../src/db/businesses.ts';
import { productsRepo } from '../../src/db/products.ts';
import { targetsRepo, type Target, type TargetInput } from '../../src/db/targets.ts';

/** A business, a product and a target for it straight in the database; `overrides` change the target. */
export function seedTarget(db: Db, overrides: Partial<TargetInput> = {}): Target {
  const business = businessesRepo(db).create({ name: `Rival ${Math.random().toString(36).slice(2, 8)}`, own: false, website: null, locale: null });
  const product = productsRepo(db).create({ name: 'Espresso 250 g', sku: null, gtin: null });
  return targetsRepo(db).create({
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
