import type { Lane } from '../store/runs.ts';
import type { RunOutcome } from './execute-run.ts';
import { RunTimeoutError, toRunFailure } from './run-failure.ts';

/** Races the run against its time budget; a hung check ends as a `timeout` failure and its fetch is aborted. */
export async function withTimeout(
  ms: number,
  lane: Lane,
  robotsOverridden: boolean,
  work: (signal: AbortSignal, deadline: number) => Promise<RunOutcome>,
): Promise<RunOutcome> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<RunOutcome>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      const failure = toRunFailure(new RunTimeoutError(ms), 'fetch', lane);
      resolve({ ok: false, failure, page: null, mode: lane, timings: { queueMs: null, fetchMs: ms, extractMs: null }, robotsOverridden });
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal, Date.now() + ms), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
