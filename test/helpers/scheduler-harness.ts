import { join } from 'node:path';
import { testConfig, type Config } from '../../src/config.ts';
import { openDb, type Db } from '../../src/db/open-db.ts';
import { runsRepo, type Run } from '../../src/db/runs.ts';
import { snapshotsRepo } from '../../src/db/snapshots.ts';
import { targetsRepo } from '../../src/db/targets.ts';
import { createLogger } from '../../src/logger.ts';
import { createPageFetcher, type PageFetcher } from '../../src/scheduler/page-fetcher.ts';
import { Scheduler, type SchedulerDeps } from '../../src/scheduler/scheduler.ts';
import type { Resolver } from '../../scrapers/fetch/ssrf-guard.ts';
import { tempDir } from './test-app.ts';

/** Config for scheduler tests: loopback shops allowed, no politeness delay, immediate retries, no ticking. */
export function schedulerTestConfig(dbPath: string, overrides: Partial<Config> = {}): Config {
  return testConfig({
    dbPath,
    logLevel: 'silent',
    allowHosts: ['127.0.0.1'],
    hostDelayMs: 0,
    retryBaseMs: 0,
    runTimeoutMs: 20_000,
    tickMs: 3_600_000,
    catchUpWindowMs: 60_000,
    ...overrides,
  });
}

export interface Harness {
  db: Db;
  config: Config;
  fetcher: PageFetcher;
  /** A new scheduler over the same database and fetcher (a "restarted process"). */
  scheduler(deps?: Partial<SchedulerDeps>): Scheduler;
  runs: ReturnType<typeof runsRepo>;
  snapshots: ReturnType<typeof snapshotsRepo>;
  targets: ReturnType<typeof targetsRepo>;
  /** Queues a manual run of the target, runs everything due and returns the run as stored. */
  runTarget(targetId: number): Promise<Run>;
  close(): Promise<void>;
}

/** A real SQLite file, the real fetcher (static and Chromium), and schedulers that never start their timer. */
export function createHarness(overrides: Partial<Config> = {}, options: { resolve?: Resolver } = {}): Harness {
  const tmp = tempDir('rivalscope-scheduler-');
  const config = schedulerTestConfig(join(tmp.dir, 'test.db'), overrides);
  const db = openDb(config.dbPath);
  const fetcher = createPageFetcher(config, options);
  const logger = createLogger(config);
  const scheduler = (deps: Partial<SchedulerDeps> = {}) => new Scheduler({ db, config, logger, fetcher, ...deps });
  const main = scheduler();
  const runs = runsRepo(db);
  return {
    db,
    config,
    fetcher,
    scheduler,
    runs,
    snapshots: snapshotsRepo(db),
    targets: targetsRepo(db),
    async runTarget(targetId) {
      const run = main.runNow(targetId);
      await main.whenIdle();
      return runs.get(run.id);
    },
    async close() {
      await main.stop();
      await fetcher.close();
      db.close();
      tmp.remove();
    },
  };
}
