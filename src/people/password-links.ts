import { hashPassword } from '../auth/password-hash.ts';
import { hashSecret, newSecret } from '../auth/secret-token.ts';
import type { Role } from '../permissions.ts';
import type { Person } from '../store/people.ts';
import type { Store } from '../store/store.ts';
import type { LinkPurpose, UserLink } from '../store/user-links.ts';
import { LINK_TTL_MS } from './people-policy.ts';

/** The path of a password link; the token is in the query so request logs (which log the path) never hold it. */
export const setPasswordPath = (token: string) => `/set-password?token=${encodeURIComponent(token)}`;

async function issueLink(store: Store, userId: number, purpose: LinkPurpose): Promise<string> {
  const token = newSecret();
  const now = Date.now();
  await store.userLinks.create({ hash: hashSecret(token), userId, purpose, createdAt: new Date(now).toISOString(), expiresAt: new Date(now + LINK_TTL_MS).toISOString() });
  return token;
}

/** Adds an invited person and a single-use invite link (valid 72 h); returns the link's token, shown once. */
export async function invitePerson(store: Store, input: { email: string; role: Role; displayName?: string }): Promise<{ person: Person; token: string }> {
  return store.transaction(async (tx) => {
    const email = input.email.trim().toLowerCase();
    const person = await tx.people.create({ email, displayName: input.displayName?.trim() || email, role: input.role, status: 'invited', passwordHash: null });
    return { person, token: await issueLink(tx, person.id, 'invite') };
  });
}

/** A new single-use link for a person to choose a password (an invite again while they never set one). */
export async function issuePasswordLink(store: Store, userId: number): Promise<string> {
  const person = await store.people.get(userId);
  return issueLink(store, userId, person.status === 'invited' ? 'invite' : 'reset');
}

/** The link behind a token and its person while it can still be used: unused, unexpired, person not disabled. */
export async function openLink(store: Store, token: string, now = Date.now()): Promise<{ link: UserLink; person: Person } | null> {
  const link = await store.userLinks.findByHash(hashSecret(token));
  if (!link || link.usedAt !== null || Date.parse(link.expiresAt) <= now) return null;
  const person = await store.people.get(link.userId);
  return person.status === 'disabled' ? null : { link, person };
}

/**
 * Sets the password behind a link and uses the link up; ends the person's other sessions. Null when the link
 * cannot be used (anymore), also when another request redeemed it a moment earlier.
 */
export async function redeemLink(store: Store, token: string, password: string): Promise<Person | null> {
  const passwordHash = await hashPassword(password);
  return store.transaction(async (tx) => {
    const open = await openLink(tx, token);
    if (!open || !(await tx.userLinks.markUsed(open.link.id, new Date().toISOString()))) return null;
    await tx.people.setPassword(open.person.id, passwordHash);
    await tx.sessions.deleteForUser(open.person.id);
    return tx.people.get(open.person.id);
  });
}
