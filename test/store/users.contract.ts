import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoreHandle } from '../../src/store/store.ts';
import type { StoreFactory } from '../helpers/store-factory.ts';

/** What every backend's UserStore must do. */
export function usersContract(open: StoreFactory) {
  describe('users and tokens', () => {
    let store: StoreHandle;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      vi.useRealTimers();
      await store.close();
    });

    it('creates a token once, authenticates it and lists it without the secret', async () => {
      expect(await store.users.hasActiveTokens()).toBe(false);
      const { token, info } = await store.users.createToken('ops', 'admin');
      expect(token).toMatch(/^rs_[A-Za-z0-9_-]{20,}$/);
      expect(info).toMatchObject({ name: 'ops', role: 'admin', prefix: token.slice(0, 7), lastUsedAt: null, revokedAt: null });
      expect(Number.isNaN(Date.parse(info.createdAt))).toBe(false);
      expect(await store.users.authenticate(token)).toEqual({ userId: info.userId, name: 'ops', role: 'admin', tokenId: info.id });
      expect(await store.users.authenticate(`${token}x`)).toBeNull();
      const listed = await store.users.listTokens();
      expect(listed).toHaveLength(1);
      expect(JSON.stringify(listed)).not.toContain(token.slice(7));
      expect(await store.users.hasActiveTokens()).toBe(true);
    });

    it('a second token for a user reuses it; another role for the same name is a conflict that writes nothing', async () => {
      const first = await store.users.createToken('ci', 'viewer');
      const second = await store.users.createToken('ci', 'viewer');
      expect(second.info.userId).toBe(first.info.userId);
      expect(second.info.id).not.toBe(first.info.id);
      await expect(store.users.createToken('ci', 'admin')).rejects.toMatchObject({
        code: 'conflict',
        details: { field: 'role', existingRole: 'viewer' },
      });
      expect((await store.users.listTokens()).map((t) => t.id)).toEqual([first.info.id, second.info.id]);
    });

    it('a revoked token no longer authenticates; revoking twice is fine, an unknown token is not found', async () => {
      const { token, info } = await store.users.createToken('temp', 'marketer');
      await store.users.revokeToken(info.id);
      expect(await store.users.authenticate(token)).toBeNull();
      const [revoked] = await store.users.listTokens();
      expect(revoked?.revokedAt).not.toBeNull();
      await store.users.revokeToken(info.id);
      expect((await store.users.listTokens())[0]?.revokedAt).toBe(revoked?.revokedAt);
      expect(await store.users.hasActiveTokens()).toBe(false);
      await expect(store.users.revokeToken(info.id + 1)).rejects.toMatchObject({ code: 'not_found' });
    });

    it('notes the last use at most once a minute', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2030-01-01T10:00:00Z'));
      const { token } = await store.users.createToken('bot', 'viewer');
      const lastUsed = async () => (await store.users.listTokens())[0]?.lastUsedAt;
      await store.users.authenticate(token);
      expect(await lastUsed()).toBe('2030-01-01T10:00:00.000Z');
      vi.setSystemTime(new Date('2030-01-01T10:00:30Z'));
      await store.users.authenticate(token);
      expect(await lastUsed()).toBe('2030-01-01T10:00:00.000Z');
      vi.setSystemTime(new Date('2030-01-01T10:01:01Z'));
      await store.users.authenticate(token);
      expect(await lastUsed()).toBe('2030-01-01T10:01:01.000Z');
    });
  });
}
