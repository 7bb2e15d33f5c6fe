import { dummyPasswordHash, verifyPassword } from '../auth/password-hash.ts';
import type { SignInLimiter } from '../auth/sign-in-limiter.ts';
import type { Person } from '../store/people.ts';
import type { Store } from '../store/store.ts';
import { startSession } from './sessions.ts';

export type SignInResult =
  | { ok: true; person: Person; sessionId: string }
  /** `retryAfterSeconds` > 0: too many attempts, nothing was checked. 0: the email and password do not match an active person. */
  | { ok: false; retryAfterSeconds: number };

/**
 * Checks an email and password and starts a session. An unknown email, a wrong password, an invited or a
 * disabled person all fail the same way, after the same scrypt work, and count against the limiter alike.
 */
export async function signIn(store: Store, limiter: SignInLimiter, input: { email: string; password: string; address: string }): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const wait = limiter.retryAfterSeconds(email, input.address);
  if (wait > 0) return { ok: false, retryAfterSeconds: wait };
  const found = await store.people.findByEmail(email);
  const matches = await verifyPassword(input.password, found?.passwordHash ?? (await dummyPasswordHash()));
  if (!found || !matches || found.person.status !== 'active') {
    limiter.recordFailure(email, input.address);
    return { ok: false, retryAfterSeconds: 0 };
  }
  limiter.recordSuccess(email);
  return { ok: true, person: found.person, sessionId: await startSession(store, found.person.id) };
}
