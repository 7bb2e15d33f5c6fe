import type { ProductComparison } from '../../compare/compare-product.ts';
import { summarise, type ComparisonSummary } from '../../compare/comparison-summary.ts';
import type { ChangeKind } from '../../compare/diff-snapshots.ts';
import type { Change } from '../../store/changes.ts';
import type { Store } from '../../store/store.ts';
import type { Target } from '../../store/targets.ts';
import { isOnlySeller, runsPromotion } from './comparison-query.ts';

/** How far back "recent changes" looks, and how many of them the overview lists. */
export const RECENT_HOURS = 24;
const RECENT_SHOWN = 6;
/** The store lists changes oldest first: the overview reads at most this many to count them and keep the newest. */
const RECENT_MAX = 20_000;
const BROKEN_SHOWN = 6;
const PROMOTIONS_SHOWN = 6;

/** Which business and product a target watches, for naming changes and broken targets. */
export interface TargetLabel {
  business: string;
  product: string;
  productId: number;
  /** The currency of its latest offer, for showing changed amounts. */
  currency: string | null;
}

export interface RunningPromotion extends TargetLabel {
  own: boolean;
  promotions: string[];
}

export interface OverviewData {
  summary: ComparisonSummary;
  /** Priced products where a competitor is cheaper than us. */
  undercut: number;
  onlySeller: number;
  /** Products with a promotion running on a current offer (own or competitor), and some of those offers. */
  promotionProducts: number;
  promotions: RunningPromotion[];
  recent: { since: string; total: number; capped: boolean; byKind: Partial<Record<ChangeKind, number>>; latest: Change[] };
  broken: { total: number; byCode: { code: string; count: number }[]; shown: Target[] };
  labels: Map<number, TargetLabel>;
  /** Nothing is watched yet: no target at all. */
  fresh: boolean;
}

/** The code of a health reason ("http_404: Not Found" → "http_404"). */
export const failureCode = (reason: string | null) => (reason ? reason.split(':', 1)[0]!.trim() : 'unknown');

/** What follows the code in a health reason. */
export const failureMessage = (reason: string | null) => (reason?.includes(':') ? reason.slice(reason.indexOf(':') + 1).trim() : '');

function labelsOf(comparisons: readonly ProductComparison[]): Map<number, TargetLabel> {
  const labels = new Map<number, TargetLabel>();
  for (const p of comparisons)
    for (const o of p.own ? [p.own, ...p.competitors] : p.competitors)
      labels.set(o.targetId, { business: o.business, product: p.product, productId: p.productId, currency: o.currency });
  return labels;
}

async function recentChanges(store: Store, now: Date): Promise<OverviewData['recent']> {
  const since = new Date(now.getTime() - RECENT_HOURS * 3_600_000).toISOString();
  const byKind: Partial<Record<ChangeKind, number>> = {};
  const latest: Change[] = [];
  let total = 0;
  for await (const change of store.changes.all({ since }, RECENT_MAX)) {
    total++;
    byKind[change.kind] = (byKind[change.kind] ?? 0) + 1;
    latest.push(change);
    if (latest.length > RECENT_SHOWN) latest.shift();
  }
  return { since, total, capped: total >= RECENT_MAX, byKind, latest: latest.reverse() };
}

async function brokenTargets(store: Store): Promise<OverviewData['broken']> {
  const all: Target[] = [];
  let after: number | undefined;
  do {
    const page = await store.targets.list({ health: 'broken', limit: 500, after });
    all.push(...page.items);
    after = page.nextAfter ?? undefined;
  } while (after !== undefined);
  const codes = new Map<string, number>();
  for (const t of all) codes.set(failureCode(t.healthReason), (codes.get(failureCode(t.healthReason)) ?? 0) + 1);
  const byCode = [...codes].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  return { total: all.length, byCode, shown: all.slice(0, BROKEN_SHOWN) };
}

/** Everything the overview shows, from the compared products (the same list the API's summary is made of). */
export async function overviewData(store: Store, comparisons: readonly ProductComparison[], now = new Date()): Promise<OverviewData> {
  const summary = summarise(comparisons);
  const withPromotion = comparisons.filter((p) => (p.own ? [p.own, ...p.competitors] : p.competitors).some(runsPromotion));
  const promotions = withPromotion.flatMap((p) =>
    (p.own ? [{ ...p.own, own: true }, ...p.competitors.map((c) => ({ ...c, own: false }))] : p.competitors.map((c) => ({ ...c, own: false })))
      .filter(runsPromotion)
      .map((o) => ({ business: o.business, product: p.product, productId: p.productId, currency: o.currency, own: o.own, promotions: o.promotions })),
  );
  const [recent, broken, anyTarget] = await Promise.all([recentChanges(store, now), brokenTargets(store), store.targets.list({ limit: 1 })]);
  return {
    summary,
    undercut: comparisons.filter((p) => p.ownRank !== null && p.ownRank > 1).length,
    onlySeller: comparisons.filter(isOnlySeller).length,
    promotionProducts: withPromotion.length,
    promotions: promotions.slice(0, PROMOTIONS_SHOWN),
    recent,
    broken,
    labels: labelsOf(comparisons),
    fresh: anyTarget.items.length === 0,
  };
}
