import { listingFeatures, type ListingFeatures } from './listing-features.ts';
import { relateCodes } from './model-codes.ts';
import type { ProductListing } from './product-listing.ts';
import { sameAmount, sameDimensions } from './quantities.ts';

export interface MatchResult {
  /** 0..1, how sure the two listings are the same product. */
  score: number;
  match: boolean;
  /** Sure enough to link without a person looking. */
  autoAccept: boolean;
  /** Which rules decided, for people reviewing a match. */
  reasons: string[];
}

export const MATCH_THRESHOLD = 0.55;
export const AUTO_ACCEPT_THRESHOLD = 0.9;

const STOPWORDS = new Set(['a', 'an', 'and', 'the', 'of', 'for', 'with', 'in', 'on', 'to', 'by', 'or', 's', 'v', 'na', 'pro', 'se', 'z', 'do', 'od', 'i', 'k', 'o', 'u', 'ze']);

const weight = (stem: string): number => (STOPWORDS.has(stem) ? 0.1 : /\d/.test(stem) ? 1.5 : stem.length <= 2 ? 0.5 : 1);
const total = (stems: Iterable<string>): number => [...stems].reduce((sum, s) => sum + weight(s), 0);

/** How much of one name the other listing covers, in name and in text, and how alike the two names are. */
function nameSimilarity(a: ListingFeatures, b: ListingFeatures): number {
  let shared = 0;
  for (const s of a.nameStems) if (b.nameStems.has(s)) shared += weight(s);
  const wa = total(a.nameStems);
  const wb = total(b.nameStems);
  if (wa === 0 || wb === 0) return 0;
  const dice = (2 * shared) / (wa + wb);
  let aInB = 0;
  for (const s of a.nameStems) if (b.textStems.has(s)) aInB += weight(s);
  let bInA = 0;
  for (const s of b.nameStems) if (a.textStems.has(s)) bInA += weight(s);
  const coverage = (aInB / wa + bInA / wb) / 2;
  return 0.5 * dice + 0.5 * coverage;
}

interface Verdict {
  factor: number;
  bonus: number;
  reason: string | null;
  /** A shared code specific enough (letters and digits, 6+ characters) to accept a match without review. */
  specific?: boolean;
}

const isSpecificCode = (code: string) => code.length >= 6 && /\d/.test(code) && /[a-z]/.test(code);

/** Model codes: a shared code is strong evidence; sibling codes ("…6105" vs "…3105") are a different variant. */
function codeVerdict(a: ListingFeatures, b: ListingFeatures): Verdict {
  if (a.nameCodes.size === 0 && b.nameCodes.size === 0) return { factor: 1, bonus: 0, reason: null };
  let best: string = 'unrelated';
  for (const x of a.nameCodes) {
    for (const y of b.nameCodes) {
      const relation = relateCodes(x, y);
      if (relation === 'same' || relation === 'extended') {
        return { factor: 1, bonus: x.length >= 4 ? 0.4 : 0.1, reason: `same model code ${x}`, specific: isSpecificCode(x) };
      }
      if (relation === 'digits-differ') best = relation;
      else if (relation === 'letters-differ' && best === 'unrelated') best = relation;
    }
  }
  const mentioned = [...a.nameCodes].some((c) => b.textCodes.has(c)) || [...b.nameCodes].some((c) => a.textCodes.has(c));
  if (best === 'digits-differ') return { factor: 0.25, bonus: 0, reason: 'sibling model codes' };
  if (mentioned) return { factor: 1, bonus: 0.25, reason: 'model code mentioned in the other text' };
  if (best === 'letters-differ') return { factor: 0.7, bonus: 0, reason: 'model codes differ in letters' };
  if (a.nameCodes.size > 0 && b.nameCodes.size > 0) return { factor: 0.6, bonus: 0, reason: 'different model codes' };
  return { factor: 1, bonus: 0, reason: null };
}

/** Sizes and amounts of the same kind that share no value ("148 cm" / "170 cm", "14x15" / "16x17"). */
function measureVerdict(a: ListingFeatures, b: ListingFeatures): Verdict {
  const kinds = new Set(a.quantities.map((q) => q.kind).filter((k) => k !== 'count'));
  for (const kind of kinds) {
    const va = a.quantities.filter((q) => q.kind === kind).map((q) => q.value);
    const vb = b.quantities.filter((q) => q.kind === kind).map((q) => q.value);
    if (vb.length > 0 && !va.some((x) => vb.some((y) => sameAmount(x, y)))) return { factor: 0.3, bonus: 0, reason: `different ${kind}` };
  }
  if (a.dimensions.length > 0 && b.dimensions.length > 0) {
    const same = a.dimensions.some((x) => b.dimensions.some((y) => sameDimensions(x, y)));
    if (!same) return { factor: 0.3, bonus: 0, reason: 'different dimensions' };
  }
  if (a.packCounts.length > 0 && b.packCounts.length > 0 && !a.packCounts.some((n) => b.packCounts.includes(n))) {
    return { factor: 0.85, bonus: 0, reason: 'different pack size' };
  }
  return { factor: 1, bonus: 0, reason: null };
}

