import { hashSecret, newSecret } from '../auth/secret-token.ts';
import type { Person } from '../store/people.ts';
import type { Store } from '../store/store.ts';
import { SESSION_IDLE_MS, SESSION_MAX_MS, SESSION_TOUCH_MS } from './people-policy.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Starts a session for a person; returns its id for the cookie (only the id's hash is stored). Always a new id.
 * Sweeps out expired sessions on the way, so the table holds about as many rows as there are signed-in browsers.
 */
export async function startSession(store: Store, userId: number, now = Date.now()): Promise<string> {
  await store.sessions.deleteExpired(iso(now));
  const id = newSecret();
  await store.sessions.create({ hash: hashSecret(id), userId, createdAt: iso(now), idleExpiresAt: iso(now + SESSION_IDLE_MS), expiresAt: iso(now + SESSION_MAX_MS) });
  return id;
}

/** The active person behind a session id, or null when the session is unknown, expired or its person disabled. */
export async function sessionPerson(store: Store, id: string, now = Date.now()): Promise<Person | null> {
  const live = await store.sessions.findLive(hashSecret(id), iso(now));
  if (!live) return null;
  if (now - Date.parse(live.lastSeenAt) >= SESSION_TOUCH_MS) await store.sessions.touch(live.id, iso(now), iso(now + SESSION_IDLE_MS));
  return live.person;
}

export async function endSession(store: Store, id: string): Promise<void> {
  await store.sessions.delete(hashSecret(id));
}
