import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.ts';
import { openDb, type Db } from './db/open-db.ts';
import { createApp } from './http/create-app.ts';
import { createDispatcher } from './alerts/dispatcher.ts';
import { createLogger, type Logger } from './logger.ts';
import { Scheduler } from './scheduler/scheduler.ts';

export interface Service {
  url: string;
  db: Db;
  logger: Logger;
  /** Null when the config turns the scheduler off. */
  scheduler: Scheduler | null;
  close(): Promise<void>;
}

/**
 * Opens and migrates the database, serves the API on config.host:config.port (0 = any free port) and starts
 * the scheduler. close() stops claiming runs, lets running ones finish or time out, closes the browser.
 */
export async function startService(config: Config): Promise<Service> {
  const logger = createLogger(config);
  const db = openDb(config.dbPath);
  const app = createApp({ db, config, logger });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolve(s));
  });
  const scheduler = config.schedulerEnabled ? new Scheduler({ db, config, logger }) : null;
  scheduler?.start();
  const { allowHosts, webhookBackoffMs: backoffMs, webhookMaxAttempts: maxAttempts } = config;
  const alerts = createDispatcher(db, { allowHosts, backoffMs, maxAttempts, logger });
  alerts.start();
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    db,
    logger,
    scheduler,
    close: async () => {
      await Promise.all([new Promise<void>((resolve) => server.close(() => resolve())), scheduler?.stop(), alerts.stop()]);
      db.close();
    },
  };
}
