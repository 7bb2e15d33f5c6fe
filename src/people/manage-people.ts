import { hashPassword } from '../auth/password-hash.ts';
import type { Role } from '../permissions.ts';
import type { Person } from '../store/people.ts';
import type { Store } from '../store/store.ts';

/** An active person with a password, for scripts (`rivalscope user create --password-stdin`). */
export async function createPerson(store: Store, input: { email: string; role: Role; password: string; displayName?: string }): Promise<Person> {
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  return store.people.create({ email, displayName: input.displayName?.trim() || email, role: input.role, status: 'active', passwordHash });
}

/** Disables a person and ends all their sessions at once. */
export async function disablePerson(store: Store, userId: number): Promise<Person> {
  return store.transaction(async (tx) => {
    await tx.people.setStatus(userId, 'disabled');
    await tx.sessions.deleteForUser(userId);
    return tx.people.get(userId);
  });
}
