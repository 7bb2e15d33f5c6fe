import type { Db } from '../db/open-db.ts';
import type { Logger } from '../logger.ts';
import { deliveriesRepo } from '../db/alerts-deliveries.ts';
import { postWebhook } from './post-webhook.ts';

export interface DispatcherOptions {
  allowHosts: readonly string[];
  /** Delay before the first retry; doubled for each further attempt (capped at an hour). */
  backoffMs: number;
  maxAttempts: number;
  pollMs?: number;
  timeoutMs?: number;
  batchSize?: number;
  logger?: Logger;
}

export interface Dispatcher {
  /** Sends every delivery due now (one pass) and returns how many attempts were made. */
  runOnce(): Promise<number>;
  start(): void;
  /** Stops polling and waits for the pass in flight. */
  stop(): Promise<void>;
}

const MAX_BACKOFF_MS = 3600_000;

export const retryDelayMs = (attempt: number, backoffMs: number) => Math.min(backoffMs * 2 ** (attempt - 1), MAX_BACKOFF_MS);

/** Posts queued webhook deliveries outside any DB transaction, logging each attempt and retrying with backoff. */
export function createDispatcher(db: Db, options: DispatcherOptions): Dispatcher {
  const repo = deliveriesRepo(db);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const pollMs = options.pollMs ?? 1000;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<number> = Promise.resolve(0);
  let running = false;

  async function pass(): Promise<number> {
    const now = Date.now();
    const due = repo.claimDue(new Date(now).toISOString(), new Date(now + timeoutMs + 5000).toISOString(), options.batchSize ?? 20);
    await Promise.all(
      due.map(async (d) => {
        const started = Date.now();
        const result = await postWebhook(d.webhookUrl, d.secret, d.payload, { allowHosts: options.allowHosts, timeoutMs });
        const attempt = d.attempts + 1;
        const retryAt =
          result.ok || attempt >= options.maxAttempts ? null : new Date(Date.now() + retryDelayMs(attempt, options.backoffMs)).toISOString();
        repo.recordAttempt(d.id, { attempt, startedAt: new Date(started).toISOString(), durationMs: Date.now() - started, ...result }, retryAt);
        if (!result.ok) options.logger?.warn({ deliveryId: d.id, attempt, error: result.error, retryAt }, 'webhook delivery failed');
      }),
    );
    return due.length;
  }

  const runOnce = () => {
    inFlight = inFlight.then(pass, pass);
    return inFlight;
  };

  const tick = () => {
    runOnce()
      .catch((err: unknown) => options.logger?.error({ err }, 'alert dispatch pass failed'))
      .finally(() => {
        if (running) timer = setTimeout(tick, pollMs);
      });
  };

  return {
    runOnce,
    start() {
      if (running) return;
      running = true;
      timer = setTimeout(tick, pollMs);
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      await inFlight.catch(() => 0);
    },
  };
}
