import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.ts';
import { openStore } from './store/open/open-store.ts';
import type { Lane } from './store/runs.ts';
import type { Store } from './store/store.ts';
import { createApp } from './http/create-app.ts';
import { createDispatcher } from './alerts/dispatcher.ts';
import { createLogger, type Logger } from './logger.ts';
import { Scheduler } from './scheduler/scheduler.ts';
import { seedBuiltinTemplates } from './visits/seed-builtin-templates.ts';

export interface Service {
  url: string;
  store: Store;
  logger: Logger;
  /** Null on an API-only node (`serve --workers 0`, or the config turns the scheduler off). */
  scheduler: Scheduler | null;
  /** Stops serving and working: see Work.stop for `graceMs`. */
  close(graceMs?: number): Promise<void>;
}

export interface Worker {
  store: Store;
  logger: Logger;
  scheduler: Scheduler;
  close(graceMs?: number): Promise<void>;
}

export interface ServiceOptions {
  /** Plan, claim runs and deliver alerts in this process (default: config.schedulerEnabled). */
  work?: boolean;
}

/** The working half of a process: the scheduler (planner + run workers) and the alert dispatcher. */
interface Work {
  scheduler: Scheduler;
  /**
   * Stops claiming runs and alerts; runs still going after `graceMs` go back to the queue (default: wait
   * for them), then the browser closes.
   */
  stop(graceMs?: number): Promise<void>;
}

async function startWork(store: Store, config: Config, logger: Logger, lanes?: readonly Lane[]): Promise<Work> {
  const scheduler = new Scheduler({ store, config, logger, lanes });
  await scheduler.start();
  const { allowHosts, webhookBackoffMs: backoffMs, webhookMaxAttempts: maxAttempts } = config;
  const alerts = createDispatcher(store, { allowHosts, backoffMs, maxAttempts, logger });
  alerts.start();
  return {
    scheduler,
    stop: async (graceMs) => {
      await Promise.all([scheduler.stop(graceMs), alerts.stop()]);
    },
  };
}

/**
 * `rivalscope serve`: opens and migrates the database, serves the API on config.host:config.port (0 = any
 * free port) and, unless `work` is off (an API-only node), starts the scheduler and the alert dispatcher.
 * close() stops claiming runs, lets running ones finish (or hands them back after a grace period), closes
 * the browser.
 */
export async function startService(config: Config, options: ServiceOptions = {}): Promise<Service> {
  const logger = createLogger(config);
  const store = await openStore(config);
  await seedBuiltinTemplates(store);
  const app = createApp({ store, config, logger });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolve(s));
  });
  const work = (options.work ?? config.schedulerEnabled) ? await startWork(store, config, logger) : null;
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    store,
    logger,
    scheduler: work?.scheduler ?? null,
    close: async (graceMs) => {
      await Promise.all([new Promise<void>((resolve) => server.close(() => resolve())), work?.stop(graceMs)]);
      await store.close();
    },
  };
}

/**
 * `rivalscope worker`: the scheduler (planning, once per tick across all processes) and run workers for
 * `lanes`, plus alert delivery, with no HTTP server. Any number of them share one database.
 */
export async function startWorker(config: Config, options: { lanes?: readonly Lane[] } = {}): Promise<Worker> {
  const logger = createLogger(config);
  const store = await openStore(config);
  const work = await startWork(store, config, logger, options.lanes);
  return {
    store,
    logger,
    scheduler: work.scheduler,
    close: async (graceMs) => {
      await work.stop(graceMs);
      await store.close();
    },
  };
}
