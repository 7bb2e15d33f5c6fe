/**
 * Scale-out benchmark on a throwaway Postgres (started as the tests start theirs, test/helpers/postgres.ts,
 * or the server RIVALSCOPE_TEST_PG names):
 *  1. ingest with change detection: snapshots stored and diffed through the store, as the scheduler does,
 *     one unit of work per batch (products × (own + competitors) × days);
 *  2. static scrape throughput with 1, 2 and 4 `rivalscope worker` processes against product pages served
 *     on 127.0.0.1, counting duplicates (a run with two snapshots, a target run twice in one round).
 * `npm run bench:scale [-- --products 200 --competitors 10 --days 10 --pages 600 --concurrency 8 --workers 1,2,4]`
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import type { Offer } from '../scrapers/offer.ts';
import { recordChanges } from '../src/compare/record-changes.ts';
import { openPgPool } from '../src/store/pg/open-pg.ts';
import { openPgStore } from '../src/store/pg/pg-store.ts';
import type { SnapshotInput } from '../src/store/snapshots.ts';
import type { Store, StoreHandle } from '../src/store/store.ts';
import { databaseUrl, startCluster, withAdmin } from '../test/helpers/postgres.ts';
import { startProductPages } from '../test/helpers/product-pages.ts';
import { startWorkerProcess, type WorkerProcess } from '../test/helpers/worker-process.ts';
import { seededRandom } from './seeded-random.ts';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const PRODUCTS = Number(arg('products', '200'));
const COMPETITORS = Number(arg('competitors', '10'));
const DAYS = Number(arg('days', '10'));
const PAGES = Number(arg('pages', '600'));
const CONCURRENCY = Number(arg('concurrency', '8'));
const WORKERS = arg('workers', '1,2,4').split(',').map(Number);
const BATCH = 2000;
const DAY_MS = 86_400_000;
const fmt = (n: number) => Math.round(n).toLocaleString('en');

const rnd = seededRandom(42);
const cents = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;

async function seedTargets(store: Store, products: number, competitors: number, url: (i: number) => string) {
  return store.transaction(async (tx) => {
    const businesses: number[] = [];
    for (let i = 0; i <= competitors; i++)
      businesses.push((await tx.businesses.create({ name: i === 0 ? 'Us' : `Rival ${i}`, own: i === 0, website: null, locale: null })).id);
    const targets: { id: number; cents: number; inStock: boolean }[] = [];
    for (let p = 0; p < products; p++) {
      const productId = (await tx.products.create({ name: `Product ${p}`, sku: null, gtin: null })).id;
      for (const [i, businessId] of businesses.entries()) {
        const { id } = await tx.targets.create({
          businessId,
          productId,
          url: url(targets.length),
          fetch: 'static',
          schedule: '0 6 * * *',
          locale: null,
          currency: 'PLN',
          recipe: null,
          enabled: true,
          respectRobots: false,
          minPriceDelta: i % 3 === 0 ? '0.05' : null,
        });
        targets.push({ id, cents: 500 + Math.floor(rnd() * 50_000), inStock: true });
      }
    }
    return targets;
  });
}

async function ingest(store: StoreHandle): Promise<string> {
  const targets = await seedTargets(store, PRODUCTS, COMPETITORS, (i) => `https://shop.example/p/${i}`);
  const start = Date.now() - DAYS * DAY_MS;
  let snapshots = 0;
  let changes = 0;
  const empty: Offer = { name: null, price: null, regularPrice: null, currency: 'PLN', availability: null, sku: null, gtin: null, brand: null, promotions: [], fields: {} };
  const batch = (rows: SnapshotInput[]) =>
    store.transaction(async (tx) => {
      for (const row of rows) changes += (await recordChanges(tx, await tx.snapshots.insert(row))).length;
    });
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let rows: SnapshotInput[] = [];
  for (let day = 0; day < DAYS; day++) {
    for (const [i, t] of targets.entries()) {
      const r = rnd();
      if (day > 0 && r < 0.08) t.cents = Math.max(50, Math.round(t.cents * (0.9 + rnd() * 0.2)));
      else if (day > 0 && r < 0.1) t.inStock = !t.inStock;
      const offer: Offer = { ...empty, name: `Product ${i}`, price: cents(t.cents), availability: t.inStock ? 'InStock' : 'OutOfStock' };
      const capturedAt = new Date(start + day * DAY_MS + i * 3).toISOString();
      rows.push({ targetId: t.id, runId: null, capturedAt, finalUrl: null, offer, provenance: {}, html: null, screenshot: null });
      if (rows.length === BATCH) {
        await batch(rows);
        snapshots += rows.length;
        rows = [];
      }
    }
  }
  if (rows.length) await batch(rows);
  snapshots += rows.length;
  const secs = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  const cpuSecs = (cpu.user + cpu.system) / 1e6;
  return (
    `| ingest with change detection | ${fmt(snapshots)} snapshots, ${fmt(changes)} changes in ${secs.toFixed(1)} s | ` +
    `**${fmt(snapshots / secs)} snapshots/s** (${fmt(snapshots / cpuSecs)} per CPU-second of rivalscope; Postgres's own CPU not counted) | target ≥ 5,000/s |`
  );
}

/** The rows of an aggregate query: `N` of them, at least (a count always answers one). */
const rowsOf = async <T, N extends 0 | 1 = 0>(pool: pg.Pool, text: string) => (await pool.query(text)).rows as N extends 1 ? [T, ...T[]] : T[];

