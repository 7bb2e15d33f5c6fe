import type { Db } from '../db/open-db.ts';
import { runsRepo } from '../db/runs.ts';
import { nextRunAfter, scheduleIntervalMs } from './schedule.ts';

interface DueTarget {
  id: number;
  schedule: string;
  next_run_at: string | null;
}

/** Plans runs from the targets' cron schedules; next_run_at is persisted so a restart knows what is overdue. */
export function runPlanner(db: Db) {
  const runs = runsRepo(db);
  const due = db.prepare<[string], DueTarget>(
    `SELECT id, schedule, next_run_at FROM targets
     WHERE enabled = 1 AND (next_run_at IS NULL OR next_run_at <= ?) ORDER BY next_run_at, id`,
  );
  const setNext = db.prepare('UPDATE targets SET next_run_at = ? WHERE id = ?');

  const advance = (t: DueTarget, now: Date) => setNext.run(nextRunAfter(t.schedule, now).toISOString(), t.id);

  return {
    /**
     * Queues one run per due target and moves its next_run_at past now, so missed firings collapse into
     * one run. A target that still has a run queued or running gets no second one.
     */
    enqueueDue(now: Date): number {
      let created = 0;
      db.transaction(() => {
        for (const t of due.all(now.toISOString())) {
          if (t.next_run_at !== null && runs.enqueue(t.id, 'schedule', { availableAt: now.toISOString() }).created) created += 1;
          advance(t, now);
        }
      })();
      return created;
    },
    /**
     * At start: at most one catch-up run per overdue target, spread evenly with jitter over the window
     * (never longer than the target's own interval), most overdue first — no stampede after downtime.
     */
    enqueueCatchUp(now: Date, windowMs: number, random: () => number = Math.random): number {
      let created = 0;
      db.transaction(() => {
        const overdue = due.all(now.toISOString());
        overdue.forEach((t, i) => {
          if (t.next_run_at !== null) {
            const spread = Math.min(windowMs, scheduleIntervalMs(t.schedule, now));
            const offset = Math.floor((spread * (i + random())) / overdue.length);
            const availableAt = new Date(now.getTime() + offset).toISOString();
            if (runs.enqueue(t.id, 'catch_up', { availableAt }).created) created += 1;
          }
          advance(t, now);
        });
      })();
      return created;
    },
  };
}
