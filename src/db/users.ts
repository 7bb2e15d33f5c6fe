import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './open-db.ts';
import { nowIso } from './open-db.ts';
import { conflict, notFound } from '../errors.ts';

export const ROLES = ['admin', 'marketer', 'auditor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: the user behind a valid token. */
export interface Principal {
  userId: number;
  name: string;
  role: Role;
  tokenId: number;
}

export interface TokenInfo {
  id: number;
  userId: number;
  name: string;
  role: Role;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function usersRepo(db: Db) {
  const userByName = db.prepare<[string], { id: number; role: Role }>('SELECT id, role FROM users WHERE name = ?');
  const insertUser = db.prepare('INSERT INTO users (name, role, created_at) VALUES (?, ?, ?)');
  const insertToken = db.prepare('INSERT INTO tokens (user_id, hash, prefix, created_at) VALUES (?, ?, ?, ?)');
  const byHash = db.prepare<[string], Principal & { lastUsedAt: string | null }>(
    `SELECT t.id AS tokenId, u.id AS userId, u.name, u.role, t.last_used_at AS lastUsedAt
     FROM tokens t JOIN users u ON u.id = t.user_id
     WHERE t.hash = ? AND t.revoked_at IS NULL`,
  );
  const touch = db.prepare('UPDATE tokens SET last_used_at = ? WHERE id = ?');
  const listTokens = db.prepare<[], TokenInfo>(
    `SELECT t.id, t.user_id AS userId, u.name, u.role, t.prefix, t.created_at AS createdAt,
       t.last_used_at AS lastUsedAt, t.revoked_at AS revokedAt
     FROM tokens t JOIN users u ON u.id = t.user_id ORDER BY t.id`,
  );
  const revoke = db.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  const tokenExists = db.prepare<[number], number>('SELECT 1 FROM tokens WHERE id = ?').pluck();
  const countActive = db.prepare<[], number>('SELECT count(*) FROM tokens WHERE revoked_at IS NULL').pluck();

  return {
    /** Creates the user if new, then a token for it. The token is returned once; only its hash is stored. */
    createToken(name: string, role: Role): { token: string; info: TokenInfo } {
      const token = `rs_${randomBytes(24).toString('base64url')}`;
      const id = db.transaction(() => {
        const user = userByName.get(name);
        if (user && user.role !== role)
          throw conflict(`user "${name}" exists with role ${user.role}`, { field: 'role', existingRole: user.role });
        const userId = user ? user.id : Number(insertUser.run(name, role, nowIso()).lastInsertRowid);
        return Number(insertToken.run(userId, hashToken(token), token.slice(0, 7), nowIso()).lastInsertRowid);
      })();
      const info = listTokens.all().find((t) => t.id === id);
      if (!info) throw notFound('token', id);
      return { token, info };
    },
    /** The principal for a bearer token, or null when unknown or revoked. */
    authenticate(token: string): Principal | null {
      const found = byHash.get(hashToken(token));
      if (!found) return null;
      const { lastUsedAt, ...principal } = found;
      // at most one write a minute per token, not one per request
      if (!lastUsedAt || Date.now() - Date.parse(lastUsedAt) > 60_000) touch.run(nowIso(), found.tokenId);
      return principal;
    },
    listTokens: () => listTokens.all(),
    revokeToken(id: number): void {
      if (!tokenExists.get(id)) throw notFound('token', id);
      revoke.run(nowIso(), id);
    },
    userIdByName(name: string): number | null {
      return userByName.get(name)?.id ?? null;
    },
    hasActiveTokens: () => countActive.get()! > 0,
  };
}

export type UsersRepo = ReturnType<typeof usersRepo>;
