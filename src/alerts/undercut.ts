import { compareDecimals, normaliseDecimal, percentOf, subtract } from '../../scrapers/price/decimal.ts';
import type { AlertRule, AlertSubject, LatestPrice } from '../store/alerts.ts';

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
  rule: Pick<AlertRule, 'minPercent' | 'minAmount'>,
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
  if (rule.minAmount !== null && compareDecimals(gap, rule.minAmount) < 0) return null;
  if (rule.minPercent !== null && (gapPercent === null || compareDecimals(String(gapPercent), rule.minPercent) < 0)) return null;
  return {
    competitorTargetId: competitor.targetId,
    detail: { competitor: competitor.business, competitorPrice: theirs, ownPrice, currency: own.currency, gap, gapPercent },
  };
}

/**
 * The undercuts a price change of `subject` brings about: a competitor's new price against the own latest
 * price, or the own new price against every competitor's latest price (within the rule's business scope).
 */
export function undercutsAfter(
  rule: Pick<AlertRule, 'minPercent' | 'minAmount' | 'businessId'>,
  subject: AlertSubject, prices: readonly LatestPrice[],
): Undercut[] {
  const own = prices.find((p) => p.own);
  if (!own) return [];
  const inScope = (p: LatestPrice) => !p.own && (rule.businessId === null || rule.businessId === p.businessId);
  const competitors = subject.own ? prices.filter(inScope) : prices.filter((p) => p.targetId === subject.targetId && inScope(p));
  return competitors.map((c) => undercutBy(rule, own, c)).filter((u): u is Undercut => u !== null);
}
