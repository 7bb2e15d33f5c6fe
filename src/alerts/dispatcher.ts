import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from '../logger.ts';
import { retryDelayMs } from '../retry-delay.ts';
import type { ClaimedDelivery } from '../store/alert-queue.ts';
import type { DeliveryAttempt } from '../store/alerts.ts';
import type { Store } from '../store/store.ts';
import { postWebhook } from './post-webhook.ts';

export interface DispatcherOptions {
  allowHosts: readonly string[];
  /** Delay before the first retry; doubled for each further attempt, with jitter (see retry-delay.ts). */
  backoffMs: number;
  maxAttempts: number;
  /** The jitter's source of randomness (tests pin it). */
  random?: () => number;
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

/**
 * Posts queued webhook deliveries outside any unit of work, logging each attempt and retrying with backoff.
 * Deliveries are leased while they are posted; leases of a dispatcher that died are recovered.
 */
export function createDispatcher(store: Store, options: DispatcherOptions): Dispatcher {
  const owner = `alerts:${hostname()}:${process.pid}:${randomUUID()}`;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const pollMs = options.pollMs ?? 1000;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<number> = Promise.resolve(0);
  let running = false;

  /** Stores the attempt and moves the delivery on: delivered, retried after the backoff, or failed for good. */
  const settle = (d: ClaimedDelivery, a: DeliveryAttempt) =>
    store.transaction(({ alertQueue }) => {
      if (a.ok) return alertQueue.complete(d.id, owner, a);
      if (d.attempt >= options.maxAttempts) return alertQueue.giveUp(d.id, owner, a);
      const retryAt = new Date(Date.now() + retryDelayMs(d.attempt, options.backoffMs, options.random)).toISOString();
      return alertQueue.retry(d.id, owner, a, retryAt);
    });

  async function send(d: ClaimedDelivery): Promise<void> {
    const started = Date.now();
    const result = await postWebhook(d.webhookUrl, d.secret, d.payload, { allowHosts: options.allowHosts, timeoutMs });
    const attempt = { attempt: d.attempt, startedAt: new Date(started).toISOString(), durationMs: Date.now() - started, ...result };
    if (!(await settle(d, attempt))) options.logger?.warn({ deliveryId: d.id, attempt: d.attempt }, 'webhook delivery lease lost');
    else if (!result.ok) options.logger?.warn({ deliveryId: d.id, attempt: d.attempt, error: result.error }, 'webhook delivery failed');
  }

  async function pass(): Promise<number> {
    const now = Date.now();
    await store.alertQueue.recoverExpired(new Date(now).toISOString());
    const due = await store.alertQueue.claimDue({
      owner,
      now: new Date(now).toISOString(),
      leaseUntil: new Date(now + timeoutMs + 5000).toISOString(),
      limit: options.batchSize ?? 20,
    });
    await Promise.all(due.map(send));
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
