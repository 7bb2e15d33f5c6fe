import { execFile } from 'node:child_process';
import { pgBinary } from './pg-binaries.ts';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import type { Store, StoreHandle } from '../store.ts';
import { sqliteAlertQueue } from '../sqlite/alert-queue.ts';
import { sqliteAlerts } from '../sqlite/alerts.ts';
import { sqliteBusinesses } from '../sqlite/businesses.ts';
import { sqliteChanges } from '../sqlite/changes.ts';
import { sqliteComparisons } from '../sqlite/comparisons.ts';
import { sqlitePeople } from '../sqlite/people.ts';
import { sqliteProducts } from '../sqlite/products.ts';
import { sqliteRunQueue } from '../sqlite/run-queue.ts';
import { sqliteRuns } from '../sqlite/runs.ts';
import { sqliteSessions } from '../sqlite/sessions.ts';
import { sqliteSnapshots } from '../sqlite/snapshots.ts';
import { sqliteTargets } from '../sqlite/targets.ts';
import { sqliteTemplates } from '../sqlite/templates.ts';
import { sqliteUserLinks } from '../sqlite/user-links.ts';
import { sqliteUsers } from '../sqlite/users.ts';
import { sqliteVisits } from '../sqlite/visits.ts';
import { migratePg } from './migrate.ts';
import { DEFAULT_POOL_SIZE, openPgPool, pgQueries, type Queries } from './open-pg.ts';

/**
 * The aggregates over Postgres: the very query-builder code of the SQLite backend (src/store/sqlite), compiled
 * for Postgres. The schemas agree column for column (test/store/pg/schema.test.ts) and the pool hands rows
 * back in SQLite's shapes (open-pg.ts), so a query is written once. Where the backends differ it says so
 * in the shared code (claims skip locked rows here; unique violations are recognised for both).
 */
function aggregates(db: Queries): Omit<Store, 'transaction'> {
  return {
    businesses: sqliteBusinesses(db),
    products: sqliteProducts(db),
    targets: sqliteTargets(db),
    runs: sqliteRuns(db),
    runQueue: sqliteRunQueue(db, { skipLocked: true, advisoryPlannerLock: true }),
    snapshots: sqliteSnapshots(db),
    changes: sqliteChanges(db),
    comparisons: sqliteComparisons(db),
    alerts: sqliteAlerts(db),
    alertQueue: sqliteAlertQueue(db, { skipLocked: true }),
    templates: sqliteTemplates(db),
    visits: sqliteVisits(db),
    users: sqliteUsers(db),
    people: sqlitePeople(db),
    sessions: sqliteSessions(db),
    userLinks: sqliteUserLinks(db),
  };
}

/** SQLSTATEs of a unit of work Postgres aborted only because of another one: serialization_failure, deadlock_detected. */
const RETRYABLE = new Set<unknown>(['40001', '40P01']);
const TRANSACTION_ATTEMPTS = 5;

export interface PgStoreOptions {
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
}

/** The backend past one machine: a pool of connections to the Postgres at `url`, migrated on open. */
export async function openPgStore(url: string, options: PgStoreOptions = {}): Promise<StoreHandle> {
  const pool = openPgPool(url, options.poolSize ?? DEFAULT_POOL_SIZE);
  const queries = pgQueries(pool);
  try {
    if (options.migrate !== false) await migratePg(pool);
  } catch (err) {
    await queries.destroy();
    throw err;
  }

  // Each unit of work holds one pooled connection from BEGIN to COMMIT; other work goes on beside it. A unit
  // Postgres aborts for a deadlock or a serialization failure is run again: it holds no network I/O, so
  // running it again only repeats its reads and writes.
  const transaction: Store['transaction'] = async (work) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await queries.transaction().execute((trx) => {
          const tx: Store = { ...aggregates(trx), transaction: (inner) => inner(tx) };
          return work(tx);
        });
      } catch (err) {
        if (attempt >= TRANSACTION_ATTEMPTS || !RETRYABLE.has((err as { code?: unknown }).code)) throw err;
      }
    }
  };

  return {
    ...aggregates(queries),
    transaction,
    async ping() {
      await sql`SELECT 1`.execute(queries);
    },
    // pg_dump takes one consistent snapshot while writers carry on; its custom format restores with pg_restore.
    async backup(file) {
      const target = new URL(url);
      const password = decodeURIComponent(target.password);
      target.password = '';
      await promisify(execFile)(pgBinary('pg_dump'), ['--format=custom', `--file=${file}`, `--dbname=${target.href}`], {
        env: password ? { ...process.env, PGPASSWORD: password } : undefined,
      });
    },
    async close() {
      await queries.destroy();
    },
  };
}
