import type { Config } from '../config.ts';
import type { Db } from '../db/open-db.ts';
import { runsRepo, type Run } from '../db/runs.ts';
import { htmlEvidence, snapshotsRepo } from '../db/snapshots.ts';
import { recordChanges } from '../compare/record-changes.ts';
import { recordHealthEvent } from '../alerts/record-health-event.ts';
import type { RunOutcome } from './execute-run.ts';
import type { RunFailure } from './run-failure.ts';

export type RecorderConfig = Pick<Config, 'maxAttempts' | 'retryBaseMs' | 'brokenAfter' | 'screenshotMaxBytes'>;

export interface Recorded {
  run: Run;
  /** The run queued to retry this one, if any. */
  retry: Run | null;
}

class LeaseLost extends Error {}

/** Exponential backoff with ±25 % jitter: base, 2×base, 4×base, … */
export function retryDelayMs(baseMs: number, attempt: number, random: () => number = Math.random): number {
  return Math.round(baseMs * 2 ** (attempt - 1) * (0.75 + random() / 2));
}

/** Stores what a run produced, in one transaction per run: snapshot and changes, run result, target health, retry. */
export function outcomeRecorder(db: Db, config: RecorderConfig, random: () => number = Math.random) {
  const runs = runsRepo(db);
  const snapshots = snapshotsRepo(db);
  const targetHealth = db.prepare<[number], { health: 'ok' | 'broken'; consecutive_failures: number; fetch_mode: string }>(
    'SELECT health, consecutive_failures, fetch_mode FROM targets WHERE id = ?',
  );
  const succeeded = db.prepare(
    `UPDATE targets SET consecutive_failures = 0, health = 'ok', health_reason = NULL, last_success_at = :now,
       learned_mode = CASE WHEN fetch_mode = 'auto' THEN :mode ELSE learned_mode END
     WHERE id = :id`,
  );
  const failed = db.prepare(
    `UPDATE targets SET consecutive_failures = consecutive_failures + 1,
       health = CASE WHEN consecutive_failures + 1 >= :brokenAfter THEN 'broken' ELSE health END,
       health_reason = CASE WHEN consecutive_failures + 1 >= :brokenAfter THEN :reason ELSE health_reason END
     WHERE id = :id`,
  );

  /** A check that failed for good (no retry left): counts towards `broken`; flipping health is recorded. */
  const countFailure = (targetId: number, failure: RunFailure) => {
    const before = targetHealth.get(targetId);
    if (!before) return;
    const reason = `${failure.code}: ${failure.message}`.slice(0, 500);
    failed.run({ id: targetId, brokenAfter: config.brokenAfter, reason });
    if (before.health === 'ok' && before.consecutive_failures + 1 >= config.brokenAfter)
      recordHealthEvent(db, { targetId, health: 'broken', reason });
  };

  return {
    countFailure: (targetId: number, failure: RunFailure) => db.transaction(() => countFailure(targetId, failure))(),
    /** Returns null when the lease was lost meanwhile (the run was re-queued elsewhere): nothing is stored. */
    record(run: Run, owner: string, outcome: RunOutcome, options: { retry?: boolean; now?: Date } = {}): Recorded | null {
      const now = options.now ?? new Date();
      const finishedAt = now.toISOString();
      const html = outcome.ok ? htmlEvidence(outcome.page.html) : null;
      const shot = outcome.ok ? outcome.page.screenshot : null;
      const screenshot = shot && shot.length <= config.screenshotMaxBytes ? { type: 'image/jpeg' as const, bytes: shot } : null;
      try {
        return db.transaction((): Recorded => {
          let snapshotId: number | null = null;
          if (outcome.ok) {
            snapshotId = snapshots.insert({
              targetId: run.targetId,
              runId: run.id,
              capturedAt: finishedAt,
              finalUrl: outcome.page.url,
              offer: outcome.offer,
              provenance: outcome.provenance,
              html,
              screenshot,
            });
            recordChanges(db, snapshotId);
          }
          const failure = outcome.ok ? null : outcome.failure;
          const stored = runs.finish(run.id, owner, {
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
          if (!stored) throw new LeaseLost();
          let retry: Run | null = null;
          if (!failure) {
            const before = targetHealth.get(run.targetId);
            succeeded.run({ id: run.targetId, now: finishedAt, mode: outcome.mode });
            if (before?.health === 'broken') recordHealthEvent(db, { targetId: run.targetId, health: 'ok', reason: null });
          } else if (failure.retryable && options.retry !== false && run.attempt < config.maxAttempts) {
            const availableAt = new Date(now.getTime() + retryDelayMs(config.retryBaseMs, run.attempt, random)).toISOString();
            retry = runs.enqueue(run.targetId, 'retry', { availableAt, attempt: run.attempt + 1, retryOf: run.id }).run;
          } else countFailure(run.targetId, failure);
          return { run: runs.get(run.id), retry };
        })();
      } catch (err) {
        if (err instanceof LeaseLost) return null;
        throw err;
      }
    },
  };
}

export type OutcomeRecorder = ReturnType<typeof outcomeRecorder>;
