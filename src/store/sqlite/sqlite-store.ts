import { sql } from 'kysely';
import type { Store, StoreHandle } from '../store.ts';
import { sqliteAlertQueue } from './alert-queue.ts';
import { sqliteAlerts } from './alerts.ts';
import { sqliteBusinesses } from './businesses.ts';
import { sqliteChanges } from './changes.ts';
import { sqliteComparisons } from './comparisons.ts';
import { openSqliteFile, sqliteQueries, type Queries } from './open-sqlite.ts';
import { sqlitePeople } from './people.ts';
import { sqliteProducts } from './products.ts';
import { sqliteRunQueue } from './run-queue.ts';
import { sqliteRuns } from './runs.ts';
import { sqliteSessions } from './sessions.ts';
import { sqliteSnapshots } from './snapshots.ts';
import { sqliteTargets } from './targets.ts';
import { sqliteTemplates } from './templates.ts';
import { sqliteUserLinks } from './user-links.ts';
import { sqliteUsers } from './users.ts';
import { sqliteVisits } from './visits.ts';

function aggregates(db: Queries): Omit<Store, 'transaction'> {
  return {
    businesses: sqliteBusinesses(db),
    products: sqliteProducts(db),
    targets: sqliteTargets(db),
    runs: sqliteRuns(db),
    runQueue: sqliteRunQueue(db),
    snapshots: sqliteSnapshots(db),
    changes: sqliteChanges(db),
    comparisons: sqliteComparisons(db),
    alerts: sqliteAlerts(db),
    alertQueue: sqliteAlertQueue(db),
    templates: sqliteTemplates(db),
    visits: sqliteVisits(db),
    users: sqliteUsers(db),
    people: sqlitePeople(db),
    sessions: sqliteSessions(db),
    userLinks: sqliteUserLinks(db),
  };
}

/** The embedded backend: one better-sqlite3 connection (WAL) to the file at `path`, migrated on open. */
export function openSqliteStore(path: string): StoreHandle {
  const db = openSqliteFile(path);
  const queries = sqliteQueries(db);

  // One connection: while a unit of work holds it, Kysely's connection lock makes every other query
  // wait, so nothing from outside interleaves with it. IMMEDIATE takes the write lock up front, so two
  // processes never deadlock upgrading read locks.
  const transaction: Store['transaction'] = (work) =>
    queries.connection().execute(async (connection) => {
      const tx: Store = { ...aggregates(connection), transaction: (inner) => inner(tx) };
      await sql`BEGIN IMMEDIATE`.execute(connection);
      try {
        const result = await work(tx);
        await sql`COMMIT`.execute(connection);
        return result;
      } catch (err) {
        if (db.inTransaction) await sql`ROLLBACK`.execute(connection);
        throw err;
      }
    });

  return {
    ...aggregates(queries),
    transaction,
    async ping() {
      await sql`SELECT 1`.execute(queries);
    },
    // VACUUM INTO copies in one read transaction: writers in other connections carry on, and unlike the
    // page-by-page backup API it never restarts when they write.
    async backup(file) {
      await sql`VACUUM INTO ${file}`.execute(queries);
    },
    async close() {
      await queries.destroy();
    },
  };
}
