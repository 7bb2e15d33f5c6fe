import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src/store/sqlite/migrate.ts';
import { openSqliteFile } from '../../../src/store/sqlite/open-sqlite.ts';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import { tempDir } from '../../helpers/test-app.ts';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.remove());

describe('migrations', () => {
  it('migrate from empty, record each version once, and are idempotent', () => {
    const db = openSqliteFile(join(tmp.dir, 'a.db'), { migrate: false });
    const applied = migrate(db);
    expect(applied[0]).toBe('001-core.sql');
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all() as number[];
    expect(versions).toEqual(applied.map((f) => Number(f.slice(0, 3))));
    expect(migrate(db)).toEqual([]);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['businesses', 'products', 'targets', 'runs', 'snapshots', 'changes', 'users', 'tokens']));
    db.close();
  });

  it('opens with WAL, foreign keys and a busy timeout', () => {
    const db = openSqliteFile(join(tmp.dir, 'b.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('backup while another process writes gives a consistent copy', async () => {
    const path = join(tmp.dir, 'live.db');
    const store = openSqliteStore(path);
    await store.transaction(async (tx) => {
      for (let i = 0; i < 2000; i++) await tx.products.create({ name: `p${i}`, sku: null, gtin: null });
    });
    const writer = spawn(
      process.execPath,
      [
        '-e',
        `const D = require('better-sqlite3'); const db = new D(process.argv[1]); db.pragma('busy_timeout = 5000');
         const ins = db.prepare("INSERT INTO products (name, created_at, updated_at) VALUES ('live', 'now', 'now')");
         const batch = db.transaction(() => { for (let i = 0; i < 50; i++) ins.run(); });
         process.stdout.write('ready\\n');
         for (;;) batch();`,
        path,
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise((resolve) => writer.stdout.once('data', resolve));
    const copy = join(tmp.dir, 'copy.db');
    await store.backup(copy);
    writer.kill();
    const restored = new Database(copy, { readonly: true });
    expect(restored.pragma('integrity_check', { simple: true })).toBe('ok');
    const count = restored.prepare('SELECT count(*) FROM products').pluck().get() as number;
    expect(count).toBeGreaterThanOrEqual(2000);
    expect(count % 50).toBe(0);
    restored.close();
    await store.close();
  });
});
