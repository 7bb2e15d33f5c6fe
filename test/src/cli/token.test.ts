import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteFile } from '../../../src/store/sqlite/open-sqlite.ts';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import { runCli } from '../../helpers/run-cli.ts';
import { tempDir } from '../../helpers/test-app.ts';

let tmp: ReturnType<typeof tempDir>;
let env: Record<string, string>;
beforeEach(() => {
  tmp = tempDir();
  env = { RIVALSCOPE_DB: join(tmp.dir, 'cli.db') };
});
afterEach(() => tmp.remove());

describe('rivalscope token / migrate / backup', () => {
  it('creates a token printed alone on the last stdout line, stores only its hash, lists and revokes it', async () => {
    const created = runCli(['token', 'create', '--role', 'admin', '--name', 'ops'], { env });
    expect(created.status).toBe(0);
    const token = created.stdout.trim().split('\n').pop()!;
    expect(token).toMatch(/^rs_[A-Za-z0-9_-]{20,}$/);
    const store = openSqliteStore(env.RIVALSCOPE_DB!);
    expect(await store.users.authenticate(token)).toMatchObject({ name: 'ops', role: 'admin' });
    await store.close();
    // what is on disk: the SQLite file the CLI wrote
    const db = openSqliteFile(env.RIVALSCOPE_DB!, { migrate: false });
    const stored = db.prepare('SELECT hash FROM tokens').pluck().all() as string[];
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toContain(token.slice(3));
    db.close();

    const listed = runCli(['token', 'list'], { env });
    const rows = listed.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toEqual([expect.objectContaining({ id: 1, name: 'ops', role: 'admin', revokedAt: null })]);
    expect(runCli(['token', 'revoke', '1'], { env }).status).toBe(0);
    expect(JSON.parse(runCli(['token', 'list'], { env }).stdout).revokedAt).not.toBeNull();
  });

  it('reports bad input on stderr with a non-zero exit', () => {
    const bad = runCli(['token', 'create', '--role', 'boss', '--name', 'x'], { env });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--role must be one of');
    expect(bad.stdout).toBe('');
    expect(runCli(['token', 'revoke', '42'], { env }).status).toBe(1);
    expect(runCli(['nonsense'], { env }).status).toBe(2);
    expect(runCli(['migrate'], { env: { ...env, RIVALSCOPE_PORT: 'x' } }).stderr).toContain('RIVALSCOPE_PORT');
  });

  it('every command answers --help', () => {
    for (const name of ['serve', 'migrate', 'token', 'backup']) {
      const res = runCli([name, '--help'], { env });
      expect(res.status, name).toBe(0);
      expect(res.stdout, name).toContain('Usage:');
    }
  });

  it('migrate and backup write what they say', () => {
    const migrated = JSON.parse(runCli(['migrate'], { env }).stdout);
    expect(migrated.applied).toContain('001-core.sql');
    const file = join(tmp.dir, 'copy.db');
    expect(runCli(['backup', file], { env }).status).toBe(0);
    const copy = openSqliteFile(file, { migrate: false });
    expect(copy.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(migrated.applied.length);
    copy.close();
    expect(runCli(['backup', file], { env }).status).toBe(2);
  });
});
