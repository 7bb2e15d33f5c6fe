import { createHash, randomBytes } from 'node:crypto';
import { conflict, notFound } from '../../errors.ts';
import type { Role } from '../../permissions.ts';
import type { UserStore } from '../users.ts';
import type { Queries } from './open-sqlite.ts';
import { nowIso } from './sqlite-values.ts';

const LAST_USE_RESOLUTION_MS = 60_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function sqliteUsers(db: Queries): UserStore {
  const tokenInfos = () =>
    db
      .selectFrom('tokens as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select([
        't.id',
        't.user_id as userId',
        'u.name',
        'u.role',
        't.prefix',
        't.created_at as createdAt',
        't.last_used_at as lastUsedAt',
        't.revoked_at as revokedAt',
      ])
      .$narrowType<{ role: Role }>();

  return {
    async createToken(name, role) {
      // Without a unit of work: the insert-if-new cannot half-happen, and a role conflict writes nothing.
      await db
        .insertInto('users')
        .values({ name, role, created_at: nowIso() })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      const user = await db.selectFrom('users').select(['id', 'role']).where('name', '=', name).executeTakeFirstOrThrow();
      if (user.role !== role)
        throw conflict(`user "${name}" exists with role ${user.role}`, { field: 'role', existingRole: user.role });
      const token = `rs_${randomBytes(24).toString('base64url')}`;
      const { id } = await db
        .insertInto('tokens')
        .values({ user_id: user.id, hash: hashToken(token), prefix: token.slice(0, 7), created_at: nowIso() })
        .returning('id')
        .executeTakeFirstOrThrow();
      const info = await tokenInfos().where('t.id', '=', id).executeTakeFirstOrThrow();
      return { token, info };
    },

    async authenticate(token) {
      const found = await db
        .selectFrom('tokens as t')
        .innerJoin('users as u', 'u.id', 't.user_id')
        .select(['t.id as tokenId', 'u.id as userId', 'u.name', 'u.role', 't.last_used_at as lastUsedAt'])
        .where('t.hash', '=', hashToken(token))
        .where('t.revoked_at', 'is', null)
        .$narrowType<{ role: Role }>()
        .executeTakeFirst();
      if (!found) return null;
      const { lastUsedAt, ...principal } = found;
      if (!lastUsedAt || Date.now() - Date.parse(lastUsedAt) > LAST_USE_RESOLUTION_MS)
        await db.updateTable('tokens').set({ last_used_at: nowIso() }).where('id', '=', found.tokenId).execute();
      return principal;
    },

    listTokens: () => tokenInfos().orderBy('t.id').execute(),

    async revokeToken(id) {
      const exists = await db.selectFrom('tokens').select('id').where('id', '=', id).executeTakeFirst();
      if (!exists) throw notFound('token', id);
      await db.updateTable('tokens').set({ revoked_at: nowIso() }).where('id', '=', id).where('revoked_at', 'is', null).execute();
    },

    async hasActiveTokens() {
      const active = await db.selectFrom('tokens').select('id').where('revoked_at', 'is', null).limit(1).executeTakeFirst();
      return active !== undefined;
    },
  };
}
