const MAX_DELAY_MS = 3600_000;

/**
 * The one retry policy, for runs and alert deliveries alike: exponential backoff from `baseMs`
 * (base, 2×base, 4×base, …) with ±25 % jitter, so that retries of one outage do not arrive together,
 * capped at an hour.
 */
export function retryDelayMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(baseMs * 2 ** (attempt - 1), MAX_DELAY_MS);
  return Math.min(Math.round(exponential * (0.75 + random() / 2)), MAX_DELAY_MS);
}
