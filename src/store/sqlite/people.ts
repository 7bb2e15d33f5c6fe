import type { Selectable } from 'kysely';
import { conflict, notFound } from '../../errors.ts';
import type { Role } from '../../permissions.ts';
import type { PeopleStore, Person, PersonStatus } from '../people.ts';
import { toPage } from '../paging.ts';
import type { Queries } from './open-sqlite.ts';
import type { UsersTable } from './schema.ts';
import { isUniqueViolation, nowIso } from './sqlite-values.ts';

/** A users row that has an email, as a Person. */
export const toPerson = (r: Selectable<UsersTable>): Person => ({
  id: r.id,
  email: r.email!,
  displayName: r.display_name ?? r.email!,
  role: r.role as Role,
  status: r.status as PersonStatus,
  createdAt: r.created_at,
});

function emailConflict(err: unknown): never {
  if (isUniqueViolation(err, 'users.email') || isUniqueViolation(err, 'users.name'))
    throw conflict('someone already has this email', { field: 'email' });
  throw err;
}

export function sqlitePeople(db: Queries): PeopleStore {
  const people = () => db.selectFrom('users').selectAll().where('email', 'is not', null);

  const get = async (id: number): Promise<Person> => {
    const row = await people().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('person', id);
    return toPerson(row);
  };

  return {
    get,
    async create(input) {
      const email = input.email.trim().toLowerCase();
      const { id } = await db
        .insertInto('users')
        .values({
          name: email,
          email,
          display_name: input.displayName,
          role: input.role,
          status: input.status,
          password_hash: input.passwordHash,
          created_at: nowIso(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
        .catch(emailConflict);
      return get(id);
    },
    async findByEmail(email) {
      const row = await people().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
      return row ? { person: toPerson(row), passwordHash: row.password_hash } : null;
    },
    async list({ limit, after }) {
      const rows = await people().where('id', '>', after ?? 0).orderBy('id').limit(limit + 1).execute();
      return toPage(rows.map(toPerson), limit);
    },
    async setPassword(id, passwordHash) {
      await get(id);
      await db
        .updateTable('users')
        .set((eb) => ({ password_hash: passwordHash, status: eb.case().when('status', '=', 'invited').then('active').else(eb.ref('status')).end() }))
        .where('id', '=', id)
        .execute();
    },
    async setStatus(id, status) {
      await get(id);
      await db.updateTable('users').set({ status }).where('id', '=', id).execute();
    },
  };
}
