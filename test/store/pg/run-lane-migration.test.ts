import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { migratePg, pgMigrationFiles } from '../../../src/store/pg/migrate.ts';
import { databaseUrl, withAdmin } from '../../helpers/postgres.ts';

const dir = fileURLToPath(new URL('../../../src/store/pg/migrations/', import.meta.url));

describe('Postgres migration 005: the lane of runs queued before it', () => {
  it('is taken from the target as the claim used to work it out, as on SQLite', async () => {
    const { adminUrl } = inject('rivalscopePg');
    const name = `rivalscope_lane_${process.pid}`;
    await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name}`).then(() => c.query(`CREATE DATABASE ${name}`)));
    const pool = new pg.Pool({ connectionString: databaseUrl(adminUrl, name), max: 1 });
    try {
      await pool.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
      for (const m of pgMigrationFiles().filter((f) => f.version < 5)) {
        await pool.query(readFileSync(dir + m.file, 'utf8'));
        await pool.query("INSERT INTO schema_migrations VALUES ($1, $2, 'then')", [m.version, m.name]);
      }
      await pool.query(`INSERT INTO businesses (name, own, created_at, updated_at) VALUES ('Rival', false, 'then', 'then');
        INSERT INTO products (name, created_at, updated_at) VALUES ('Espresso', 'then', 'then')`);
      const modes = [['static', null], ['browser', null], ['auto', null], ['auto', 'browser']] as const;
      for (const [mode, learned] of modes) {
        const { rows } = await pool.query<{ id: string }>(
          `INSERT INTO targets (business_id, product_id, url, fetch_mode, learned_mode, schedule, created_at, updated_at)
           VALUES (1, 1, 'https://rival.example', $1, $2, '* * * * *', 'then', 'then') RETURNING id`,
          [mode, learned],
        );
        await pool.query("INSERT INTO runs (target_id, status, trigger, queued_at, available_at) VALUES ($1, 'queued', 'schedule', 'then', 'then')", [rows[0]!.id]);
      }
      expect(await migratePg(pool)).toContain('005-run-lane.sql');
      const { rows } = await pool.query<{ lane: string }>('SELECT lane FROM runs ORDER BY id');
      expect(rows.map((r) => r.lane)).toEqual(['static', 'browser', 'static', 'browser']);
    } finally {
      await pool.end();
      await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    }
  });
});
