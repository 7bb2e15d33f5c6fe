import type { Person } from './people.ts';

export interface NewSession {
  /** SHA-256 of the session id; the id itself lives only in the browser's cookie. */
  hash: string;
  userId: number;
  createdAt: string;
  idleExpiresAt: string;
  expiresAt: string;
}

export interface LiveSession {
  id: number;
  lastSeenAt: string;
  person: Person;
}

/** Server-side sessions of signed-in people. */
export interface SessionStore {
  create(session: NewSession): Promise<void>;
  /** The session with this hash when neither expiry has passed at `now` and its person is active; else null. */
  findLive(hash: string, now: string): Promise<LiveSession | null>;
  /** Notes a use: last seen now, idle expiry moved on (never past the absolute expiry, which findLive checks). */
  touch(id: number, lastSeenAt: string, idleExpiresAt: string): Promise<void>;
  delete(hash: string): Promise<void>;
  /** Ends every session of a person (disabled, or a new password set); returns how many there were. */
  deleteForUser(userId: number): Promise<number>;
  /** Removes sessions past either expiry at `now`; returns how many. */
  deleteExpired(now: string): Promise<number>;
}
