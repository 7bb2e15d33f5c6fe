import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLink } from '../../../src/people/password-links.ts';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import { runCli } from '../../helpers/run-cli.ts';
import { tempDir } from '../../helpers/test-app.ts';

const tmp = tempDir('rivalscope-user-cli-');
afterAll(() => tmp.remove());
const env = { RIVALSCOPE_DB: join(tmp.dir, 'cli.db'), RIVALSCOPE_PUBLIC_URL: 'https://rivalscope.example.com/' };

describe('rivalscope user', () => {
  it('invite prints a single-use link alone on stdout; create takes the password from stdin; reset prints a new link', async () => {
    const invite = runCli(['user', 'invite', '--email', 'Ada@Example.com', '--role', 'marketer', '--name', 'Ada'], { env });
    expect(invite.status).toBe(0);
    expect(invite.stdout).toMatch(/^https:\/\/rivalscope\.example\.com\/set-password\?token=[\w-]{43}\n$/);
    expect(invite.stderr).toContain('ada@example.com (marketer)');

    const created = runCli(['user', 'create', '--email', 'ci@example.com', '--role', 'viewer', '--password-stdin'], { env, input: 'a long enough password\n' });
    expect(created.status).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ email: 'ci@example.com', role: 'viewer', status: 'active' });
    expect(created.stdout).not.toContain('password');

    const reset = runCli(['user', 'reset', '--email', 'ci@example.com'], { env });
    expect(reset.status).toBe(0);
    const store = openSqliteStore(env.RIVALSCOPE_DB);
    try {
      const token = new URL(reset.stdout.trim()).searchParams.get('token')!;
      expect((await openLink(store, token))?.link.purpose).toBe('reset');
      const inviteToken = new URL(invite.stdout.trim()).searchParams.get('token')!;
      expect((await openLink(store, inviteToken))?.person.displayName).toBe('Ada');
    } finally {
      await store.close();
    }
  });

  it('refuses a short password and an unknown role with exit 2, a taken email with exit 1', () => {
    expect(runCli(['user', 'invite', '--email', 'x@example.com', '--role', 'boss'], { env }).status).toBe(2);
    const short = runCli(['user', 'create', '--email', 'y@example.com', '--role', 'viewer', '--password-stdin'], { env, input: 'short' });
    expect([short.status, short.stderr]).toEqual([2, expect.stringContaining('at least 12 characters')]);
    runCli(['user', 'invite', '--email', 'dup@example.com', '--role', 'viewer'], { env });
    const taken = runCli(['user', 'invite', '--email', 'DUP@example.com', '--role', 'viewer'], { env });
    expect([taken.status, taken.stderr]).toEqual([1, expect.stringContaining('someone already has this email')]);
  });
});
