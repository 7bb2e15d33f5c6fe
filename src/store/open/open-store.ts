import { isPostgresUrl, type Config } from '../../config.ts';
import { migratePg } from '../pg/migrate.ts';
import { openPgPool } from '../pg/open-pg.ts';
import { openPgStore } from '../pg/pg-store.ts';
import { migrate } from '../sqlite/migrate.ts';
import { openSqliteFile } from '../sqlite/open-sqlite.ts';
import { openSqliteStore } from '../sqlite/sqlite-store.ts';
import type { StoreHandle } from '../store.ts';

type DbConfig = Pick<Config, 'dbPath' | 'dbPoolSize'>;

/** The store the config names: Postgres for a postgres:// URL, else the SQLite file. Migrated on open. */
export async function openStore(config: DbConfig): Promise<StoreHandle> {
  return isPostgresUrl(config.dbPath) ? openPgStore(config.dbPath, { poolSize: config.dbPoolSize }) : openSqliteStore(config.dbPath);
}

/** Applies pending migrations of the configured database; returns the files applied. */
export async function migrateStore(config: DbConfig): Promise<string[]> {
  if (isPostgresUrl(config.dbPath)) {
    const pool = openPgPool(config.dbPath, 1);
    try {
      return await migratePg(pool);
    } finally {
      await pool.end();
    }
  }
  const db = openSqliteFile(config.dbPath, { migrate: false });
  try {
    return migrate(db);
  } finally {
    db.close();
  }
}

/** The database for messages and logs: a Postgres URL without its password. */
export function describeDb(dbPath: string): string {
  if (!isPostgresUrl(dbPath)) return dbPath;
  const url = new URL(dbPath);
  if (url.password) url.password = '***';
  return url.href;
}
