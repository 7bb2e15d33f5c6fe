import { randomUUID } from 'node:crypto';
import type { Config } from '../config.ts';
import type { Db } from '../db/open-db.ts';
import { runsRepo, type Lane, type Run } from '../db/runs.ts';
import { targetsRepo } from '../db/targets.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { executeRun } from './execute-run.ts';
import { createPageFetcher, type PageFetcher } from './page-fetcher.ts';
import { runPlanner } from './plan-runs.ts';
import { outcomeRecorder } from './record-outcome.ts';
import { withTimeout } from './with-timeout.ts';

/** A lease outlives the run's own timeout by this much, so only a dead process ever lets one expire. */
export const LEASE_GRACE_MS = 30_000;
/** A run whose process died this many times fails instead of taking the next process down too. */
export const MAX_LEASE_EXPIRIES = 3;

export interface SchedulerDeps {
  db: Db;
  config: Config;
  logger: Logger;
  /** Default: the real fetcher from the config, closed by stop(). */
  fetcher?: PageFetcher;
  now?: () => Date;
  random?: () => number;
}

const LANES: readonly Lane[] = ['browser', 'static'];

/**
 * The in-process scheduler: plans due runs from cron schedules, and a worker pool that claims queued runs
 * under a lease (at most once at a time, across processes too), with separate concurrency for static and
 * browser fetching, a time limit per run, retries and target health.
 */
export class Scheduler {
  readonly owner = `${process.pid}-${randomUUID()}`;
  private readonly runs;
  private readonly targets;
  private readonly planner;
  private readonly recorder;
  private readonly fetcher: PageFetcher;
  private readonly ownsFetcher: boolean;
  private readonly now: () => Date;
  private readonly active: Record<Lane, Set<Promise<void>>> = { static: new Set(), browser: new Set() };
  private readonly limits: Record<Lane, number>;
  private timer: NodeJS.Timeout | null = null;
  private stopping = false;

  constructor(private readonly deps: SchedulerDeps) {
    const { db, config } = deps;
    this.runs = runsRepo(db);
    this.targets = targetsRepo(db);
    this.planner = runPlanner(db);
    this.recorder = outcomeRecorder(db, config, deps.random);
    this.ownsFetcher = !deps.fetcher;
    this.fetcher = deps.fetcher ?? createPageFetcher(config);
    this.now = deps.now ?? (() => new Date());
    this.limits = { static: config.staticConcurrency, browser: config.browserConcurrency };
  }

  /** Recovers runs of dead processes, queues one catch-up run per overdue target, then ticks every tickMs. */
  start(): { recovered: number; catchUp: number } {
    const recovered = this.recover();
    const catchUp = this.planner.enqueueCatchUp(this.now(), this.deps.config.catchUpWindowMs, this.deps.random);
    this.deps.logger.info({ recovered, catchUp, owner: this.owner }, 'scheduler started');
    this.timer = setInterval(() => this.tick(), this.deps.config.tickMs);
    this.timer.unref();
    this.pump();
    return { recovered, catchUp };
  }

  /** One scheduler step: recover expired leases, queue due targets, start what the limits allow. */
  tick(): void {
    if (this.stopping) return;
    try {
      this.recover();
      this.planner.enqueueDue(this.now());
      this.pump();
    } catch (err) {
      this.deps.logger.error({ err }, 'scheduler tick failed');
    }
  }

  /** Queues a manual run (or returns the one already queued or running) and starts it if a slot is free. */
  runNow(targetId: number): Run {
    this.targets.get(targetId);
    const { run } = this.runs.enqueue(targetId, 'manual', { availableAt: this.now().toISOString() });
    this.pump();
    return run;
  }

  /** Claims due runs while the lanes have free slots. */
  pump(): void {
    for (const lane of LANES) {
      while (!this.stopping && this.active[lane].size < this.limits[lane]) {
        const run = this.runs.claim(this.owner, lane, this.now(), this.leaseUntil());
        if (!run) break;
        const job: Promise<void> = this.execute(run, lane).finally(() => {
          this.active[lane].delete(job);
          this.pump();
        });
        this.active[lane].add(job);
      }
    }
  }

  /** Resolves once nothing is running and nothing queued is due (tests, the scrape command). */
  async whenIdle(): Promise<void> {
    for (;;) {
      this.pump();
      const running = [...this.active.static, ...this.active.browser];
      if (running.length === 0) return;
      await Promise.all(running);
    }
  }

  /** Stops claiming, lets running runs finish (each is bounded by its timeout), then closes the browser. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const running = [...this.active.static, ...this.active.browser];
    if (running.length) this.deps.logger.info({ running: running.length }, 'scheduler stopping: letting running runs finish');
    await Promise.all(running);
    if (this.ownsFetcher) await this.fetcher.close();
    this.deps.logger.info({ owner: this.owner }, 'scheduler stopped');
  }

  /**
   * Runs one target now in this process, without retries (the `scrape` command): queues a manual run and takes
   * it; when another process already has the target's run, waits for that one instead. Returns the finished run.
   */
  async scrapeNow(targetId: number): Promise<Run> {
    const target = this.targets.get(targetId);
    const { run } = this.runs.enqueue(targetId, 'manual', { availableAt: this.now().toISOString() });
    const lane: Lane = target.fetch === 'auto' ? (target.learnedMode ?? 'static') : target.fetch;
    const claimed = this.runs.claimById(run.id, this.owner, this.now(), this.leaseUntil());
    if (claimed) await this.execute(claimed, lane, { retry: false });
    const deadline = Date.now() + this.deps.config.runTimeoutMs + LEASE_GRACE_MS;
    let current = this.runs.get(run.id);
    while ((current.status === 'queued' || current.status === 'running') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      current = this.runs.get(run.id);
    }
    return current;
  }

  private leaseUntil(): Date {
    return new Date(this.now().getTime() + this.deps.config.runTimeoutMs + LEASE_GRACE_MS);
  }

  private recover(): number {
    const { requeued, failed } = this.runs.recoverExpired(this.now(), MAX_LEASE_EXPIRIES);
    for (const run of failed) this.recorder.countFailure(run.targetId, { code: 'timeout', message: run.error ?? 'its process stopped', retryable: false });
    if (requeued.length || failed.length)
      this.deps.logger.warn({ requeued: requeued.map((r) => r.id), failed: failed.map((r) => r.id) }, 'recovered runs of a stopped process');
    return requeued.length + failed.length;
  }

  private async execute(run: Run, lane: Lane, options: { retry?: boolean } = {}): Promise<void> {
    const { config, logger } = this.deps;
    try {
      const target = this.targets.get(run.targetId);
      const outcome = await withTimeout(config.runTimeoutMs, lane, !target.respectRobots, (signal, deadline) =>
        executeRun(target, run, { fetcher: this.fetcher, signal, deadline }),
      );
      const recorded = this.recorder.record(run, this.owner, outcome, options);
      if (!recorded) logger.warn({ runId: run.id }, 'run lost its lease before finishing; result dropped');
      else
        logger.info(
          { runId: run.id, targetId: run.targetId, status: recorded.run.status, code: recorded.run.code, attempt: run.attempt, mode: outcome.mode, timings: outcome.timings, retry: recorded.retry?.id },
          'run finished',
        );
    } catch (err) {
      if (err instanceof AppError && err.status === 404) return;
      logger.error({ err, runId: run.id }, 'run could not be recorded');
    }
  }
}
