import { load } from 'cheerio/slim';
import type { Offer, Provenance } from '../../../scrapers/offer.ts';
import type { Recipe } from '../../../scrapers/recipe.ts';
import type { Config } from '../../config.ts';
import { createPageFetcher } from '../../fetching/page-fetcher.ts';
import { executeRun } from '../../scheduler/execute-run.ts';
import type { Run } from '../../store/runs.ts';
import type { Target, TargetInput } from '../../store/targets.ts';

/** What one recipe selector matched on the fetched page. */
export interface SelectorMatch {
  /** `price`, or `fields.points` for a custom field, or `waitFor`. */
  field: string;
  selector: string;
  attribute: string | null;
  /** The first few matched texts (or attribute values), trimmed; empty when nothing matched. */
  texts: string[];
  count: number;
  /** Set when the selector is not valid CSS. */
  invalid: boolean;
}

/** The try-it result: what a run of the unsaved target would fetch and extract now. */
export interface TryResult {
  ok: boolean;
  /** Why it failed: the run's failure code and message. */
  failure: { code: string; message: string } | null;
  offer: Offer | null;
  provenance: Provenance;
  mode: 'static' | 'browser';
  httpStatus: number | null;
  finalUrl: string | null;
  /** A data: URL of the browser's JPEG screenshot; null for a static fetch. */
  screenshot: string | null;
  matches: SelectorMatch[];
  durationMs: number;
}

const MAX_TEXTS = 3;
const MAX_TEXT_LENGTH = 200;

/** Tests every selector of the recipe against the page, like the recipe does when it is applied. */
export function matchSelectors(html: string, recipe: Recipe): SelectorMatch[] {
  const $ = load(html);
  const test = (field: string, selector: string, attribute: string | null): SelectorMatch => {
    let elements;
    try {
      elements = $(selector).toArray();
    } catch {
      return { field, selector, attribute, texts: [], count: 0, invalid: true };
    }
    const texts = elements
      .map((el) => (attribute ? ($(el).attr(attribute) ?? '') : $(el).text()).replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    return { field, selector, attribute, texts: texts.slice(0, MAX_TEXTS).map((t) => t.slice(0, MAX_TEXT_LENGTH)), count: texts.length, invalid: false };
  };
  const matches: SelectorMatch[] = [];
  for (const [field, pick] of Object.entries(recipe.selectors)) {
    if (!pick) continue;
    matches.push(typeof pick === 'string' ? test(field, pick, null) : test(field, pick.selector, pick.attribute ?? null));
  }
  for (const f of recipe.fields) matches.push(test(`fields.${f.key}`, f.selector, f.attribute ?? null));
  if (recipe.waitFor) matches.push(test('waitFor', recipe.waitFor, null));
  return matches;
}

/** The unsaved target as the run machinery sees it; never stored. */
function draftTarget(input: TargetInput, now: string): Target {
  return {
    ...input,
    id: 0,
    learnedMode: null,
    health: 'ok',
    healthReason: null,
    consecutiveFailures: 0,
    nextRunAt: null,
    lastSuccessAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

function draftRun(now: string): Run {
  return {
    id: 0,
    targetId: 0,
    status: 'running',
    code: null,
    error: null,
    trigger: 'manual',
    attempt: 1,
    lane: 'static',
    fetchMode: null,
    timings: { queueMs: null, fetchMs: null, extractMs: null },
    snapshotId: null,
    httpStatus: null,
    finalUrl: null,
    robotsOverridden: false,
    retryOf: null,
    leaseExpiries: 0,
    queuedAt: now,
    availableAt: now,
    startedAt: now,
    finishedAt: null,
  };
}

// Previews run one at a time in this process: each may start a browser, and a few clicks must not start many.
let previous: Promise<unknown> = Promise.resolve();

/**
 * Fetches and extracts the target now, exactly as a scheduled run would (robots.txt, SSRF guard, size limits,
 * the `auto` fallback to the browser, the recipe), without storing anything. Network I/O: call it outside any
 * unit of work. Its own fetcher is closed afterwards, so a browser it started does not outlive the preview.
 */
export function tryTarget(config: Config, input: TargetInput): Promise<TryResult> {
  const result = previous.then(
    () => tryNow(config, input),
    () => tryNow(config, input),
  );
  previous = result.catch(() => undefined);
  return result;
}

async function tryNow(config: Config, input: TargetInput): Promise<TryResult> {
  const fetcher = createPageFetcher(config);
  const started = Date.now();
  const now = new Date(started).toISOString();
  try {
    const outcome = await executeRun(draftTarget(input, now), draftRun(now), {
      fetcher,
      deadline: started + config.runTimeoutMs,
      signal: AbortSignal.timeout(config.runTimeoutMs),
    });
    const page = outcome.page;
    return {
      ok: outcome.ok,
      failure: outcome.ok ? null : { code: outcome.failure.code, message: outcome.failure.message },
      offer: outcome.ok ? outcome.offer : null,
      provenance: outcome.ok ? outcome.provenance : {},
      mode: outcome.mode,
      httpStatus: page?.status ?? null,
      finalUrl: page?.url ?? null,
      screenshot: page?.screenshot ? `data:image/jpeg;base64,${page.screenshot.toString('base64')}` : null,
      matches: page && input.recipe ? matchSelectors(page.html, input.recipe) : [],
      durationMs: Date.now() - started,
    };
  } finally {
    await fetcher.close();
  }
}
