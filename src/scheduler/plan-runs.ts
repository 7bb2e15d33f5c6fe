import { nextRunAfter, scheduleIntervalMs } from '../cron/schedule.ts';
import type { Store } from '../store/store.ts';
import type { DueTarget } from '../store/targets.ts';
import { laneOf } from './lane.ts';

/** Plans runs from the targets' cron schedules; next_run_at is persisted so a restart knows what is overdue. */
export function runPlanner(store: Store) {
  /** True when a run was queued (not when the target already had one pending). */
  const enqueue = async (tx: Store, t: DueTarget, trigger: 'schedule' | 'catch_up', availableAt: string): Promise<boolean> =>
    (await tx.runQueue.enqueue({ targetId: t.id, lane: laneOf(t), trigger, availableAt })).created;
  const advance = (tx: Store, t: DueTarget, now: Date) => tx.targets.setNextRunAt(t.id, nextRunAfter(t.schedule, now).toISOString());

  /**
   * One planner at a time across every process sharing the store: the others skip this tick (0 runs queued)
   * instead of planning the same targets again.
   */
  const planOnce = (work: (tx: Store) => Promise<number>): Promise<number> =>
    store.transaction(async (tx) => ((await tx.runQueue.tryLockPlanning()) ? work(tx) : 0));

  // A due target never planned before (next run null) is only planned, not run.
  return {
    /**
     * Queues one run per due target and moves its next run past now, so missed firings collapse into one
     * run. A target that still has a run queued or running gets no second one.
     */
    enqueueDue(now: Date): Promise<number> {
      return planOnce(async (tx) => {
        let created = 0;
        for (const t of await tx.targets.due(now.toISOString())) {
          if (t.nextRunAt !== null && (await enqueue(tx, t, 'schedule', now.toISOString()))) created += 1;
          await advance(tx, t, now);
        }
        return created;
      });
    },
    /**
     * At start: at most one catch-up run per overdue target, spread evenly with jitter over the window
     * (never longer than the target's own interval), most overdue first — no stampede after downtime.
     */
    enqueueCatchUp(now: Date, windowMs: number, random: () => number = Math.random): Promise<number> {
      return planOnce(async (tx) => {
        let created = 0;
        const overdue = await tx.targets.due(now.toISOString());
        for (const [i, t] of overdue.entries()) {
          if (t.nextRunAt !== null) {
            const spread = Math.min(windowMs, scheduleIntervalMs(t.schedule, now));
            const offset = Math.floor((spread * (i + random())) / overdue.length);
            if (await enqueue(tx, t, 'catch_up', new Date(now.getTime() + offset).toISOString())) created += 1;
          }
          await advance(tx, t, now);
        }
        return created;
      });
    },
  };
}
