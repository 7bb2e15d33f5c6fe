import type { Config } from '../config.ts';
import { recordHealthEvent } from '../alerts/record-health-event.ts';
import { recordChanges } from '../compare/record-changes.ts';
import { retryDelayMs } from '../retry-delay.ts';
import type { Run } from '../store/runs.ts';
import { htmlEvidence } from '../store/snapshots.ts';
import type { Store } from '../store/store.ts';
import type { RunOutcome } from './execute-run.ts';
import type { RunFailure } from './run-failure.ts';

export type RecorderConfig = Pick<Config, 'maxAttempts' | 'retryBaseMs' | 'brokenAfter' | 'screenshotMaxBytes'>;

export interface Recorded {
  run: Run;
  /** The run queued to retry this one, if any. */
  retry: Run | null;
}

class LeaseLost extends Error {}

/** Stores what a run produced as one unit of work: snapshot and changes, run result, target health, retry. */
export function outcomeRecorder(store: Store, config: RecorderConfig, random: () => number = Math.random) {
  /** A check that failed for good (no retry left): counts towards `broken`; flipping health is recorded. */
  const countFailure = async (tx: Store, targetId: number, failure: RunFailure): Promise<void> => {
    const reason = `${failure.code}: ${failure.message}`.slice(0, 500);
    const health = await tx.targets.markFailed(targetId, { reason, brokenAfter: config.brokenAfter });
    if (health && health.from !== health.to) await recordHealthEvent(tx, { targetId, health: health.to, reason });
  };

  return {
    countFailure,
    /** Returns null when the lease was lost meanwhile (the run was re-queued elsewhere): nothing is stored. */
    async record(run: Run, owner: string, outcome: RunOutcome, options: { retry?: boolean; now?: Date } = {}): Promise<Recorded | null> {
      const now = options.now ?? new Date();
      const finishedAt = now.toISOString();
      // Compressing happens before the unit of work, which should hold the database as briefly as it can.
      const html = outcome.ok ? htmlEvidence(outcome.page.html) : null;
      const shot = outcome.ok ? outcome.page.screenshot : null;
      const screenshot = shot && shot.length <= config.screenshotMaxBytes ? { type: 'image/jpeg' as const, bytes: shot } : null;
      try {
        return await store.transaction(async (tx): Promise<Recorded> => {
          let snapshotId: number | null = null;
          if (outcome.ok) {
            snapshotId = await tx.snapshots.insert({
              targetId: run.targetId,
              runId: run.id,
              capturedAt: finishedAt,
              finalUrl: outcome.page.url,
              offer: outcome.offer,
              provenance: outcome.provenance,
              html,
              screenshot,
            });
            await recordChanges(tx, snapshotId);
          }
          const failure = outcome.ok ? null : outcome.failure;
          const completed = await tx.runQueue.complete(run.id, owner, {
            status: outcome.ok ? 'succeeded' : 'failed',
            code: failure?.code ?? null,
            error: failure?.message ?? null,
            fetchMode: outcome.mode,
            timings: outcome.timings,
            snapshotId,
            httpStatus: outcome.page?.status ?? null,
            finalUrl: outcome.page?.url ?? null,
            robotsOverridden: outcome.robotsOverridden,
            finishedAt,
          });
          if (!completed) throw new LeaseLost();
          let retry: Run | null = null;
          if (!failure) {
            const health = await tx.targets.markSucceeded(run.targetId, { at: finishedAt, mode: outcome.mode });
            if (health && health.from !== health.to) await recordHealthEvent(tx, { targetId: run.targetId, health: health.to, reason: null });
          } else if (failure.retryable && options.retry !== false && run.attempt < config.maxAttempts) {
            const availableAt = new Date(now.getTime() + retryDelayMs(run.attempt, config.retryBaseMs, random)).toISOString();
            retry = await tx.runQueue.retry(run, availableAt);
          } else await countFailure(tx, run.targetId, failure);
          return { run: await tx.runs.get(run.id), retry };
        });
      } catch (err) {
        if (err instanceof LeaseLost) return null;
        throw err;
      }
    },
  };
}
