import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Any constant both every process agrees on: the advisory lock that lets one of them migrate at a time. */
const MIGRATION_LOCK = 72_017_009;

/** Numbered SQL files (NNN-name.sql) in order: the same numbers and names as SQLite's, kept in step. */
export function pgMigrationFiles(): { version: number; name: string; file: string }[] {
  return readdirSync(migrationsDir)
    .filter((f) => /^\d{3}-[a-z0-9-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f.slice(4, -4), file: f }));
}

/**
 * Applies pending migrations, each in its own transaction, and returns the files applied. Processes starting
 * together on many machines take turns on an advisory lock, so each migration runs once.
 */
export async function migratePg(pool: pg.Pool): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
      const applied = new Set(rows.map((r) => r.version));
      const done: string[] = [];
      for (const m of pgMigrationFiles()) {
        if (applied.has(m.version)) continue;
        const text = readFileSync(migrationsDir + m.file, 'utf8');
        await client.query('BEGIN');
        try {
          await client.query(text);
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
            m.version,
            m.name,
            new Date().toISOString(),
          ]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw new Error(`migration ${m.file} failed: ${(err as Error).message}`, { cause: err });
        }
        done.push(m.file);
      }
      return done;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
