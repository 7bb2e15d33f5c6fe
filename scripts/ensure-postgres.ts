// postinstall: make sure PostgreSQL's server programs exist for the tests of the Postgres backend (the tests
// start a throwaway cluster of their own), without ever failing the install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pgBinary } from '../src/store/pg/pg-binaries.ts';

const found = () => spawnSync(pgBinary('initdb'), ['--version'], { stdio: 'ignore' }).status === 0;

function ensure(): boolean {
  if (found() || process.getuid?.() !== 0 || !existsSync('/etc/debian_version')) return found();
  const install = () => spawnSync('apt-get', ['install', '-y', '-qq', 'postgresql'], { stdio: 'ignore', timeout: 600_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (install().status !== 0) {
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', timeout: 300_000 });
    install();
  }
  return found();
}

if (ensure()) console.log(`rivalscope: using PostgreSQL programs at ${pgBinary('initdb')} for the Postgres tests`);
else
  console.warn(
    'rivalscope: no PostgreSQL server programs found; the Postgres tests need them (Debian: `apt-get install -y postgresql`) or RIVALSCOPE_TEST_PG pointing at a server.',
  );
