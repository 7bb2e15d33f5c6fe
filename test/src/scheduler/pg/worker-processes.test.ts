/**
 * Three `rivalscope worker` processes on one Postgres take runs of 30 targets against local product pages;
 * one is killed with SIGKILL in the middle of runs. Every run ends exactly once, and the killed worker's
 * runs are taken back as soon as their lease ends.
 */
import type pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPgPool } from '../../../../src/store/pg/open-pg.ts';
import { openPgStore } from '../../../../src/store/pg/pg-store.ts';
import type { StoreHandle } from '../../../../src/store/store.ts';
import { freshPgDatabase } from '../../../helpers/pg-store-factory.ts';
import { startProductPages, type ProductPages } from '../../../helpers/product-pages.ts';
import { seedTarget } from '../../../helpers/seed-target.ts';
import { startWorkerProcess, type WorkerProcess } from '../../../helpers/worker-process.ts';

const TARGETS = 30;
const RUN_TIMEOUT_MS = 2000;
const LEASE_GRACE_MS = 1000;
const TICK_MS = 200;
/** How long after a lease ends another worker may take to notice and start the run again (a busy 2-core machine). */
const TAKE_BACK_SLACK_MS = 4000;

let database: Awaited<ReturnType<typeof freshPgDatabase>>;
let store: StoreHandle;
let sql: pg.Pool;
let pages: ProductPages;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  database = await freshPgDatabase();
  store = await openPgStore(database.url, { poolSize: 2 });
  // Rows in the store's shapes: ids and counts as numbers.
  sql = openPgPool(database.url, 1);
  pages = await startProductPages({ count: TARGETS, delayMs: 400 });
});
afterAll(async () => {
  for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
  await Promise.all(workers.map((w) => w.exited));
  await pages.close();
  await sql.end();
  await store.close();
  await database.drop();
});

/** Polls `check` until it returns a value (not undefined), failing at the deadline. */
async function until<T>(what: string, check: () => Promise<T | undefined>, deadlineMs = 30_000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const rows = async <T,>(text: string, values: unknown[] = []) => (await sql.query(text, values)).rows as T[];

async function enqueueAll(targetIds: number[]): Promise<number[]> {
  const now = new Date().toISOString();
  const runs = [];
  for (const targetId of targetIds) runs.push((await store.runQueue.enqueue({ targetId, lane: 'static', trigger: 'manual', availableAt: now })).run.id);
  return runs;
}

const allFinished = (runIds: number[]) =>
  until(`runs ${runIds.length} to finish`, async () => {
    const pending = await rows<{ n: string }>(`SELECT count(*) AS n FROM runs WHERE status IN ('queued', 'running')`);
    return Number(pending[0]!.n) === 0 ? true : undefined;
  });

it('ends every run exactly once across three worker processes, one of them killed mid-run', { timeout: 120_000 }, async () => {
  const targetIds: number[] = [];
  for (let i = 0; i < TARGETS; i++)
    targetIds.push((await seedTarget(store, { url: pages.url(i), schedule: '0 3 * * *', currency: 'PLN', respectRobots: false })).id);

  const env = {
    RIVALSCOPE_DB: database.url,
    RIVALSCOPE_DB_POOL_SIZE: '3',
    RIVALSCOPE_ALLOW_HOSTS: '127.0.0.1',
    RIVALSCOPE_HOST_DELAY_MS: '0',
    RIVALSCOPE_HOST_CONCURRENCY: '16',
    RIVALSCOPE_RUN_TIMEOUT_MS: String(RUN_TIMEOUT_MS),
    RIVALSCOPE_LEASE_GRACE_MS: String(LEASE_GRACE_MS),
    RIVALSCOPE_TICK_MS: String(TICK_MS),
    RIVALSCOPE_RETRY_BASE_MS: '0',
    RIVALSCOPE_SHUTDOWN_GRACE_MS: '3000',
  };
  for (let i = 0; i < 3; i++) workers.push(startWorkerProcess(['--lanes', 'static', '--concurrency', '4'], env));
  const owners = await Promise.all(workers.map((w) => w.owner));

  // Round 1: first prices, all three workers.
  const round1 = await enqueueAll(targetIds);
  await allFinished(round1);

  // Round 2: every price moved; the first worker dies while it holds runs.
  pages.setRound(1);
  const round2 = await enqueueAll(targetIds);
  const victim = workers[0]!;
  await until('the first worker to hold runs', async () => {
    const held = await rows(`SELECT id FROM runs WHERE status = 'running' AND lease_owner = $1`, [owners[0]]);
    return held.length >= 2 ? true : undefined;
  });
  victim.child.kill('SIGKILL');
  expect(await victim.exited).toBe('SIGKILL');
  const orphaned = await rows<{ id: number; lease_expires_at: string }>(
    `SELECT id, lease_expires_at FROM runs WHERE status = 'running' AND lease_owner = $1`,
    [owners[0]],
  );
  expect(orphaned.length).toBeGreaterThan(0);
  await allFinished(round2);

  // Every run ended once and succeeded; no run has two snapshots, no snapshot two changes of a field.
  const runs = await rows<{ id: number; status: string; lease_expiries: number; started_at: string; lease_owner: string | null }>(
    'SELECT id, status, lease_expiries, started_at, lease_owner FROM runs ORDER BY id',
  );
  expect(runs.map((r) => r.id)).toEqual([...round1, ...round2]);
  expect(runs.filter((r) => r.status !== 'succeeded')).toEqual([]);
  expect(await rows('SELECT run_id, count(*) FROM snapshots GROUP BY run_id HAVING count(*) > 1')).toEqual([]);
  expect(Number((await rows<{ n: string }>('SELECT count(*) AS n FROM snapshots'))[0]!.n)).toBe(2 * TARGETS);
  expect(await rows('SELECT snapshot_id, field, count(*) FROM changes GROUP BY snapshot_id, field HAVING count(*) > 1')).toEqual([]);
  const priceChanges = await rows<{ run_id: number }>(
    `SELECT s.run_id FROM changes c JOIN snapshots s ON s.id = c.snapshot_id WHERE c.field = 'price' ORDER BY s.run_id`,
  );
  expect(priceChanges.map((c) => c.run_id)).toEqual(round2);

  // The killed worker's runs went back to the queue once their lease ended, and not before.
  for (const { id, lease_expires_at } of orphaned) {
    const run = runs.find((r) => r.id === id)!;
    expect(run.lease_expiries).toBe(1);
    const takenBackAfter = Date.parse(run.started_at) - Date.parse(lease_expires_at);
    expect(takenBackAfter).toBeGreaterThanOrEqual(0);
    expect(takenBackAfter).toBeLessThan(TAKE_BACK_SLACK_MS);
  }
  // The two that lived stop cleanly on SIGTERM.
  for (const w of workers.slice(1)) w.child.kill('SIGTERM');
  expect(await Promise.all(workers.slice(1).map((w) => w.exited))).toEqual([0, 0]);
});
