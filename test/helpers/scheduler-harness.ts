import { join } from 'node:path';
import { testConfig, type Config } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { createPageFetcher, type PageFetcher } from '../../src/fetching/page-fetcher.ts';
import { Scheduler, type SchedulerDeps } from '../../src/scheduler/scheduler.ts';
import type { Run } from '../../src/store/runs.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { StoreHandle } from '../../src/store/store.ts';
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
  store: StoreHandle;
  config: Config;
  fetcher: PageFetcher;
  /** A new scheduler over the same store and fetcher (a "restarted process"). */
  scheduler(deps?: Partial<SchedulerDeps>): Scheduler;
  /** Queues a manual run of the target, runs everything due and returns the run as stored. */
  runTarget(targetId: number): Promise<Run>;
  close(): Promise<void>;
}

/** A real SQLite file, the real fetcher (static and Chromium), and schedulers that never start their timer. */
export function createHarness(overrides: Partial<Config> = {}, options: { resolve?: Resolver } = {}): Harness {
  const tmp = tempDir('rivalscope-scheduler-');
  const config = schedulerTestConfig(join(tmp.dir, 'test.db'), overrides);
  const store = openSqliteStore(config.dbPath);
  const fetcher = createPageFetcher(config, options);
  const logger = createLogger(config);
  const scheduler = (deps: Partial<SchedulerDeps> = {}) => new Scheduler({ store, config, logger, fetcher, ...deps });
  const main = scheduler();
  return {
    store,
    config,
    fetcher,
    scheduler,
    async runTarget(targetId) {
      const run = await main.runNow(targetId);
      await main.whenIdle();
      return store.runs.get(run.id);
    },
    async close() {
      await main.stop();
      await fetcher.close();
      await store.close();
      tmp.remove();
    },
  };
}
