import { scheduleIntervalMs } from '../cron/schedule.ts';

const HOUR = 3600_000;
const intervals = new Map<string, { ms: number; at: number }>();

/** The schedule's interval, computed once an hour per distinct schedule (cron parsing is not free). */
function intervalOf(schedule: string, now: number): number {
  const known = intervals.get(schedule);
  if (known && now - known.at < HOUR && now >= known.at) return known.ms;
  let ms: number;
  try {
    ms = scheduleIntervalMs(schedule, new Date(now));
  } catch {
    ms = 24 * HOUR;
  }
  if (intervals.size > 1000) intervals.clear();
  intervals.set(schedule, { ms, at: now });
  return ms;
}

/** The moment after which an offer last successfully read at `lastSuccessAt` counts as stale: `staleAfter` schedule intervals later. */
export function staleSince(lastSuccessAt: string, schedule: string, staleAfter: number, now: number): number {
  return Date.parse(lastSuccessAt) + staleAfter * intervalOf(schedule, now);
}
