import type { Selectable } from 'kysely';
import type { LinkPurpose, UserLink, UserLinkStore } from '../user-links.ts';
import type { Queries } from './open-sqlite.ts';
import type { UserLinksTable } from './schema.ts';

const toLink = (r: Selectable<UserLinksTable>): UserLink => ({
  id: r.id,
  userId: r.user_id,
  purpose: r.purpose as LinkPurpose,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  usedAt: r.used_at,
});

export function sqliteUserLinks(db: Queries): UserLinkStore {
  return {
    async create(link) {
      const row = await db
        .insertInto('user_links')
        .values({ hash: link.hash, user_id: link.userId, purpose: link.purpose, created_at: link.createdAt, expires_at: link.expiresAt })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toLink(row);
    },
    async findByHash(hash) {
      const row = await db.selectFrom('user_links').selectAll().where('hash', '=', hash).executeTakeFirst();
      return row ? toLink(row) : null;
    },
    async markUsed(id, usedAt) {
      const { numUpdatedRows } = await db.updateTable('user_links').set({ used_at: usedAt }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
      return numUpdatedRows === 1n;
    },
  };
}
