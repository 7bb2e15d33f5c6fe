import { randomUUID } from 'node:crypto';
import type { Config } from '../config.ts';
import { isNotFound } from '../errors.ts';
import { createPageFetcher, type PageFetcher } from '../fetching/page-fetcher.ts';
import type { Logger } from '../logger.ts';
import type { Lease } from '../store/run-queue.ts';
import type { Lane, Run } from '../store/runs.ts';
import type { Store } from '../store/store.ts';
import { executeRun } from './execute-run.ts';
import { queueManualRun } from './manual-run.ts';
import { runPlanner } from './plan-runs.ts';
import { outcomeRecorder } from './record-outcome.ts';
import { withTimeout } from './with-timeout.ts';

/** A run whose process died this many times fails instead of taking the next process down too. */
export const MAX_LEASE_EXPIRIES = 3;

export interface SchedulerDeps {
  store: Store;
  config: Config;
  logger: Logger;
  /** Default: the real fetcher from the config, closed by stop(). */
  fetcher?: PageFetcher;
  now?: () => Date;
  random?: () => number;
  /** The lanes this process claims runs from (default both; `rivalscope worker --lanes`). */
  lanes?: readonly Lane[];
}

export const LANES: readonly Lane[] = ['browser', 'static'];

/**
 * The in-process scheduler: plans due runs from cron schedules, and a worker pool that claims queued runs
 * under a lease (at most once at a time, across processes too), with separate concurrency for static and
 * browser fetching, a time limit per run, retries and target health.
 */
export class Scheduler {
  readonly owner = `${process.pid}-${randomUUID()}`;
  private readonly store: Store;
  private readonly planner;
  private readonly recorder;
  private readonly fetcher: PageFetcher;
  private readonly ownsFetcher: boolean;
  private readonly now: () => Date;
  private readonly active: Record<Lane, Set<Promise<void>>> = { static: new Set(), browser: new Set() };
  /** Runs this process holds, by id: what stop() hands back when they outlast the grace period. */
  private readonly held = new Map<number, Run>();
  /** Aborted at shutdown, after the runs still going were handed back: their fetches end early. */
  private readonly shutdown = new AbortController();
  private readonly lanes: readonly Lane[];
  private ticked: Promise<void> = Promise.resolve();
  private readonly limits: Record<Lane, number>;
  /** Manual runs being queued: whenIdle() waits for them too. */
  private readonly queueing = new Set<Promise<unknown>>();
  private pumping: Promise<void> | null = null;
  private pumpAgain = false;
  private ticking = false;
  private timer: NodeJS.Timeout | null = null;
  private stopping = false;

  constructor(private readonly deps: SchedulerDeps) {
    const { store, config } = deps;
    this.store = store;
    this.planner = runPlanner(store);
    this.recorder = outcomeRecorder(store, config, deps.random);
    this.ownsFetcher = !deps.fetcher;
    this.fetcher = deps.fetcher ?? createPageFetcher(config);
    this.now = deps.now ?? (() => new Date());
    this.limits = { static: config.staticConcurrency, browser: config.browserConcurrency };
    this.lanes = LANES.filter((lane) => (deps.lanes ?? LANES).includes(lane));
  }

  /** Recovers runs of dead processes, queues one catch-up run per overdue target, then ticks every tickMs. */
  async start(): Promise<{ recovered: number; catchUp: number }> {
    const recovered = await this.recover();
    const catchUp = await this.planner.enqueueCatchUp(this.now(), this.deps.config.catchUpWindowMs, this.deps.random);
    this.deps.logger.info({ recovered, catchUp, owner: this.owner }, 'scheduler started');
    this.timer = setInterval(() => {
      if (!this.ticking) this.ticked = this.tick();
    }, this.deps.config.tickMs);
    this.timer.unref();
    await this.pump();
    return { recovered, catchUp };
  }

  /** One scheduler step: recover expired leases, queue due targets, start what the limits allow. */
  async tick(): Promise<void> {
    if (this.stopping || this.ticking) return;
    this.ticking = true;
    try {
      await this.recover();
      await this.planner.enqueueDue(this.now());
      await this.pump();
    } catch (err) {
      this.deps.logger.error({ err }, 'scheduler tick failed');
    } finally {
      this.ticking = false;
    }
  }

  /** Queues a manual run (or returns the one already queued or running) and starts it if a slot is free. */
  async runNow(targetId: number): Promise<Run> {
    const queued = queueManualRun(this.store, targetId, this.now());
    this.queueing.add(queued);
    try {
      const run = await queued;
      await this.pump();
      return run;
    } finally {
      this.queueing.delete(queued);
    }
  }

  /** Claims due runs while the lanes have free slots; a call during a pass gets one more pass. Never rejects. */
  pump(): Promise<void> {
    if (this.pumping) {
      this.pumpAgain = true;
      return this.pumping;
    }
    this.pumping = (async () => {
      try {
        do {
          this.pumpAgain = false;
          await this.claimWhileFree();
        } while (this.pumpAgain && !this.stopping);
      } catch (err) {
        this.deps.logger.error({ err }, 'claiming runs failed');
      } finally {
        this.pumping = null;
      }
    })();
    return this.pumping;
  }

