import type { FetchedPage, PageFetcher } from '../fetching/page-fetcher.ts';
import type { Lane, Run, RunTimings } from '../store/runs.ts';
import type { Target } from '../store/targets.ts';
import type { Offer, Provenance } from '../../scrapers/offer.ts';
import { extractOffer } from '../../scrapers/extract/extract-offer.ts';
import { laneOf } from './lane.ts';
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
  /** When the run must be done (epoch ms); the fetch gets what is left. */
  deadline: number;
  signal: AbortSignal;
}

type Extraction = { ok: true; offer: Offer; provenance: Provenance } | { ok: false; error: unknown };

/**
 * Extraction remembered for the last page it ran on: `auto` mode asks "is there a price?" while fetching,
 * and the answer is the extraction the run then keeps. `spentMs` is the time spent extracting so far.
 */
function extractor(target: Target) {
  let last: { html: string; url: string; result: Extraction } | null = null;
  const state = { spentMs: 0 };
  const run = (html: string, url: string): Extraction => {
    if (last && last.html === html && last.url === url) return last.result;
    const started = performance.now();
    let result: Extraction;
    try {
      const hints = { locale: target.locale ?? undefined, currency: target.currency ?? undefined, recipe: target.recipe ?? undefined };
      result = { ok: true, ...extractOffer({ html, url, ...hints }) };
    } catch (error) {
      result = { ok: false, error };
    }
    state.spentMs += performance.now() - started;
    last = { html, url, result };
    return result;
  };
  return { run, state };
}

/**
 * One attempt at a target: robots.txt, then the fetch in the host's politeness slot (`auto` mode: static first,
 * the browser for a script shell or a page without a price), then extraction. Never throws: every failure
 * becomes a typed RunFailure.
 */
export async function executeRun(target: Target, run: Run, options: ExecuteOptions): Promise<RunOutcome> {
  const { fetcher } = options;
  const timings: RunTimings = { queueMs: null, fetchMs: null, extractMs: null };
  const robotsOverridden = !target.respectRobots;
  let mode: Lane = laneOf(target);
  const fail = (err: unknown, phase: 'fetch' | 'extract', page: FetchedPage | null): RunOutcome => ({
    ok: false,
    failure: toRunFailure(err, phase, mode),
    page,
    mode,
    timings,
    robotsOverridden,
  });

  try {
    await fetcher.checkRobots(target.url, robotsOverridden);
  } catch (err) {
    return fail(err, 'fetch', null);
  }

  const extract = extractor(target);
  let page: FetchedPage;
  let fetchStarted = performance.now();
  try {
    page = await fetcher.polite(target.url, () => {
      timings.queueMs = Math.max(0, Date.now() - Date.parse(run.availableAt));
      fetchStarted = performance.now();
      const request = { recipe: target.recipe, locale: target.locale, signal: options.signal, timeoutMs: Math.max(1, options.deadline - Date.now()) };
      if (target.fetch !== 'auto') return fetcher.fetch(target.url, mode, request);
      const hasPrice = (html: string, url: string) => {
        const result = extract.run(html, url);
        return result.ok && result.offer.price !== null;
      };
      return fetcher.fetchAuto(target.url, { ...request, remembered: target.learnedMode, hasPrice });
    });
    mode = page.mode;
  } catch (err) {
    timings.fetchMs = Math.round(performance.now() - fetchStarted - extract.state.spentMs);
    return fail(err, 'fetch', null);
  }
  timings.fetchMs = Math.round(performance.now() - fetchStarted - extract.state.spentMs);
  const before = extract.state.spentMs;
  const result = extract.run(page.html, page.url);
  // A remembered extraction still counts: it is the one this run keeps.
  timings.extractMs = Math.round(extract.state.spentMs === before ? extract.state.spentMs : extract.state.spentMs - before);
  if (!result.ok) return fail(result.error, 'extract', page);
  return { ok: true, page, offer: result.offer, provenance: result.provenance, mode, timings, robotsOverridden };
}
