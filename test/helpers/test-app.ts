import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testConfig, type Config } from '../../src/config.ts';
import { openStore } from '../../src/store/open/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { ROLES, type Role } from '../../src/permissions.ts';
import { createApp, type App } from '../../src/http/create-app.ts';
import { createLogger } from '../../src/logger.ts';
import { seedBuiltinTemplates } from '../../src/visits/seed-builtin-templates.ts';
import { inject } from 'vitest';
import { freshPgDatabase } from './pg-store-factory.ts';

export interface TestApp {
  app: App;
  store: Store;
  config: Config;
  dir: string;
  /** A bearer token per role (users named after the role). */
  tokens: Record<Role, string>;
  /** app.request with a role's token and JSON encoding of `body`. */
  call(role: Role | null, method: string, path: string, body?: unknown): Promise<Response>;
  close(): Promise<void>;
}

/** A fresh temporary directory, removed by the returned function. */
export function tempDir(prefix = 'rivalscope-test-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The real app over a real SQLite file in a temp directory, or over a fresh Postgres database when the
 * vitest project runs the API tests on Postgres (vitest.config.ts).
 */
export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const tmp = tempDir();
  const pg = inject('rivalscopeBackend') === 'postgres' ? await freshPgDatabase() : null;
  const config = testConfig({ dbPath: pg?.url ?? join(tmp.dir, 'test.db'), logLevel: 'silent', ...overrides });
  const store = await openStore(config);
  await seedBuiltinTemplates(store);
  const app = createApp({ store, config, logger: createLogger(config) });
  const tokens = {} as Record<Role, string>;
  for (const role of ROLES) tokens[role] = (await store.users.createToken(role, role)).token;
  return {
    app,
    store,
    config,
    dir: tmp.dir,
    tokens,
    async call(role, method, path, body) {
      const headers: Record<string, string> = {};
      if (role) headers.authorization = `Bearer ${tokens[role]}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      return app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    },
    async close() {
      await store.close();
      await pg?.drop();
      tmp.remove();
    },
  };
}
