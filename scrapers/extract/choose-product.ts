import type { PageContext } from './found.ts';
import { children, firstText, hasType, type SchemaNode } from './schema-node.ts';

const PRODUCT_TYPES = ['Product', 'ProductGroup', 'IndividualProduct', 'ProductModel', 'SomeProducts', 'Vehicle', 'Car', 'Motorcycle', 'Book', 'SoftwareApplication'];

/** Properties through which a product links to other products, not to itself. */
const RELATED_PROPS = new Set(['isRelatedTo', 'isSimilarTo', 'isAccessoryOrSparePartFor', 'isConsumableFor', 'itemListElement', 'relatedLink', 'isVariantOf', 'hasPart', 'isPartOf', 'mentions', 'about']);

interface Candidate {
  node: SchemaNode;
  related: boolean;
  order: number;
  /** The Offer whose itemOffered this product is. */
  offeredBy?: SchemaNode;
  /** The ProductGroup this product is a variant of. */
  group?: SchemaNode;
}

/** The page's own product, the Offer it is offered by, and its other variants (sizes, colours) described beside it. */
export interface ChosenProduct {
  node: SchemaNode;
  offeredBy?: SchemaNode;
  variants: SchemaNode[];
}

function isProduct(node: SchemaNode): boolean {
  return hasType(node, ...PRODUCT_TYPES) || (children(node, 'offers').length > 0 && !hasType(node, 'Offer', 'AggregateOffer'));
}

function collect(roots: SchemaNode[]): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<SchemaNode>();
  const walk = (node: SchemaNode, related: boolean, underProduct: boolean, offeredBy?: SchemaNode, group?: SchemaNode): void => {
    if (seen.has(node)) return;
    seen.add(node);
    const product = isProduct(node);
    if (product) out.push({ node, related: related || Boolean(node.nested) || underProduct, order: out.length, offeredBy, group });
    for (const [prop, values] of node.props) {
      for (const v of values) {
        if (typeof v === 'string') continue;
        if (prop === 'itemOffered') walk(v, related, underProduct, node);
        else if (prop === 'hasVariant') walk(v, related, false, undefined, node);
        else if (prop === 'mainEntity') walk(v, related, false);
        else walk(v, related || RELATED_PROPS.has(prop), underProduct || (product && prop !== 'offers'));
      }
    }
  };
  for (const root of roots) walk(root, false, false);
  return out;
}

const words = (s: string): Set<string> => new Set(s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1));

function similarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return common / Math.min(x.size, y.size);
}

function pathOf(url: string, base: string): string | null {
  try {
    return new URL(url, base).pathname.replace(/\/$/, '');
  } catch {
    return null;
  }
}

const sameName = (a: SchemaNode, b: SchemaNode): boolean => {
  const name = firstText(a, 'name')?.toLowerCase();
  return name !== undefined && name === firstText(b, 'name')?.toLowerCase();
};

/** Items that are the chosen product in another size or colour: variants of its group, or unrelated items of the same name. */
function variantsOf(chosen: Candidate, candidates: Candidate[]): SchemaNode[] {
  return candidates
    .filter((c) => c !== chosen && !c.related && ((chosen.group && c.group === chosen.group) || sameName(c.node, chosen.node)))
    .map((c) => c.node);
}

/**
 * Picks the page's own product among the items the markup describes: not one reached through a
 * related-products property or list, preferably the one whose URL, SKU or name matches the page.
 */
export function chooseProduct(roots: SchemaNode[], ctx: PageContext, title: string): ChosenProduct | undefined {
  const candidates = collect(roots);
  const pagePath = pathOf(ctx.url, ctx.url);
  const decodedUrl = decodeURIComponent(ctx.url).toLowerCase();
  let best: Candidate | undefined;
  let bestScore = -Infinity;
  for (const c of candidates) {
    const url = firstText(c.node, 'url', '@id');
    const sku = firstText(c.node, 'sku', 'productID');
    const name = firstText(c.node, 'name') ?? '';
    let score = c.related ? -6 : 0;
    if (url && pathOf(url, ctx.url) === pagePath) score += 3;
    if (sku && sku.length > 2 && decodedUrl.includes(sku.toLowerCase())) score += 2;
    if (title) score += 2 * similarity(name, title);
    if (children(c.node, 'offers').length || c.offeredBy) score += 1;
    if (hasType(c.node, 'ProductGroup') && children(c.node, 'hasVariant').length) score -= 0.5;
    score -= c.order * 0.01;
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best && { node: best.node, offeredBy: best.offeredBy, variants: variantsOf(best, candidates) };
}
