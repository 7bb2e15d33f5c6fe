import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import { migrate } from './migrate.ts';
import type { Tables } from './schema.ts';

export type SqliteDb = Database.Database;
export type Queries = Kysely<Tables>;

const STATEMENT_CACHE_SIZE = 1000;

/** Opens (creating if needed) the SQLite file with WAL, foreign keys and a busy timeout, then migrates it. */
export function openSqliteFile(path: string, options: { migrate?: boolean } = {}): SqliteDb {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  if (options.migrate !== false) migrate(db);
  return db;
}

/**
 * Kysely over one better-sqlite3 connection. Statements are prepared once per SQL text and kept
 * (Kysely's own driver prepares every query anew, which costs more than the query on hot paths).
 */
export function sqliteQueries(db: SqliteDb): Queries {
  const statements = new Map<string, Database.Statement>();
  const database: SqliteDatabase = {
    close: () => db.close(),
    prepare(sql) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
        statements.set(sql, (statement = db.prepare(sql)));
      }
      return statement;
    },
  };
  return new Kysely<Tables>({ dialect: new SqliteDialect({ database }) });
}
