import type { Db } from '../db/open-db.ts';
import { businessesRepo } from '../db/businesses.ts';
import { productsRepo } from '../db/products.ts';
import { targetsRepo, type FetchMode, type Target } from '../db/targets.ts';
import { recipeSchema } from '../../scrapers/recipe.ts';
import { DEMO_PRODUCTS, DEMO_SHOPS, demoRecipe, type DemoShop, type ProductKey } from './catalog.ts';
import type { DemoShops } from './demo-shops.ts';

export const DEMO_SCHEDULE = '* * * * *';

/** The own shop and the plain-HTML shop are static; the microdata shop learns its mode; the JavaScript shop needs the browser. */
function fetchMode(shop: DemoShop, product: ProductKey): FetchMode {
  if (shop.markup === 'script') return product === 'espresso' ? 'browser' : 'auto';
  return shop.markup === 'microdata' ? 'auto' : 'static';
}

/**
 * Creates (or, on a later start, finds and points at the shops' new ports) the demo businesses, products and
 * targets: every shop × product, scheduled every minute, with loyalty and shipping terms as recipe fields.
 */
export function seedDemo(db: Db, shops: DemoShops): Target[] {
  const businesses = businessesRepo(db);
  const products = productsRepo(db);
  const targets = targetsRepo(db);
  const businessId = db.prepare<[string], number>('SELECT id FROM businesses WHERE name = ?').pluck();
  const ownId = db.prepare<[], number>('SELECT id FROM businesses WHERE own = 1').pluck();
  const productId = db.prepare<[string], number>('SELECT id FROM products WHERE name = ?').pluck();
  const targetId = db.prepare<[number, number], number>('SELECT id FROM targets WHERE business_id = ? AND product_id = ?').pluck();

  return db.transaction(() => {
    const productIds = new Map(
      DEMO_PRODUCTS.map((p) => [p.key, productId.get(p.name) ?? products.create({ name: p.name, sku: null, gtin: p.gtin }).id]),
    );
    const seeded: Target[] = [];
    for (const shop of DEMO_SHOPS) {
      const existing = businessId.get(shop.name) ?? (shop.own ? ownId.get() : undefined);
      const bId =
        existing ?? businesses.create({ name: shop.name, own: shop.own, website: shops.origins[shop.key], locale: shop.locale }).id;
      businesses.update(bId, { website: shops.origins[shop.key] });
      for (const p of DEMO_PRODUCTS) {
        const pId = productIds.get(p.key) as number;
        const url = shops.productUrl(shop.key, p.key);
        const tId = targetId.get(bId, pId);
        seeded.push(
          tId !== undefined
            ? targets.update(tId, { url })
            : targets.create({
                businessId: bId,
                productId: pId,
                url,
                fetch: fetchMode(shop, p.key),
                schedule: DEMO_SCHEDULE,
                locale: shop.locale,
                currency: shop.currency,
                recipe: recipeSchema.parse(demoRecipe(shop)),
                enabled: true,
                respectRobots: true,
                minPriceDelta: null,
              }),
        );
      }
    }
    return seeded;
  })();
}
