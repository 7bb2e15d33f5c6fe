import type { FailureCode } from '../../scrapers/fetch/fetch-error.ts';
import type { Lane, Run, RunTimings, RunTrigger } from './runs.ts';

export interface RunRequest {
  targetId: number;
  lane: Lane;
  trigger: RunTrigger;
  /** When the run becomes due (ISO). */
  availableAt: string;
}

/** Who holds a run, and until when (ISO) unless extended; an expired lease means its process died. */
export interface Lease {
  owner: string;
  until: string;
}

/** How a run ended; only the lease holder can record it. */
export interface RunResult {
  status: 'succeeded' | 'failed';
  code: FailureCode | null;
  error: string | null;
  fetchMode: Lane | null;
  timings: RunTimings;
  snapshotId: number | null;
  httpStatus: number | null;
  finalUrl: string | null;
  robotsOverridden: boolean;
  finishedAt: string;
}

/**
 * Runs waiting, taken and finished: at most one queued-or-running run per target, taken per lane under a
 * lease, so each run executes at most once at a time across processes, and a run whose process died is
 * taken back. Times are ISO strings. The scheduler, the "run now" route and the CLI all queue through it.
 */
export interface RunQueue {
  /**
   * Queues a run unless the target already has one queued or running: that one is returned instead, and a
   * manual request brings it forward to `availableAt` if it is queued for later.
   */
  enqueue(request: RunRequest): Promise<{ run: Run; created: boolean }>;
  /** Queues the next attempt of a failed run (trigger `retry`, same lane) due at `availableAt`. */
  retry(failed: Run, availableAt: string): Promise<Run>;
  /** Takes the longest-due queued run of `lane` (due at `now`); null when none is due. */
  claim(lane: Lane, now: string, lease: Lease): Promise<Run | null>;
  /** Takes this queued run, due or not; null when it is not queued (someone else has it). */
  claimById(id: number, now: string, lease: Lease): Promise<Run | null>;
  /** Moves the lease on; false when `lease.owner` no longer holds the run. */
  extendLease(id: number, lease: Lease): Promise<boolean>;
  /**
   * Records how the run ended if `owner` still holds its lease; false when the run was taken back
   * meanwhile (then nothing else of the run's outcome may be stored: call it inside the unit of work).
   */
  complete(id: number, owner: string, result: RunResult): Promise<boolean>;
  /**
   * Runs left `running` with an expired lease go back to the queue (same id and attempt, one more lease
   * expiry); a run whose process died `maxExpiries` times fails with `timeout` instead.
   */
  recoverExpired(now: string, maxExpiries: number): Promise<{ requeued: Run[]; failed: Run[] }>;
  /**
   * Puts a run `owner` holds back in the queue as it was before the claim (same attempt, no lease expiry
   * counted, due as before): a process shutting down hands over what it could not finish. False when `owner`
   * no longer holds it.
   */
  release(id: number, owner: string): Promise<boolean>;
  /**
   * Call inside a unit of work: true when this unit is the one planning now, for all processes sharing the
   * database; false when another unit holds the planner lock (then skip planning this tick). The lock ends
   * with the unit of work. Postgres: a transaction-scoped advisory lock; SQLite: always true, its write
   * transaction already lets one planner in at a time.
   */
  tryLockPlanning(): Promise<boolean>;
}
