import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testConfig, type Config } from '../../src/config.ts';
import { openDb, type Db } from '../../src/db/open-db.ts';
import { usersRepo, type Role } from '../../src/db/users.ts';
import { createApp, type App } from '../../src/http/create-app.ts';
import { createLogger } from '../../src/logger.ts';

export interface TestApp {
  app: App;
  db: Db;
  config: Config;
  dir: string;
  /** A bearer token per role (users named after the role). */
  tokens: Record<Role, string>;
  /** app.request with a role's token and JSON encoding of `body`. */
  call(role: Role | null, method: string, path: string, body?: unknown): Promise<Response>;
  close(): void;
}

/** A fresh temporary directory, removed by the returned function. */
export function tempDir(prefix = 'rivalscope-test-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The real app over a real SQLite file in a temp directory. */
export function createTestApp(overrides: Partial<Config> = {}): TestApp {
  const tmp = tempDir();
  const config = testConfig({ dbPath: join(tmp.dir, 'test.db'), logLevel: 'silent', ...overrides });
  const db = openDb(config.dbPath);
  const app = createApp({ db, config, logger: createLogger(config) });
  const users = usersRepo(db);
  const tokens = Object.fromEntries(
    (['admin', 'marketer', 'auditor', 'viewer'] as const).map((role) => [role, users.createToken(role, role).token]),
  ) as Record<Role, string>;
  return {
    app,
    db,
    config,
    dir: tmp.dir,
    tokens,
    async call(role, method, path, body) {
      const headers: Record<string, string> = {};
      if (role) headers.authorization = `Bearer ${tokens[role]}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      return app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    },
    close() {
      db.close();
      tmp.remove();
    },
  };
}
