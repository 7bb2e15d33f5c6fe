import { Cron } from 'croner';

/** Five-field cron (minute granularity, UTC) or a nickname such as @hourly; returns an error message or null. */
export function scheduleProblem(schedule: string): string | null {
  const trimmed = schedule.trim();
  if (!trimmed.startsWith('@') && trimmed.split(/\s+/).length !== 5)
    return 'use five cron fields (minute hour day month weekday) or a nickname such as @hourly';
  try {
    const next = new Cron(trimmed, { paused: true }).nextRun();
    return next ? null : 'the schedule never fires';
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** The first time the schedule fires strictly after `from`. */
export function nextRunAfter(schedule: string, from: Date): Date {
  const next = new Cron(schedule.trim(), { paused: true }).nextRun(from);
  if (!next) throw new Error(`schedule "${schedule}" never fires`);
  return next;
}

/** Interval between the two next firings, used to judge staleness and spread catch-up runs. */
export function scheduleIntervalMs(schedule: string, from: Date = new Date()): number {
  const [a, b] = new Cron(schedule.trim(), { paused: true }).nextRuns(2, from);
  return a && b ? b.getTime() - a.getTime() : 24 * 3600_000;
}
