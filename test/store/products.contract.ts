import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreHandle } from '../../src/store/store.ts';
import type { StoreFactory } from '../helpers/store-factory.ts';
import { seedTarget } from '../helpers/seed-target.ts';

const product = (name: string, sku: string | null = null) => ({ name, sku, gtin: null });

/** What every backend's ProductStore must do. */
export function productsContract(open: StoreFactory) {
  describe('products', () => {
    let store: StoreHandle;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(() => store.close());

    it('creates, reads back, updates and removes', async () => {
      const created = await store.products.create({ name: 'Espresso 250 g', sku: 'ESP-250', gtin: '5901234123457' });
      expect(created).toMatchObject({ name: 'Espresso 250 g', sku: 'ESP-250', gtin: '5901234123457' });
      expect(Number.isNaN(Date.parse(created.createdAt))).toBe(false);
      expect(await store.products.get(created.id)).toEqual(created);
      expect(await store.products.update(created.id, { sku: null })).toMatchObject({ name: 'Espresso 250 g', sku: null, gtin: '5901234123457' });
      await store.products.remove(created.id);
      await expect(store.products.get(created.id)).rejects.toMatchObject({ code: 'not_found' });
      await expect(store.products.remove(created.id)).rejects.toMatchObject({ code: 'not_found' });
      await expect(store.products.update(created.id, { name: 'x' })).rejects.toMatchObject({ code: 'not_found' });
    });

    it('lists by name and exact sku, a page at a time', async () => {
      await store.products.create(product('Espresso 250 g', 'E1'));
      await store.products.create(product('Filter 250 g', 'F1'));
      await store.products.create(product('Espresso 1 kg', 'E2'));
      expect((await store.products.list({ q: 'spress', limit: 10 })).items.map((p) => p.name)).toEqual(['Espresso 250 g', 'Espresso 1 kg']);
      expect((await store.products.list({ sku: 'E2', limit: 10 })).items.map((p) => p.name)).toEqual(['Espresso 1 kg']);
      expect((await store.products.list({ sku: 'E', limit: 10 })).items).toEqual([]);
      const first = await store.products.list({ limit: 2 });
      expect(first.items).toHaveLength(2);
      expect(first.nextAfter).not.toBeNull();
      const rest = await store.products.list({ after: first.items[1]!.id, limit: 2 });
      expect(rest.items.map((p) => p.name)).toEqual(['Espresso 1 kg']);
      expect(rest.nextAfter).toBeNull();
    });

    it('removing a product removes its targets', async () => {
      const target = await seedTarget(store);
      await store.products.remove(target.productId);
      await expect(store.targets.get(target.id)).rejects.toMatchObject({ code: 'not_found' });
    });
  });
}
