/**
 * Change detection and comparison benchmark over a generated history in a temp SQLite file:
 * 1,000 products × (own + 10 competitors) with a year of daily snapshots (~4 M rows).
 * Prints the ingest rate with change detection (the same recordChanges the scheduler calls, one
 * transaction per batch) and p50/p95 latency of /api/comparison and /api/changes?since=… via app.request.
 * `npm run bench:compare [-- --days 30 --products 1000 --competitors 10 --keep]`
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Offer } from '../scrapers/offer.ts';
import { testConfig } from '../src/config.ts';
import { recordChanges } from '../src/compare/record-changes.ts';
import { createApp } from '../src/http/create-app.ts';
import { createLogger } from '../src/logger.ts';
import type { SnapshotInput } from '../src/store/snapshots.ts';
import { openSqliteFile } from '../src/store/sqlite/open-sqlite.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../src/store/store.ts';
import { seededRandom } from './seeded-random.ts';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const DAYS = arg('days', 365);
const PRODUCTS = arg('products', 1000);
const COMPETITORS = arg('competitors', 10);
const BATCH = 2000;
const REQUESTS = 60;
const DAY_MS = 86_400_000;

const rnd = seededRandom(42);

interface TargetState {
  id: number;
  name: string;
  cents: number;
  regularCents: number | null;
  inStock: boolean;
  promotions: string[];
  points: number | null;
}

const cents = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;

async function seed(store: Store): Promise<TargetState[]> {
  const recipe = { selectors: {}, steps: [], fields: [{ key: 'points', selector: '.points', type: 'number' as const, better: 'higher' as const }] };
  return store.transaction(async (tx) => {
    const targets: TargetState[] = [];
    const businesses: number[] = [];
    for (let i = 0; i <= COMPETITORS; i++)
      businesses.push((await tx.businesses.create({ name: i === 0 ? 'Us' : `Rival ${i}`, own: i === 0, website: null, locale: null })).id);
    for (let p = 1; p <= PRODUCTS; p++) {
      const productId = (await tx.products.create({ name: `Product ${p}`, sku: null, gtin: null })).id;
      const base = 500 + Math.floor(rnd() * 50_000);
      const withPoints = p % 10 === 0;
      for (const [i, businessId] of businesses.entries()) {
        const { id } = await tx.targets.create({
          businessId,
          productId,
          url: `https://shop${businessId}.example/p/${productId}`,
          fetch: 'static',
          schedule: '0 6 * * *',
          locale: null,
          currency: 'PLN',
          recipe: withPoints ? recipe : null,
          enabled: true,
          respectRobots: true,
          minPriceDelta: i % 3 === 0 ? '0.05' : null,
        });
        const price = Math.round(base * (0.85 + rnd() * 0.3));
        targets.push({
          id,
          name: `Product ${p} at ${i === 0 ? 'Us' : `Rival ${i}`}`,
          cents: price,
          regularCents: rnd() < 0.2 ? Math.round(price * 1.2) : null,
          inStock: true,
          promotions: [],
          points: withPoints ? Math.floor(rnd() * 10) : null,
        });
      }
    }
    return targets;
  });
}

/** One day later: most offers stay, some prices move, stock and promotions flip now and then. */
function evolve(s: TargetState): void {
  const r = rnd();
  if (r < 0.08) s.cents = Math.max(50, Math.round(s.cents * (0.9 + rnd() * 0.2)));
  else if (r < 0.1) s.inStock = !s.inStock;
  else if (r < 0.115) s.promotions = s.promotions.length ? [] : [`-${5 + Math.floor(rnd() * 20)} % this week`];
  else if (r < 0.12 && s.points !== null) s.points = Math.floor(rnd() * 10);
}

/** CPU milliseconds of this process since `from` (the machine may be shared: wall time then overstates). */
const cpuMs = (from: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
};

/** A snapshot as a run would store it (no run, no evidence). */
function snapshot(targetId: number, capturedAt: string, offer: Partial<Offer>): SnapshotInput {
  const empty: Offer = { name: null, price: null, regularPrice: null, currency: 'PLN', availability: null, sku: null, gtin: null, brand: null, promotions: [], fields: {} };
  return { targetId, runId: null, capturedAt, finalUrl: null, offer: { ...empty, ...offer }, provenance: {}, html: null, screenshot: null };
}

/** Stores a snapshot and records its changes through the store, as the scheduler does; returns the changes. */
async function storeSnapshot(tx: Store, s: SnapshotInput): Promise<number> {
  return (await recordChanges(tx, await tx.snapshots.insert(s))).length;
}

