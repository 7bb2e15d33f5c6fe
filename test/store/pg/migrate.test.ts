import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { migratePg, pgMigrationFiles } from '../../../src/store/pg/migrate.ts';
import { openPgStore } from '../../../src/store/pg/pg-store.ts';
import { freshPgDatabase } from '../../helpers/pg-store-factory.ts';
import { databaseUrl, withAdmin } from '../../helpers/postgres.ts';
import { tempDir } from '../../helpers/test-app.ts';

/** An empty database (not a copy of the migrated template). */
async function emptyDatabase() {
  const { adminUrl } = inject('rivalscopePg');
  const name = `rivalscope_empty_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  return {
    url: databaseUrl(adminUrl, name),
    drop: () => withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

describe('Postgres migrations', () => {
  it('migrate from empty once, even when several processes start at the same time, and are idempotent', async () => {
    const database = await emptyDatabase();
    const pools = [1, 2, 3].map(() => new pg.Pool({ connectionString: database.url, max: 1 }));
    try {
      const applied = await Promise.all(pools.map((p) => migratePg(p)));
      const files = pgMigrationFiles().map((m) => m.file);
      expect(applied.flat().sort()).toEqual(files);
      const { rows } = await pools[0]!.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(files.map((f) => Number(f.slice(0, 3))));
      expect(await migratePg(pools[0]!)).toEqual([]);
    } finally {
      await Promise.all(pools.map((p) => p.end()));
      await database.drop();
    }
  });

  it('backs up with pg_dump into a file pg_restore reads', async () => {
    const database = await freshPgDatabase();
    const tmp = tempDir('rivalscope-pg-backup-');
    const store = await openPgStore(database.url, { poolSize: 2 });
    try {
      await store.products.create({ name: 'Espresso', sku: null, gtin: null });
      const file = join(tmp.dir, 'backup.dump');
      await store.backup(file);
      expect(existsSync(file)).toBe(true);
      expect(execFileSync('pg_restore', ['--list', file], { encoding: 'utf8' })).toContain('TABLE DATA public products');
    } finally {
      await store.close();
      await database.drop();
      tmp.remove();
    }
  });
});
