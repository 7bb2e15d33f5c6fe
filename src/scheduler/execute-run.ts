import type { Lane, Run, RunTimings } from '../db/runs.ts';
import type { Target } from '../db/targets.ts';
import type { Offer, Provenance } from '../../scrapers/offer.ts';
import { extractOffer } from '../../scrapers/extract/extract-offer.ts';
import type { FetchedPage, PageFetcher } from './page-fetcher.ts';
import { toRunFailure, type RunFailure } from './run-failure.ts';

export interface RunSuccess {
  ok: true;
  page: FetchedPage;
  offer: Offer;
  provenance: Provenance;
}

export interface RunFailed {
  ok: false;
  failure: RunFailure;
  /** What was fetched before the failure, if anything (e.g. extraction failed). */
  page: FetchedPage | null;
}

export type RunOutcome = (RunSuccess | RunFailed) & {
  mode: Lane;
  timings: RunTimings;
  robotsOverridden: boolean;
};

export interface ExecuteOptions {
  fetcher: PageFetcher;
  /** When the run must be done; the fetch gets what is left. */
  deadline: number;
  signal: AbortSignal;
}

const firstMode = (t: Target): Lane => (t.fetch === 'auto' ? (t.learnedMode ?? 'static') : t.fetch);

/**
 * One attempt at a target: robots.txt, then fetch in the host's politeness slot, then extract. A target in
 * `auto` mode that yields no price over plain HTTP (a script shell, say) is fetched again in the browser.
 * Never throws: every failure becomes a typed RunFailure.
 */
export async function executeRun(target: Target, run: Run, options: ExecuteOptions): Promise<RunOutcome> {
  const { fetcher } = options;
  const timings: RunTimings = { queueMs: null, fetchMs: null, extractMs: null };
  const robotsOverridden = !target.respectRobots;
  const mode = firstMode(target);
  const add = (key: 'fetchMs' | 'extractMs', since: number) => {
    timings[key] = (timings[key] ?? 0) + Math.round(performance.now() - since);
  };

  const attempt = async (lane: Lane): Promise<RunSuccess | RunFailed> => {
    let phase: 'fetch' | 'extract' = 'fetch';
    let page: FetchedPage | null = null;
    let started = performance.now();
    try {
      const fetched = await fetcher.polite(target.url, () => {
        timings.queueMs ??= Math.max(0, Date.now() - Date.parse(run.availableAt));
        started = performance.now();
        const request = { recipe: target.recipe, locale: target.locale, signal: options.signal };
        return fetcher.fetch(target.url, lane, { ...request, timeoutMs: Math.max(1, options.deadline - Date.now()) });
      });
      page = fetched;
      add('fetchMs', started);
      phase = 'extract';
      started = performance.now();
      const extracted = extractOffer({
        html: fetched.html,
        url: fetched.url,
        locale: target.locale ?? undefined,
        currency: target.currency ?? undefined,
        recipe: target.recipe ?? undefined,
      });
      add('extractMs', started);
      return { ok: true, page: fetched, ...extracted };
    } catch (err) {
      add(phase === 'fetch' ? 'fetchMs' : 'extractMs', started);
      return { ok: false, failure: toRunFailure(err, phase, lane), page };
    }
  };

  try {
    await fetcher.checkRobots(target.url, robotsOverridden);
  } catch (err) {
    return { ok: false, failure: toRunFailure(err, 'fetch', mode), page: null, mode, timings, robotsOverridden };
  }
  const first = await attempt(mode);
  if (target.fetch !== 'auto' || mode !== 'static' || !needsBrowser(first)) return { ...first, mode, timings, robotsOverridden };
  const second = await attempt('browser');
  // A browser that fails where plain HTTP at least found an offer does not undo that offer.
  if (!second.ok && first.ok) return { ...first, mode: 'static', timings, robotsOverridden };
  return { ...second, mode: 'browser', timings, robotsOverridden };
}

/** Over plain HTTP the page gave no price: likely rendered by JavaScript. */
function needsBrowser(result: RunSuccess | RunFailed): boolean {
  if (result.ok) return result.offer.price === null;
  return result.page !== null && (result.failure.code === 'extraction_empty' || result.failure.code === 'recipe_no_match');
}
