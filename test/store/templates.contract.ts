import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreHandle } from '../../src/store/store.ts';
import type { StoreFactory } from '../helpers/store-factory.ts';
import { templateDoc } from './template-fixture.ts';

const isoDate = (value: string | null) => value !== null && !Number.isNaN(Date.parse(value));

/** What every backend's TemplateStore must do. */
export function templatesContract(open: StoreFactory) {
  describe('templates', () => {
    let store: StoreHandle;
    let userId: number;
    beforeEach(async () => {
      store = await open();
      userId = (await store.users.createToken('marketer', 'marketer')).info.userId;
    });
    afterEach(() => store.close());

    const create = (key: string, builtin = false, publishedBy: number | null = userId) =>
      store.transaction((tx) => tx.templates.create(templateDoc(key), { publishedBy, builtin }));

    it('creates a template as version 1 and reads it back with its document', async () => {
      const summary = await create('hotline');
      expect(summary).toEqual({
        key: 'hotline',
        title: 'Template hotline',
        touchpoint: 'store',
        builtin: false,
        archived: false,
        archivedAt: null,
        latestVersion: 1,
        createdAt: summary.createdAt,
      });
      expect(isoDate(summary.createdAt)).toBe(true);
      expect(await store.templates.summary('hotline')).toEqual(summary);
      const latest = await store.templates.latestVersion('hotline');
      expect(latest).toMatchObject({ key: 'hotline', version: 1, archived: false, title: 'Template hotline', publishedBy: 'marketer' });
      expect(latest.template).toEqual(templateDoc('hotline'));
      expect(await store.templates.versionById(latest.id)).toEqual(latest);
      expect(await store.templates.version('hotline', 1)).toEqual(latest);
      expect((await create('seeded', true, null)).builtin).toBe(true);
      expect((await store.templates.latestVersion('seeded')).publishedBy).toBeNull();
    });

    it('refuses a taken key as a conflict naming the field', async () => {
      await create('hotline');
      await expect(create('hotline')).rejects.toMatchObject({ code: 'conflict', details: { field: 'key' } });
      expect(await store.templates.versions('hotline')).toHaveLength(1);
    });

    it('adds versions; old versions stay as they were and the summary follows the latest', async () => {
      await create('hotline');
      const v2 = await store.templates.addVersion(templateDoc('hotline', { title: 'Hotline v2', touchpoint: 'phone', points: 10 }), 2, null);
      expect(v2).toMatchObject({ key: 'hotline', version: 2, title: 'Hotline v2', publishedBy: null });
      expect(await store.templates.summary('hotline')).toMatchObject({ title: 'Hotline v2', touchpoint: 'phone', latestVersion: 2 });
      expect((await store.templates.latestVersion('hotline')).id).toBe(v2.id);
      expect((await store.templates.version('hotline', 1)).template).toEqual(templateDoc('hotline'));
      const versions = await store.templates.versions('hotline');
      expect(versions.map(({ version, title, publishedBy }) => ({ version, title, publishedBy }))).toEqual([
        { version: 1, title: 'Template hotline', publishedBy: 'marketer' },
        { version: 2, title: 'Hotline v2', publishedBy: null },
      ]);
      expect(versions.every((v) => isoDate(v.publishedAt))).toBe(true);
      await expect(store.templates.addVersion(templateDoc('hotline'), 2, null)).rejects.toMatchObject({ code: 'conflict' });
    });

    it('answers not found for unknown keys, versions and ids', async () => {
      await create('hotline');
      await expect(store.templates.summary('nope')).rejects.toMatchObject({ code: 'not_found' });
      await expect(store.templates.latestVersion('nope')).rejects.toMatchObject({ code: 'not_found' });
      await expect(store.templates.version('hotline', 2)).rejects.toMatchObject({ code: 'not_found' });
      await expect(store.templates.versionById(9999)).rejects.toMatchObject({ code: 'not_found' });
      await expect(store.templates.addVersion(templateDoc('nope'), 2, null)).rejects.toMatchObject({ code: 'not_found' });
      await expect(store.templates.setArchived('nope', true)).rejects.toMatchObject({ code: 'not_found' });
      expect(await store.templates.versions('nope')).toEqual([]);
    });

    it('lists by key; archived templates only when asked for', async () => {
      for (const key of ['b-chat', 'a-store', 'c-mail']) await create(key);
      const archived = await store.templates.setArchived('b-chat', true);
      expect(archived).toMatchObject({ archived: true });
      expect(isoDate(archived.archivedAt)).toBe(true);
      expect((await store.templates.latestVersion('b-chat')).archived).toBe(true);
      expect((await store.templates.list({ archived: false })).map((t) => t.key)).toEqual(['a-store', 'c-mail']);
      expect((await store.templates.list({ archived: true })).map((t) => t.key)).toEqual(['a-store', 'b-chat', 'c-mail']);
      expect(await store.templates.setArchived('b-chat', false)).toMatchObject({ archived: false, archivedAt: null });
      expect(await store.templates.list({ archived: false })).toHaveLength(3);
    });

    it('a template created in a failed unit of work is not there', async () => {
      await expect(
        store.transaction(async (tx) => {
          await tx.templates.create(templateDoc('hotline'), { publishedBy: null, builtin: false });
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      await expect(store.templates.summary('hotline')).rejects.toMatchObject({ code: 'not_found' });
      expect(await store.templates.list({ archived: true })).toEqual([]);
    });
  });
}
