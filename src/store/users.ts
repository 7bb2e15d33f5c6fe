import type { Role } from '../permissions.ts';

/** Who is calling: the user behind a valid token. */
export interface Principal {
  userId: number;
  name: string;
  role: Role;
  /** Null for a person signed in with a session cookie. */
  tokenId: number | null;
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

/** Users and their API tokens. A token's secret is returned once, at creation; only its hash is kept. */
export interface UserStore {
  /** Creates the user if new, then a token for it; a user that exists with another role is a conflict. */
  createToken(name: string, role: Role): Promise<{ token: string; info: TokenInfo }>;
  /** The principal for a bearer token, or null when unknown or revoked. Notes the last use at most once a minute. */
  authenticate(token: string): Promise<Principal | null>;
  listTokens(): Promise<TokenInfo[]>;
  /** Revoking a revoked token changes nothing; an unknown one is not found. */
  revokeToken(id: number): Promise<void>;
  hasActiveTokens(): Promise<boolean>;
}