  /** Resolves once nothing is running, being queued, or queued and due (tests, the scrape command). */
  async whenIdle(): Promise<void> {
    for (;;) {
      await Promise.allSettled(this.queueing);
      await this.pump();
      const running = [...this.active.static, ...this.active.browser];
      if (running.length === 0 && this.queueing.size === 0) return;
      await Promise.all(running);
    }
  }

  /**
   * Stops claiming and lets running runs finish (each is bounded by its timeout). With `graceMs`, runs still
   * going after it go back to the queue as they were (not failed; another process takes them) and their
   * fetches are aborted, so stop() returns soon after the grace period. Then closes the browser.
   */
  async stop(graceMs = Number.POSITIVE_INFINITY): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.all([this.pumping, this.ticked]);
    const running = [...this.active.static, ...this.active.browser];
    if (running.length) this.deps.logger.info({ running: running.length, graceMs }, 'scheduler stopping: letting running runs finish');
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<void>((resolve) => {
      if (Number.isFinite(graceMs)) timer = setTimeout(resolve, graceMs);
    });
    await Promise.race([Promise.all(running), graceOver]);
    clearTimeout(timer);
    const unfinished = [...this.held.values()];
    if (unfinished.length) {
      const released: number[] = [];
      for (const run of unfinished) if (await this.store.runQueue.release(run.id, this.owner).catch(() => false)) released.push(run.id);
      this.deps.logger.warn({ released }, 'scheduler stopping: runs not finished in the grace period went back to the queue');
      this.shutdown.abort();
      await Promise.all([...this.active.static, ...this.active.browser]);
    }
    if (this.ownsFetcher) await this.fetcher.close();
    this.deps.logger.info({ owner: this.owner }, 'scheduler stopped');
  }

  /**
   * Runs one target now in this process, without retries (the `scrape` command): queues a manual run and takes
   * it; when another process already has the target's run, waits for that one instead. Returns the finished run.
   */
  async scrapeNow(targetId: number): Promise<Run> {
    const run = await queueManualRun(this.store, targetId, this.now());
    const claimed = await this.store.runQueue.claimById(run.id, this.now().toISOString(), this.lease());
    if (claimed) await this.execute(claimed, { retry: false });
    const deadline = Date.now() + this.deps.config.runTimeoutMs + this.deps.config.leaseGraceMs;
    let current = await this.store.runs.get(run.id);
    while ((current.status === 'queued' || current.status === 'running') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      current = await this.store.runs.get(run.id);
    }
    return current;
  }

  private async claimWhileFree(): Promise<void> {
    for (const lane of this.lanes) {
      while (!this.stopping && this.active[lane].size < this.limits[lane]) {
        const run = await this.store.runQueue.claim(lane, this.now().toISOString(), this.lease());
        if (!run) break;
        this.held.set(run.id, run);
        const job: Promise<void> = this.execute(run).finally(() => {
          this.held.delete(run.id);
          this.active[lane].delete(job);
          void this.pump();
        });
        this.active[lane].add(job);
      }
    }
  }

  private lease(): Lease {
    const until = new Date(this.now().getTime() + this.deps.config.runTimeoutMs + this.deps.config.leaseGraceMs);
    return { owner: this.owner, until: until.toISOString() };
  }

  private async recover(): Promise<number> {
    const { requeued, failed } = await this.store.transaction(async (tx) => {
      const recovered = await tx.runQueue.recoverExpired(this.now().toISOString(), MAX_LEASE_EXPIRIES);
      for (const run of recovered.failed)
        await this.recorder.countFailure(tx, run.targetId, { code: 'timeout', message: run.error ?? 'its process stopped', retryable: false });
      return recovered;
    });
    if (requeued.length || failed.length)
      this.deps.logger.warn({ requeued: requeued.map((r) => r.id), failed: failed.map((r) => r.id) }, 'recovered runs of a stopped process');
    return requeued.length + failed.length;
  }

  private async execute(run: Run, options: { retry?: boolean } = {}): Promise<void> {
    const { config, logger } = this.deps;
    try {
      const target = await this.store.targets.get(run.targetId);
      const outcome = await withTimeout(config.runTimeoutMs, run.lane, !target.respectRobots, (signal, deadline) =>
        executeRun(target, run, { fetcher: this.fetcher, signal: AbortSignal.any([signal, this.shutdown.signal]), deadline }),
      );
      const recorded = await this.recorder.record(run, this.owner, outcome, options);
      if (!recorded) logger.warn({ runId: run.id }, 'run lost its lease before finishing; result dropped');
      else
        logger.info(
          { runId: run.id, targetId: run.targetId, status: recorded.run.status, code: recorded.run.code, attempt: run.attempt, mode: outcome.mode, timings: outcome.timings, retry: recorded.retry?.id },
          'run finished',
        );
    } catch (err) {
      // The target was deleted while its run waited.
      if (isNotFound(err)) return;
      logger.error({ err, runId: run.id }, 'run could not be recorded');
    }
  }
}
