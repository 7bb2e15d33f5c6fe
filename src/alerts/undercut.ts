import type { AlertRuleRow } from '../db/alerts-rules.ts';
import { compareDecimals, normaliseDecimal, percentOf, subtract } from '../compare/decimal.ts';
import type { AlertSubject } from './alert-payload.ts';
import type { LatestPrice } from './alert-statements.ts';

export interface Undercut {
  /** The competitor target that undercuts. */
  competitorTargetId: number;
  detail: {
    competitor: string;
    competitorPrice: string;
    ownPrice: string;
    currency: string | null;
    gap: string;
    gapPercent: number | null;
  };
}

/** How far a competitor price is under the own price, if it is and the rule's thresholds are met. */
export function undercutBy(
  rule: Pick<AlertRuleRow, 'min_percent' | 'min_amount'>,
  own: LatestPrice,
  competitor: LatestPrice,
): Undercut | null {
  const ownPrice = own.price === null ? null : normaliseDecimal(own.price);
  const theirs = competitor.price === null ? null : normaliseDecimal(competitor.price);
  // Never compared across currencies.
  if (ownPrice === null || theirs === null || own.currency !== competitor.currency) return null;
  const gap = subtract(ownPrice, theirs);
  if (compareDecimals(gap, '0') <= 0) return null;
  const gapPercent = percentOf(gap, ownPrice);
  if (rule.min_amount !== null && compareDecimals(gap, rule.min_amount) < 0) return null;
  if (rule.min_percent !== null && (gapPercent === null || compareDecimals(String(gapPercent), rule.min_percent) < 0)) return null;
  return {
    competitorTargetId: competitor.targetId,
    detail: { competitor: competitor.business, competitorPrice: theirs, ownPrice, currency: own.currency, gap, gapPercent },
  };
}

/**
 * The undercuts a price change of `subject` brings about: a competitor's new price against the own latest
 * price, or the own new price against every competitor's latest price (within the rule's business scope).
 */
export function undercutsAfter(rule: AlertRuleRow, subject: AlertSubject, prices: readonly LatestPrice[]): Undercut[] {
  const own = prices.find((p) => p.own === 1);
  if (!own) return [];
  const inScope = (p: LatestPrice) => p.own === 0 && (rule.business_id === null || rule.business_id === p.businessId);
  const competitors = subject.own ? prices.filter(inScope) : prices.filter((p) => p.targetId === subject.targetId && inScope(p));
  return competitors.map((c) => undercutBy(rule, own, c)).filter((u): u is Undercut => u !== null);
}