async function ingest(store: Store, targets: TargetState[], start: number): Promise<{ snapshots: number; changes: number; ms: number; cpu: number }> {
  let snapshots = 0;
  let changes = 0;
  const batch = (rows: SnapshotInput[]) =>
    store.transaction(async (tx) => {
      for (const row of rows) changes += await storeSnapshot(tx, row);
    });
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let rows: SnapshotInput[] = [];
  for (let day = 0; day < DAYS; day++) {
    for (const [i, s] of targets.entries()) {
      if (day > 0) evolve(s);
      const at = new Date(start + day * DAY_MS + i * 3).toISOString();
      const fields: Offer['fields'] = s.points === null ? {} : { points: { value: String(s.points), text: `${s.points} pts` } };
      rows.push(
        snapshot(s.id, at, {
          name: s.name,
          price: cents(s.cents),
          regularPrice: s.regularCents === null ? null : cents(s.regularCents),
          availability: s.inStock ? 'InStock' : 'OutOfStock',
          promotions: s.promotions,
          fields,
        }),
      );
      if (rows.length === BATCH) {
        await batch(rows);
        snapshots += rows.length;
        rows = [];
      }
    }
    if ((day + 1) % 30 === 0) {
      const secs = (performance.now() - t0) / 1000;
      console.log(`  day ${day + 1}/${DAYS}: ${snapshots.toLocaleString('en')} snapshots, ${Math.round(snapshots / secs).toLocaleString('en')}/s`);
    }
  }
  if (rows.length) await batch(rows);
  snapshots += rows.length;
  return { snapshots, changes, ms: performance.now() - t0, cpu: cpuMs(c0) };
}

interface Latency {
  p50: number;
  p95: number;
  cpuP50: number;
  cpuP95: number;
  bytes: number;
}

async function latency(fetch: () => Response | Promise<Response>, before?: () => Promise<void>): Promise<Latency> {
  const wall: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  for (let i = 0; i < REQUESTS + 5; i++) {
    await before?.();
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const res = await fetch();
    const body = await res.text();
    if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${body.slice(0, 300)}`);
    if (i >= 5) {
      wall.push(performance.now() - t0);
      cpu.push(cpuMs(c0));
    }
    bytes = body.length;
  }
  const at = (xs: number[], q: number) => xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
  return { p50: at(wall, 0.5), p95: at(wall, 0.95), cpuP50: at(cpu, 0.5), cpuP95: at(cpu, 0.95), bytes };
}

const dir = mkdtempSync(join(tmpdir(), 'rivalscope-bench-compare-'));
const config = testConfig({ dbPath: join(dir, 'bench.db'), logLevel: 'silent' });
const store = openSqliteStore(config.dbPath);
try {
  console.log(`compare benchmark: ${PRODUCTS} products × (own + ${COMPETITORS} competitors), ${DAYS} days of daily snapshots`);
  console.log(`machine: ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(1)}`);
  const targets = await seed(store);
  const start = Date.now() - (DAYS - 1) * DAY_MS - 3600_000;
  const r = await ingest(store, targets, start);
  const rate = (ms: number) => Math.round(r.snapshots / (ms / 1000)).toLocaleString('en');
  console.log(
    `ingest with change detection: ${r.snapshots.toLocaleString('en')} snapshots, ${r.changes.toLocaleString('en')} changes in ${(r.ms / 1000).toFixed(1)} s` +
      ` → ${rate(r.ms)} snapshots/s wall, ${rate(r.cpu)} per CPU-second (target ≥ 20,000/s)`,
  );
  // Planner statistics after the bulk load, as a long-running service gathers them (SQLite only, like this bench).
  const raw = openSqliteFile(config.dbPath, { migrate: false });
  raw.exec('PRAGMA analysis_limit = 1000; ANALYZE');
  raw.close();
  console.log(`load average ${loadavg()[0]!.toFixed(1)}`);
  console.log(`database: ${(statSync(config.dbPath).size / 1e6).toFixed(0)} MB`);

  const app = createApp({ store, config, logger: createLogger(config) });
  const { token } = await store.users.createToken('bench', 'viewer');
  const get = (path: string) => () => app.request(path, { headers: { authorization: `Bearer ${token}` } });
  const since = new Date(Date.now() - 7 * DAY_MS).toISOString();
  const report = (name: string, l: Latency, target = '') =>
    console.log(
      `${name}: p50 ${l.p50.toFixed(1)} ms, p95 ${l.p95.toFixed(1)} ms wall; CPU p50 ${l.cpuP50.toFixed(1)} ms, p95 ${l.cpuP95.toFixed(1)} ms (${(l.bytes / 1024).toFixed(0)} KiB)${target}`,
    );
  const first = performance.now();
  await (await get('/api/comparison')()).text();
  console.log(`GET /api/comparison, first request (every product compared): ${(performance.now() - first).toFixed(0)} ms`);
  report('GET /api/comparison (summary + 50 products)', await latency(get('/api/comparison')), ' (target p95 ≤ 50 ms)');
  // A new snapshot before each request: the comparison cache is invalidated every time.
  const newSnapshot = async () => {
    const s = targets[Math.floor(rnd() * targets.length)]!;
    const offer = { name: 'x', price: cents(s.cents + 1), availability: 'InStock' as const };
    await store.transaction((tx) => storeSnapshot(tx, snapshot(s.id, new Date().toISOString(), offer)));
  };
  report('GET /api/comparison, a new snapshot before each (cold)', await latency(get('/api/comparison'), newSnapshot));
  report('GET /api/products/:id/comparison', await latency(get(`/api/products/${Math.ceil(PRODUCTS / 2)}/comparison`)));
  report(`GET /api/changes?since=<7 days ago>`, await latency(get(`/api/changes?since=${encodeURIComponent(since)}`)));
  report(`GET /api/changes?since=<7 days ago>&limit=200&productId`, await latency(get(`/api/changes?since=${encodeURIComponent(since)}&limit=200&productId=7`)));
} finally {
  await store.close();
  if (process.argv.includes('--keep')) console.log(`kept ${config.dbPath}`);
  else rmSync(dir, { recursive: true, force: true });
}