async function scrape(adminUrl: string, workers: number): Promise<string> {
  const name = `rivalscope_bench_w${workers}_${process.pid}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = databaseUrl(adminUrl, name);
  const store = await openPgStore(url, { poolSize: 4 });
  const pool = openPgPool(url, 1);
  const pages = await startProductPages({ count: PAGES });
  const procs: WorkerProcess[] = [];
  try {
    const perBusiness = Math.max(1, Math.floor(PAGES / (COMPETITORS + 1)));
    const targets = (await seedTargets(store, perBusiness, COMPETITORS, (i) => pages.url(i))).slice(0, PAGES);
    const env = {
      RIVALSCOPE_DB: url,
      RIVALSCOPE_DB_POOL_SIZE: '4',
      RIVALSCOPE_ALLOW_HOSTS: '127.0.0.1',
      RIVALSCOPE_HOST_DELAY_MS: '0',
      RIVALSCOPE_HOST_CONCURRENCY: '16',
      RIVALSCOPE_TICK_MS: '100',
      RIVALSCOPE_LOG_LEVEL: 'warn',
    };
    for (let i = 0; i < workers; i++) procs.push(startWorkerProcess(['--lanes', 'static', '--concurrency', String(CONCURRENCY)], env));
    await Promise.all(procs.map((p) => p.owner));
    // Queued for later, then all made due at one moment, so queueing them is not timed.
    const later = new Date(Date.now() + 3_600_000).toISOString();
    await store.transaction(async (tx) => {
      for (const t of targets) await tx.runQueue.enqueue({ targetId: t.id, lane: 'static', trigger: 'manual', availableAt: later });
    });
    const dueAt = Date.now();
    await pool.query('UPDATE runs SET available_at = $1', [new Date(dueAt).toISOString()]);
    const deadline = Date.now() + 10 * 60_000;
    for (;;) {
      const n = (await rowsOf<{ n: number }>(pool, `SELECT count(*) AS n FROM runs WHERE status IN ('queued', 'running')`))[0]!.n;
      if (n === 0) break;
      if (Date.now() > deadline) throw new Error(`${n} runs still pending after 10 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const [stats] = await rowsOf<{ runs: number; succeeded: number; last: string }>(
      pool,
      `SELECT count(*) AS runs, count(*) FILTER (WHERE status = 'succeeded') AS succeeded, max(finished_at) AS last FROM runs`,
    );
    const [{ dupSnapshots }] = await rowsOf<{ dupSnapshots: number }, 1>(
      pool,
      `SELECT coalesce(sum(n - 1), 0)::bigint AS "dupSnapshots" FROM (SELECT count(*) AS n FROM snapshots GROUP BY run_id) s`,
    );
    const [{ dupRuns }] = await rowsOf<{ dupRuns: number }, 1>(
      pool,
      `SELECT coalesce(sum(n - 1), 0)::bigint AS "dupRuns" FROM (SELECT count(*) AS n FROM runs WHERE trigger = 'manual' GROUP BY target_id) r`,
    );
    const secs = (Date.parse(stats!.last) - dueAt) / 1000;
    return `| static scrape, ${workers} worker${workers > 1 ? 's' : ''} × ${CONCURRENCY} | ${fmt(stats!.succeeded)}/${fmt(stats!.runs)} runs succeeded in ${secs.toFixed(1)} s | **${fmt(stats!.succeeded / secs)} pages/s** | duplicates: ${Number(dupSnapshots) + Number(dupRuns)} |`;
  } finally {
    for (const p of procs) p.child.kill('SIGTERM');
    await Promise.all(procs.map((p) => p.exited));
    await pages.close();
    await pool.end();
    await store.close();
    await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
}

const own = process.env.RIVALSCOPE_TEST_PG ? null : await startCluster();
const adminUrl = own?.adminUrl ?? process.env.RIVALSCOPE_TEST_PG!;
try {
  console.log(`scale benchmark on Postgres; machine: ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(1)}`);
  console.log(`ingest: ${PRODUCTS} products × (own + ${COMPETITORS} competitors) × ${DAYS} days; scrape: ${PAGES} pages on 127.0.0.1\n`);
  const lines = ['| what | measured | rate | |', '|---|---|---|---|'];
  const ingestDb = `rivalscope_bench_ingest_${process.pid}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${ingestDb}`));
  const store = await openPgStore(databaseUrl(adminUrl, ingestDb), { poolSize: 4 });
  try {
    lines.push(await ingest(store));
  } finally {
    await store.close();
    await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${ingestDb} WITH (FORCE)`));
  }
  console.log(lines.at(-1));
  for (const n of WORKERS) {
    lines.push(await scrape(adminUrl, n));
    console.log(lines.at(-1));
  }
  console.log(`\n${lines.join('\n')}\nload average ${loadavg()[0]!.toFixed(1)}`);
} finally {
  await own?.stop();
}
