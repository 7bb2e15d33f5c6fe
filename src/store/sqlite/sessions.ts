import type { SessionStore } from '../sessions.ts';
import type { Queries } from './open-sqlite.ts';
import { toPerson } from './people.ts';

export function sqliteSessions(db: Queries): SessionStore {
  return {
    async create(s) {
      await db
        .insertInto('sessions')
        .values({ hash: s.hash, user_id: s.userId, created_at: s.createdAt, last_seen_at: s.createdAt, idle_expires_at: s.idleExpiresAt, expires_at: s.expiresAt })
        .execute();
    },
    async findLive(hash, now) {
      const row = await db
        .selectFrom('sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .selectAll('u')
        .select(['s.id as sessionId', 's.last_seen_at as lastSeenAt'])
        .where('s.hash', '=', hash)
        .where('s.idle_expires_at', '>', now)
        .where('s.expires_at', '>', now)
        .where('u.status', '=', 'active')
        .where('u.email', 'is not', null)
        .executeTakeFirst();
      if (!row) return null;
      const { sessionId, lastSeenAt, ...user } = row;
      return { id: sessionId, lastSeenAt, person: toPerson(user) };
    },
    async touch(id, lastSeenAt, idleExpiresAt) {
      await db.updateTable('sessions').set({ last_seen_at: lastSeenAt, idle_expires_at: idleExpiresAt }).where('id', '=', id).execute();
    },
    async delete(hash) {
      await db.deleteFrom('sessions').where('hash', '=', hash).execute();
    },
    async deleteForUser(userId) {
      const { numDeletedRows } = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
      return Number(numDeletedRows);
    },
    async deleteExpired(now) {
      const { numDeletedRows } = await db
        .deleteFrom('sessions')
        .where((eb) => eb.or([eb('idle_expires_at', '<=', now), eb('expires_at', '<=', now)]))
        .executeTakeFirst();
      return Number(numDeletedRows);
    },
  };
}
