import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, testConfig } from '../../../src/config.ts';
import { startService } from '../../../src/server.ts';
import { describeDb, migrateStore, openStore } from '../../../src/store/open/open-store.ts';
import { freshPgDatabase } from '../../helpers/pg-store-factory.ts';
import { tempDir } from '../../helpers/test-app.ts';

describe('RIVALSCOPE_DB selects the backend', () => {
  it('reads a postgres:// URL and a pool size; anything else stays an SQLite path', () => {
    const pg = loadConfig({ RIVALSCOPE_DB: 'postgres://rs:secret@127.0.0.1:5432/rivalscope', RIVALSCOPE_DB_POOL_SIZE: '20' });
    expect(pg).toMatchObject({ dbPath: 'postgres://rs:secret@127.0.0.1:5432/rivalscope', dbPoolSize: 20 });
    expect(describeDb(pg.dbPath)).toBe('postgres://rs:***@127.0.0.1:5432/rivalscope');
    expect(loadConfig({})).toMatchObject({ dbPath: './data/rivalscope.db', dbPoolSize: 10 });
    expect(() => loadConfig({ RIVALSCOPE_DB_POOL_SIZE: '0' })).toThrow(/RIVALSCOPE_DB_POOL_SIZE/);
  });

  it('opens Postgres for a URL and SQLite for a path, migrated alike', async () => {
    const database = await freshPgDatabase();
    const tmp = tempDir('rivalscope-open-');
    try {
      for (const dbPath of [database.url, join(tmp.dir, 'store.db')]) {
        const config = { dbPath, dbPoolSize: 2 };
        expect(await migrateStore(config)).toEqual(dbPath === database.url ? [] : expect.arrayContaining(['001-core.sql']));
        const store = await openStore(config);
        await store.ping();
        const product = await store.products.create({ name: 'Espresso', sku: null, gtin: null });
        expect(await store.products.get(product.id)).toEqual(product);
        await store.close();
      }
    } finally {
      await database.drop();
      tmp.remove();
    }
  });

  it('serves the API on Postgres', async () => {
    const database = await freshPgDatabase();
    const service = await startService(testConfig({ dbPath: database.url, dbPoolSize: 4, port: 0, schedulerEnabled: false, logLevel: 'silent' }));
    try {
      const health = await fetch(`${service.url}/api/health`);
      expect(health.status).toBe(200);
      expect((await service.store.templates.list({ archived: false })).length).toBeGreaterThan(0);
    } finally {
      await service.close();
      await database.drop();
    }
  });
});
