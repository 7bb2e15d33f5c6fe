import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { openPgStore } from '../../src/store/pg/pg-store.ts';
import type { StoreHandle } from '../../src/store/store.ts';
import { databaseUrl, withAdmin } from './postgres.ts';
import type { StoreFactory } from './store-factory.ts';

/** A fresh database copied from the migrated template (see postgres.ts); dropped again on close. */
export async function freshPgDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const { adminUrl, template } = inject('rivalscopePg');
  const name = `rivalscope_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return {
    url: databaseUrl(adminUrl, name),
    drop: () => withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}

/** The Postgres backend on a database of its own, as the contract tests want it. */
export const pgStoreFactory: StoreFactory = async (): Promise<StoreHandle> => {
  const database = await freshPgDatabase();
  const store = await openPgStore(database.url, { poolSize: 4 });
  return {
    ...store,
    async close() {
      await store.close();
      await database.drop();
    },
  };
};
