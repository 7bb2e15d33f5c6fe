import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreHandle } from '../../src/store/store.ts';
import type { StoreFactory } from '../helpers/store-factory.ts';

const rival = (name: string) => ({ name, own: false, website: null, locale: null });

/** What every backend's BusinessStore must do. */
export function businessesContract(open: StoreFactory) {
  describe('businesses', () => {
    let store: StoreHandle;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(() => store.close());

    it('creates, reads back plain values, updates and removes', async () => {
      const created = await store.businesses.create({ name: 'Us', own: true, website: 'https://us.example', locale: 'pl-PL' });
      expect(created).toMatchObject({ name: 'Us', own: true, website: 'https://us.example', locale: 'pl-PL' });
      expect(Number.isNaN(Date.parse(created.createdAt))).toBe(false);
      expect(await store.businesses.get(created.id)).toEqual(created);
      const changed = await store.businesses.update(created.id, { name: 'We' });
      expect(changed).toMatchObject({ name: 'We', own: true });
      await store.businesses.remove(created.id);
      await expect(store.businesses.get(created.id)).rejects.toMatchObject({ code: 'not_found' });
      await expect(store.businesses.remove(created.id)).rejects.toMatchObject({ code: 'not_found' });
    });

    it('refuses a second own business as a conflict naming the field', async () => {
      await store.businesses.create({ ...rival('Us'), own: true });
      await expect(store.businesses.create({ ...rival('Also us'), own: true })).rejects.toMatchObject({
        code: 'conflict',
        details: { field: 'own' },
      });
      const other = await store.businesses.create(rival('Rival'));
      await expect(store.businesses.update(other.id, { own: true })).rejects.toMatchObject({ code: 'conflict' });
    });

    it('lists by own flag and name, a page at a time', async () => {
      await store.businesses.create({ ...rival('Us'), own: true });
      for (const name of ['Alpha', 'Beta', 'Alphabet']) await store.businesses.create(rival(name));
      const competitors = await store.businesses.list({ own: false, limit: 10 });
      expect(competitors.items.map((b) => b.name)).toEqual(['Alpha', 'Beta', 'Alphabet']);
      expect((await store.businesses.list({ q: 'lph', limit: 10 })).items.map((b) => b.name)).toEqual(['Alpha', 'Alphabet']);
      const first = await store.businesses.list({ limit: 2 });
      expect(first.items).toHaveLength(2);
      expect(first.nextAfter).not.toBeNull();
    });

    it('a unit of work lands whole or not at all', async () => {
      await expect(
        store.transaction(async (tx) => {
          await tx.businesses.create(rival('Kept?'));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect((await store.businesses.list({ limit: 10 })).items).toEqual([]);
      await store.transaction(async (tx) => {
        await tx.businesses.create(rival('One'));
        await tx.transaction((inner) => inner.businesses.create(rival('Two')));
      });
      expect((await store.businesses.list({ limit: 10 })).items.map((b) => b.name)).toEqual(['One', 'Two']);
    });
  });
}
