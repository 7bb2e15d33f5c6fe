import type { FailureCode } from '../../scrapers/fetch/fetch-error.ts';
import type { Page, PageRequest } from './paging.ts';

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed';
export type RunTrigger = 'schedule' | 'manual' | 'catch_up' | 'retry';
/** The worker pool a run waits in: plain HTTP fetching or the browser. */
export type Lane = 'static' | 'browser';

export interface RunTimings {
  /** From due (available) to the start of fetching, politeness waits included. */
  queueMs: number | null;
  fetchMs: number | null;
  extractMs: number | null;
}

export interface Run {
  id: number;
  targetId: number;
  status: RunStatus;
  code: FailureCode | null;
  error: string | null;
  trigger: RunTrigger;
  attempt: number;
  /** Fixed when the run is queued. */
  lane: Lane;
  fetchMode: Lane | null;
  timings: RunTimings;
  snapshotId: number | null;
  httpStatus: number | null;
  finalUrl: string | null;
  robotsOverridden: boolean;
  /** The failed run this one retries. */
  retryOf: number | null;
  /** Times the run was found `running` with its lease expired (its process died) and re-queued. */
  leaseExpiries: number;
  queuedAt: string;
  availableAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface RunFilter extends PageRequest {
  targetId?: number;
  status?: RunStatus;
  code?: FailureCode;
  /** Queued at or after (ISO). */
  since?: string;
}

/** The run log; runs are queued, taken and finished through the RunQueue. */
export interface RunStore {
  get(id: number): Promise<Run>;
  /** Oldest first. */
  list(filter: RunFilter): Promise<Page<Run>>;
  /** Per target of `targetIds`, its newest finished run (succeeded or failed); targets with none are left out. */
  latestFinished(targetIds: readonly number[]): Promise<Run[]>;
}
