import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreHandle } from '../../src/store/store.ts';
import type { StoreFactory } from '../helpers/store-factory.ts';

const T0 = '2030-01-01T10:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

/** What every backend's PeopleStore, SessionStore and UserLinkStore must do. */
export function peopleContract(open: StoreFactory) {
  describe('people, sessions and password links', () => {
    let store: StoreHandle;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    const newPerson = (email: string, status: 'invited' | 'active' = 'active') =>
      store.people.create({ email, displayName: `Name of ${email}`, role: 'marketer', status, passwordHash: status === 'active' ? 'scrypt$hash' : null });

    it('creates people with lower-case unique emails, finds them in any case, and keeps them apart from token users', async () => {
      await store.users.createToken('ci', 'viewer');
      const ada = await newPerson('Ada@Example.com');
      expect(ada).toMatchObject({ email: 'ada@example.com', displayName: 'Name of Ada@Example.com', role: 'marketer', status: 'active' });
      expect(await store.people.findByEmail(' ADA@example.COM ')).toEqual({ person: ada, passwordHash: 'scrypt$hash' });
      expect(await store.people.findByEmail('nobody@example.com')).toBeNull();
      expect(await store.people.findByEmail('ci')).toBeNull();
      await expect(newPerson('ada@EXAMPLE.com')).rejects.toMatchObject({ code: 'conflict', details: { field: 'email' } });
      await expect(store.people.get(ada.id + 100)).rejects.toMatchObject({ code: 'not_found' });
    });

    it('lists only people, a page at a time', async () => {
      await store.users.createToken('ci', 'viewer');
      const made = [await newPerson('a@x.test'), await newPerson('b@x.test'), await newPerson('c@x.test')];
      const first = await store.people.list({ limit: 2 });
      expect(first.items.map((p) => p.email)).toEqual(['a@x.test', 'b@x.test']);
      expect(first.nextAfter).toBe(made[1]!.id);
      const second = await store.people.list({ limit: 2, after: made[1]!.id });
      expect([second.items.map((p) => p.email), second.nextAfter]).toEqual([['c@x.test'], null]);
    });

    it('setting a password activates an invited person but not a disabled one', async () => {
      const invited = await newPerson('new@x.test', 'invited');
      expect((await store.people.findByEmail('new@x.test'))?.passwordHash).toBeNull();
      await store.people.setPassword(invited.id, 'scrypt$new');
      expect(await store.people.findByEmail('new@x.test')).toMatchObject({ person: { status: 'active' }, passwordHash: 'scrypt$new' });
      await store.people.setStatus(invited.id, 'disabled');
      await store.people.setPassword(invited.id, 'scrypt$newer');
      expect((await store.people.get(invited.id)).status).toBe('disabled');
    });

    it('finds a live session by hash until either expiry passes or its person is disabled', async () => {
      const ada = await newPerson('ada@x.test');
      await store.sessions.create({ hash: 'h1', userId: ada.id, createdAt: T0, idleExpiresAt: at(60), expiresAt: at(600) });
      expect(await store.sessions.findLive('h1', at(1))).toEqual({ id: expect.any(Number), lastSeenAt: T0, person: ada });
      expect(await store.sessions.findLive('h2', at(1))).toBeNull();
      expect(await store.sessions.findLive('h1', at(60))).toBeNull();
      const live = await store.sessions.findLive('h1', at(59));
      await store.sessions.touch(live!.id, at(59), at(119));
      expect((await store.sessions.findLive('h1', at(100)))?.lastSeenAt).toBe(at(59));
      await store.sessions.touch(live!.id, at(599), at(659));
      expect(await store.sessions.findLive('h1', at(600))).toBeNull();
      await store.people.setStatus(ada.id, 'disabled');
      expect(await store.sessions.findLive('h1', at(101))).toBeNull();
    });

    it('deletes one session, all of a person, and the expired ones', async () => {
      const ada = await newPerson('ada@x.test');
      const bo = await newPerson('bo@x.test');
      const session = (hash: string, userId: number, idle = 60) => store.sessions.create({ hash, userId, createdAt: T0, idleExpiresAt: at(idle), expiresAt: at(600) });
      await session('a1', ada.id);
      await session('a2', ada.id);
      await session('b1', bo.id, 10);
      await session('b2', bo.id);
      await store.sessions.delete('a1');
      expect(await store.sessions.findLive('a1', at(1))).toBeNull();
      expect(await store.sessions.deleteForUser(ada.id)).toBe(1);
      expect(await store.sessions.findLive('a2', at(1))).toBeNull();
      expect(await store.sessions.deleteExpired(at(10))).toBe(1);
      expect(await store.sessions.findLive('b2', at(11))).not.toBeNull();
    });

    it('keeps password links by hash and lets one use win', async () => {
      const ada = await newPerson('ada@x.test', 'invited');
      const link = await store.userLinks.create({ hash: 'l1', userId: ada.id, purpose: 'invite', createdAt: T0, expiresAt: at(72 * 60) });
      expect(link).toEqual({ id: expect.any(Number), userId: ada.id, purpose: 'invite', createdAt: T0, expiresAt: at(72 * 60), usedAt: null });
      expect(await store.userLinks.findByHash('l1')).toEqual(link);
      expect(await store.userLinks.findByHash('l2')).toBeNull();
      expect(await store.userLinks.markUsed(link.id, at(5))).toBe(true);
      expect(await store.userLinks.markUsed(link.id, at(6))).toBe(false);
      expect((await store.userLinks.findByHash('l1'))?.usedAt).toBe(at(5));
    });
  });
}
