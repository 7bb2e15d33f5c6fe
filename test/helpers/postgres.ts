/**
 * A throwaway Postgres for the tests, started by the project (vitest globalSetup of the `postgres` project in
 * vitest.config.ts, so only runs that include a Postgres test pay for it).
 *
 * When RIVALSCOPE_TEST_PG names a reachable server (an admin URL: it must be allowed to create databases),
 * that one is used. Otherwise a cluster is made with Debian's initdb in a temp folder (as the `postgres` OS
 * user when running as root: initdb refuses root), listens only on a unix socket in that folder, and is
 * stopped and removed at the end. The schema is migrated once into a template database; each store a test
 * opens is a fresh copy of it (CREATE DATABASE … TEMPLATE), dropped when the store closes.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migratePg } from '../../src/store/pg/migrate.ts';
import { pgBinary } from '../../src/store/pg/pg-binaries.ts';

export interface TestPostgres {
  /** Connects as a superuser to the maintenance database. */
  adminUrl: string;
  /** The migrated database every test database is copied from. */
  template: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    rivalscopePg: TestPostgres;
    /** Which backend createTestApp opens (test/helpers/test-app.ts); SQLite unless a project says so. */
    rivalscopeBackend: 'sqlite' | 'postgres';
  }
}

const run = promisify(execFile);
const READY_TIMEOUT_S = 60;

/** Reachable within a few seconds? */
async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * A URL for the unix socket in `dir`: libpq and node-postgres both take the `host` parameter, a directory, over
 * the URL's host (which a URL with a user cannot leave empty).
 */
const socketUrl = (dir: string, database: string) => `postgres://postgres@localhost/${database}?host=${encodeURIComponent(dir)}`;

const CLUSTER_PREFIX = 'rivalscope-pg-';
const asRoot = process.getuid?.() === 0;
const as = (cmd: string, args: string[]) => (asRoot ? run('runuser', ['-u', 'postgres', '--', cmd, ...args]) : run(cmd, args));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Stops and removes the clusters of test runs that were killed before their teardown (their owner is gone). */
async function removeAbandonedClusters(): Promise<void> {
  for (const name of readdirSync(tmpdir()).filter((n) => n.startsWith(CLUSTER_PREFIX))) {
    const dir = join(tmpdir(), name);
    const ownerFile = join(dir, 'owner.pid');
    const owner = existsSync(ownerFile) ? Number(readFileSync(ownerFile, 'utf8')) : NaN;
    if (!Number.isInteger(owner) || alive(owner)) continue;
    await as(pgBinary('pg_ctl'), ['-D', join(dir, 'data'), '-m', 'immediate', 'stop']).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Starts a cluster of our own; resolves once it accepts connections (also bench/scale.ts). */
export async function startCluster(): Promise<{ adminUrl: string; stop(): Promise<void> }> {
  await removeAbandonedClusters();
  const dir = mkdtempSync(join(tmpdir(), CLUSTER_PREFIX));
  writeFileSync(join(dir, 'owner.pid'), String(process.pid));
  const data = join(dir, 'data');
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  const stop = async () => {
    await as(pgBinary('pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // C locale: text sorts by bytes, as in SQLite. No fsync: the cluster is thrown away.
    await as(pgBinary('initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-locale', '-E', 'UTF8', '--no-sync']);
    const options = [
      `-k ${dir}`,
      "-c listen_addresses=''",
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=300',
      '-c deadlock_timeout=100ms',
    ].join(' ');
    // -w: pg_ctl polls the server until it accepts connections (or fails after -t seconds).
    await as(pgBinary('pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', '-t', String(READY_TIMEOUT_S), 'start']);
    const adminUrl = socketUrl(dir, 'postgres');
    if (!(await reachable(adminUrl))) throw new Error('the server started but does not accept connections');
    return { adminUrl, stop };
  } catch (err) {
    const log = join(dir, 'server.log');
    const tail = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : '';
    await stop();
    const hint = 'install Postgres (Debian: apt-get install postgresql) or set RIVALSCOPE_TEST_PG to the admin URL of a server';
    throw new Error(`could not start a throwaway Postgres (${hint}): ${(err as Error).message}\n${tail}`, { cause: err });
  }
}

/** Runs `work` with one admin connection. */
export async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** `url` with its database replaced by `database`. */
export function databaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.href;
}

/** vitest globalSetup: a server, a migrated template; the teardown removes what it made. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.RIVALSCOPE_TEST_PG;
  const own = given && (await reachable(given)) ? null : await startCluster();
  const adminUrl = own?.adminUrl ?? given!;
  const template = `rivalscope_template_${process.pid}`;
  try {
    await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${template}`).then(() => c.query(`CREATE DATABASE ${template}`)));
    const pool = new pg.Pool({ connectionString: databaseUrl(adminUrl, template), max: 1 });
    try {
      await migratePg(pool);
    } finally {
      await pool.end();
    }
  } catch (err) {
    await own?.stop();
    throw err;
  }
  project.provide('rivalscopePg', { adminUrl, template });
  return async () => {
    if (own) return own.stop();
    await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`));
  };
}
