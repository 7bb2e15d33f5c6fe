import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/store/sqlite/migrate.ts';

const dir = fileURLToPath(new URL('../../../src/store/sqlite/migrations/', import.meta.url));

describe('migration 005: the lane of runs queued before it', () => {
  it('is taken from the target as the claim used to work it out', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const file of readdirSync(dir).filter((f) => f < '005').sort()) {
      db.exec(readFileSync(dir + file, 'utf8'));
      db.prepare("INSERT INTO schema_migrations VALUES (?, ?, 'then')").run(Number(file.slice(0, 3)), file.slice(4, -4));
    }
    db.exec(`INSERT INTO businesses (id, name, own, created_at, updated_at) VALUES (1, 'Rival', 0, 'then', 'then');
      INSERT INTO products (id, name, created_at, updated_at) VALUES (1, 'Espresso', 'then', 'then')`);
    const target = db.prepare(
      `INSERT INTO targets (business_id, product_id, url, fetch_mode, learned_mode, schedule, created_at, updated_at)
       VALUES (1, 1, 'https://rival.example', ?, ?, '* * * * *', 'then', 'then')`,
    );
    const run = db.prepare("INSERT INTO runs (target_id, status, trigger, queued_at, available_at) VALUES (?, 'queued', 'schedule', 'then', 'then')");
    const modes = [['static', null], ['browser', null], ['auto', null], ['auto', 'browser']] as const;
    for (const [mode, learned] of modes) run.run(target.run(mode, learned).lastInsertRowid);
    expect(migrate(db)).toContain('005-run-lane.sql');
    expect(db.prepare('SELECT lane FROM runs ORDER BY id').pluck().all()).toEqual(['static', 'browser', 'static', 'browser']);
    db.close();
  });
});
