import type { DeliveryAttempt } from './alerts.ts';

/** A webhook post to queue: what fired which rule, and the body to send. */
export interface QueuedDelivery {
  ruleId: number;
  /** What fired the rule (a change, a change seen against one competitor, a health event): fires once. */
  dedupeKey: string;
  event: string;
  targetId: number | null;
  changeId: number | null;
  payload: string;
  /** Queued at, and due from. */
  at: string;
}

/** A delivery leased to one dispatcher: what it needs to send it. */
export interface ClaimedDelivery {
  id: number;
  ruleId: number;
  /** The number of this try (1 for the first). */
  attempt: number;
  payload: string;
  webhookUrl: string;
  secret: string;
}

export interface ClaimOptions {
  /** Who takes the lease; only the holder can settle the delivery. */
  owner: string;
  now: string;
  leaseUntil: string;
  limit: number;
}

/**
 * The alert delivery queue. Deliveries are queued inside the unit of work that stores what fired them;
 * a dispatcher claims the due ones with a lease, posts them outside any unit of work, and settles each with
 * the attempt it made: complete, retry at a later time, or give up. A delivery whose lease expired (its
 * dispatcher died) is recovered and sent again.
 *
 * Settling writes the attempt log and the delivery: call complete / retry / giveUp inside a unit of work.
 * Each returns false, storing nothing, when `owner` no longer holds the lease.
 */
export interface AlertQueue {
  /** Queues a delivery unless the rule already fired for the same key; true when queued. */
  enqueue(delivery: QueuedDelivery): Promise<boolean>;
  /** Leases up to `limit` pending deliveries due at `now`, earliest due first. */
  claimDue(options: ClaimOptions): Promise<ClaimedDelivery[]>;
  complete(id: number, owner: string, attempt: DeliveryAttempt): Promise<boolean>;
  /** Logs a failed attempt and makes the delivery due again at `retryAt`. */
  retry(id: number, owner: string, attempt: DeliveryAttempt, retryAt: string): Promise<boolean>;
  /** Logs the last failed attempt; the delivery has failed for good. */
  giveUp(id: number, owner: string, attempt: DeliveryAttempt): Promise<boolean>;
  /** Releases leases expired at `now`, so the deliveries can be claimed again; returns how many. */
  recoverExpired(now: string): Promise<number>;
}
