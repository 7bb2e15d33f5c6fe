import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.ts';
import { openStore } from './store/open/open-store.ts';
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
  const store = await openStore(config);
  await seedBuiltinTemplates(store);
  const app = createApp({ store, config, logger });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolve(s));
  });
  const scheduler = config.schedulerEnabled ? new Scheduler({ store, config, logger }) : null;
  await scheduler?.start();
  const { allowHosts, webhookBackoffMs: backoffMs, webhookMaxAttempts: maxAttempts } = config;
  const alerts = createDispatcher(store, { allowHosts, backoffMs, maxAttempts, logger });
  alerts.start();
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    store,
    logger,
    scheduler,
    close: async () => {
      await Promise.all([new Promise<void>((resolve) => server.close(() => resolve())), scheduler?.stop(), alerts.stop()]);
      await store.close();
    },
  };
}
