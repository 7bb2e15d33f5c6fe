import { recipeSchema } from '../../scrapers/recipe.ts';
import type { Page } from '../store/paging.ts';
import type { Store } from '../store/store.ts';
import type { FetchMode, Target } from '../store/targets.ts';
import { DEMO_PRODUCTS, DEMO_SHOPS, demoRecipe, type DemoShop, type ProductKey } from './catalog.ts';
import type { DemoShops } from './demo-shops.ts';

export const DEMO_SCHEDULE = '* * * * *';

/** The own shop and the plain-HTML shop are static; the microdata shop learns its mode; the JavaScript shop needs the browser. */
function fetchMode(shop: DemoShop, product: ProductKey): FetchMode {
  if (shop.markup === 'script') return product === 'espresso' ? 'browser' : 'auto';
  return shop.markup === 'microdata' ? 'auto' : 'static';
}

/** The row named exactly `name` among a name search's matches, page by page. */
async function named<T extends { id: number; name: string }>(
  search: (after: number | undefined) => Promise<Page<T>>,
  name: string,
): Promise<T | undefined> {
  for (let after: number | undefined; ; ) {
    const page = await search(after);
    const match = page.items.find((row) => row.name === name);
    if (match || page.nextAfter === null) return match;
    after = page.nextAfter;
  }
}

const businessNamed = (store: Store, name: string) => named((after) => store.businesses.list({ q: name, after, limit: 50 }), name);

const productNamed = (store: Store, name: string) => named((after) => store.products.list({ q: name, after, limit: 50 }), name);

const ownBusiness = async (store: Store) => (await store.businesses.list({ own: true, limit: 1 })).items[0];

/**
 * Creates (or, on a later start, finds and points at the shops' new ports) the demo businesses, products and
 * targets: every shop × product, scheduled every minute, with loyalty and shipping terms as recipe fields.
 */
export async function seedDemo(store: Store, shops: DemoShops): Promise<Target[]> {
  return store.transaction(async (tx) => {
    const productIds = new Map<ProductKey, number>();
    for (const p of DEMO_PRODUCTS) {
      const existing = await productNamed(tx, p.name);
      productIds.set(p.key, existing?.id ?? (await tx.products.create({ name: p.name, sku: null, gtin: p.gtin })).id);
    }
    const seeded: Target[] = [];
    for (const shop of DEMO_SHOPS) {
      const existing = (await businessNamed(tx, shop.name)) ?? (shop.own ? await ownBusiness(tx) : undefined);
      const website = shops.origins[shop.key];
      const bId = existing?.id ?? (await tx.businesses.create({ name: shop.name, own: shop.own, website, locale: shop.locale })).id;
      await tx.businesses.update(bId, { website });
      for (const p of DEMO_PRODUCTS) {
        const pId = productIds.get(p.key) as number;
        const url = shops.productUrl(shop.key, p.key);
        const [target] = (await tx.targets.list({ businessId: bId, productId: pId, limit: 1 })).items;
        seeded.push(
          target
            ? await tx.targets.update(target.id, { url })
            : await tx.targets.create({
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
  });
}