const isContent = (stem: string) => !STOPWORDS.has(stem) && stem.length >= 3;

/** Each name has words the other listing never mentions ("kuře" / "jehně", "Hot Cayenne" / "Sweet Honey"): a sibling. */
function variantVerdict(a: ListingFeatures, b: ListingFeatures): Verdict {
  const unexplained = (x: ListingFeatures, y: ListingFeatures) => [...x.nameStems].filter((s) => isContent(s) && !y.textStems.has(s)).length;
  const ua = unexplained(a, b);
  const ub = unexplained(b, a);
  if (ua > 0 && ub > 0) return { factor: 0.7, bonus: 0, reason: 'each name has words the other lacks' };
  return { factor: 1, bonus: 0, reason: null };
}

const BUNDLE = /\+[^+]*\b(zdarma|free|gift|darek|bundle)\b|\bbundle\b/;
const CONDITION = /\b(refurbished|renewed|restored|used|repasovan[aeyi]?|pouzit[aeyi]?|rozbaleno)\b/;

/** A gift bundle or a used/refurbished condition on one side only is another offer, though the same model. */
function offerVerdict(a: ListingFeatures, b: ListingFeatures): Verdict {
  if (BUNDLE.test(a.nameFolded) !== BUNDLE.test(b.nameFolded)) return { factor: 0.8, bonus: 0, reason: 'bundle on one side only' };
  if (CONDITION.test(a.nameFolded) !== CONDITION.test(b.nameFolded)) return { factor: 0.8, bonus: 0, reason: 'condition differs' };
  return { factor: 1, bonus: 0, reason: null };
}

function colourVerdict(a: ListingFeatures, b: ListingFeatures): Verdict {
  if (a.colours.size === 0 || b.colours.size === 0) return { factor: 1, bonus: 0, reason: null };
  const shared = [...a.colours].some((c) => b.colours.has(c));
  return shared ? { factor: 1, bonus: 0.05, reason: null } : { factor: 0.6, bonus: 0, reason: 'different colours' };
}

function identifierMatch(a: ListingFeatures, b: ListingFeatures): MatchResult | null {
  if (a.gtins.size > 0 && b.gtins.size > 0) {
    const same = [...a.gtins].some((g) => b.gtins.has(g));
    return same
      ? { score: 1, match: true, autoAccept: true, reasons: ['same GTIN'] }
      : { score: 0.05, match: false, autoAccept: false, reasons: ['different GTINs'] };
  }
  if (a.brand && b.brand && a.mpn && b.mpn && a.brand === b.brand) {
    return a.mpn === b.mpn
      ? { score: 0.97, match: true, autoAccept: true, reasons: ['same brand and MPN'] }
      : { score: 0.1, match: false, autoAccept: false, reasons: ['same brand, different MPN'] };
  }
  return null;
}

/** Scores two listings from their features (see `matchProducts`). */
export function matchFeatures(a: ListingFeatures, b: ListingFeatures): MatchResult {
  const byIdentifier = identifierMatch(a, b);
  if (byIdentifier) return byIdentifier;
  const verdicts = [codeVerdict(a, b), measureVerdict(a, b), colourVerdict(a, b), variantVerdict(a, b), offerVerdict(a, b)];
  let score = nameSimilarity(a, b);
  for (const v of verdicts) score = (score + v.bonus) * v.factor;
  score = Math.min(1, Math.max(0, score));
  const reasons = verdicts.map((v) => v.reason).filter((r): r is string => r !== null);
  // Without an identifier, only a specific shared model code and no conflicting detail is trusted unreviewed.
  const autoAccept = score >= AUTO_ACCEPT_THRESHOLD && verdicts.some((v) => v.specific) && verdicts.every((v) => v.factor === 1);
  return { score: Math.round(score * 1000) / 1000, match: score >= MATCH_THRESHOLD, autoAccept, reasons };
}

/**
 * Whether a competitor listing is the same product as an own one: the same GTIN is sure, the same brand and MPN is
 * strong; otherwise names and specifications are compared with model codes, units, sizes and colours understood.
 */
export function matchProducts(a: ProductListing, b: ProductListing): MatchResult {
  return matchFeatures(listingFeatures(a), listingFeatures(b));
}
