import type Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Numbered SQL files (NNN-name.sql) in order. */
function migrationFiles(): { version: number; name: string; file: string }[] {
  return readdirSync(migrationsDir)
    .filter((f) => /^\d{3}-[a-z0-9-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f.slice(4, -4), file: f }));
}

/** Applies pending migrations, each in its own transaction, and returns the names applied. */
export function migrate(db: Database.Database): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(
    db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[],
  );
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const done: string[] = [];
  for (const m of migrationFiles()) {
    if (applied.has(m.version)) continue;
    const sql = readFileSync(migrationsDir + m.file, 'utf8');
    db.transaction(() => {
      db.exec(sql);
      record.run(m.version, m.name, new Date().toISOString());
    })();
    done.push(m.file);
  }
  return done;
}
