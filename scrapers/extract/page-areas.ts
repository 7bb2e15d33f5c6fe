import type { Cheerio } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

/** Containers of other products than the page's own: recommendations, carousels, recently viewed, bundles. */
const RELATED_AREA =
  /related|recommend|similar|also[-_ ]?(bought|viewed|like|purchased)|upsell|up-sell|cross-?sell|recently|recent[-_]?view|you[-_]?may|others[-_]|suggest|bestseller|top[-_]?sell|accessor|complementary|frequently|carousel|sponsored|reco[-_]|-reco\b|teaser|product-?list|products-?grid|product-?tiles|zuletzt|aehnlich|ähnlich|podobn/i;

/** Class or id tokens of page chrome that never holds the main offer: navigation, site header and footer, mini cart, banners. */
const CHROME_TOKEN =
  /^((site|main|global|top|bottom)[-_]?)?(header|footer|nav|navbar|navigation|menu|megamenu|breadcrumbs?)$|^(mini|header|side|floating|fly)[-_]?(cart|basket)|^cart[-_]?(total|summary|count|preview|drawer|flyout)|^(cookie|newsletter)[-_]?(banner|bar|notice|consent|layer|popup|modal|box|wrapper|container|signup|form)?$/i;

/** A site header has navigation, a search form or many links; the <header> of the product's own section has none of these. */
function isSiteHeader(el: Element): boolean {
  let links = 0;
  const walk = (n: Element): boolean =>
    n.children.some((c) => c.type === 'tag' && (c.tagName === 'nav' || c.tagName === 'form' || (c.tagName === 'a' && ++links >= 8) || walk(c)));
  return walk(el);
}

function describe(el: Element): string {
  const a = el.attribs;
  return `${a['class'] ?? ''} ${a['id'] ?? ''} ${a['data-component'] ?? ''} ${a['data-testid'] ?? ''} ${a['aria-label'] ?? ''}`;
}

const signature = (el: Element): string => `${el.tagName}.${(el.attribs['class'] ?? '').trim()}`;

const MAX_CARD_ELEMENTS = 60;

const cardLike = new WeakMap<Element, boolean>();

/** Small, with a link and an image, without the page's title: what a product card in a grid looks like. */
function looksLikeCard(el: Element): boolean {
  const known = cardLike.get(el);
  if (known !== undefined) return known;
  let link = false;
  let image = false;
  let size = 0;
  const walk = (n: Element): void => {
    for (const c of n.children) {
      if (size > MAX_CARD_ELEMENTS) return;
      if (c.type !== 'tag') continue;
      size += 1;
      if (c.tagName === 'h1') size = MAX_CARD_ELEMENTS + 1;
      if (c.tagName === 'a' && c.attribs['href']) link = true;
      if (c.tagName === 'img' || c.tagName === 'picture') image = true;
      walk(c);
    }
  };
  walk(el);
  const card = link && image && size <= MAX_CARD_ELEMENTS;
  cardLike.set(el, card);
  return card;
}

/** What an element's ancestors (itself included; <html> and <body> left out) say about where it sits. Computed once per element. */
interface Placement {
  hidden: boolean;
  related: boolean;
  /** nav, footer or a chrome class or id. */
  chrome: boolean;
  /** A site <header>: inside one is chrome unless the element is also inside <main> or <article>. */
  siteHeader: boolean;
  content: boolean;
}

const placements = new WeakMap<Element, Placement>();
/** Per parent: how many of its children look like product cards, by tag and class. */
const cardCounts = new WeakMap<Element, Map<string, number>>();
const NOWHERE: Placement = { hidden: false, related: false, chrome: false, siteHeader: false, content: false };
const isPageLevel = (el: Element): boolean => el.tagName === 'html' || el.tagName === 'body';
const parentElement = (el: Element): Element | null => (el.parent && isElement(el.parent) ? el.parent : null);

/** A product card repeated among its siblings: at least three siblings of the same tag and class look like cards. */
function isRepeatedCard(el: Element): boolean {
  const parent = parentElement(el);
  if (!parent || !looksLikeCard(el)) return false;
  let counts = cardCounts.get(parent);
  if (!counts) {
    counts = new Map();
    for (const sibling of parent.children) if (sibling.type === 'tag' && looksLikeCard(sibling)) counts.set(signature(sibling), (counts.get(signature(sibling)) ?? 0) + 1);
    cardCounts.set(parent, counts);
  }
  return (counts.get(signature(el)) ?? 0) >= 3;
}

/** Each element's placement from its parent's and its own markup: one visit per element however often it is asked. */
function placementOf(el: Element): Placement {
  const known = placements.get(el);
  if (known) return known;
  const chain: Element[] = [];
  let base = NOWHERE;
  for (let p: Element | null = el; p; p = parentElement(p)) {
    const done = placements.get(p);
    if (done) {
      base = done;
      break;
    }
    chain.push(p);
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const e = chain[i] as Element;
    const own = !isPageLevel(e);
    const tokens = `${e.attribs['class'] ?? ''} ${e.attribs['id'] ?? ''}`.split(/\s+/);
    base = {
      hidden: base.hidden || (own && (e.tagName === 'template' || e.tagName === 'noscript' || hidesContent(e))),
      related: base.related || (own && RELATED_AREA.test(describe(e))),
      chrome: base.chrome || (own && (e.tagName === 'nav' || e.tagName === 'footer' || tokens.some((t) => t && CHROME_TOKEN.test(t)))),
      siteHeader: base.siteHeader || (own && e.tagName === 'header' && isSiteHeader(e)),
      content: base.content || (own && (e.tagName === 'main' || e.tagName === 'article')),
    };
    placements.set(e, base);
  }
  return base;
}

type Target = Element | Cheerio<AnyNode>;
const isElement = (n: AnyNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';
const elementOf = (el: Target): Element | null => ('type' in el ? el : (el.toArray().find(isElement) ?? null));
const aboveOf = (el: Target): Placement => {
  const e = elementOf(el);
  const parent = e && parentElement(e);
  return parent ? placementOf(parent) : NOWHERE;
};

/** Is the element inside a list of other products (related, recommended, recently viewed, a grid of product cards)? */
export function isInRelatedArea(el: Target): boolean {
  if (aboveOf(el).related) return true;
  let level = 0;
  const e = elementOf(el);
  for (let p = e && parentElement(e); p && level < 6; p = parentElement(p)) {
    if (isPageLevel(p)) continue;
    if (isRepeatedCard(p)) return true;
    level += 1;
  }
  return false;
}

/** Is the element inside the page chrome (site header, navigation, footer, mini cart, cookie banner)? */
export function isInChrome(el: Target): boolean {
  const above = aboveOf(el);
  return above.chrome || (above.siteHeader && !above.content);
}

/** Utility classes that hide an element from everyone (screen-reader-only classes keep it: their text is real). */
const HIDDEN_CLASS = /^(hidden|hide|d-none|invisible|display-none|[a-z]+-hidden)$/i;

/** Does this element itself hide its content (hidden attribute, inline display:none or visibility:hidden, a hiding class)? */
export function hidesContent(el: Element): boolean {
  const a = el.attribs;
  return (
    a['hidden'] !== undefined ||
    (a['class'] ?? '').split(/\s+/).some((t) => HIDDEN_CLASS.test(t) && !/^(overflow|visually)-hidden$/i.test(t)) ||
    /display\s*:\s*none|visibility\s*:\s*hidden/i.test(a['style'] ?? '')
  );
}

/** Is the element hidden by markup (itself or an ancestor), or inside a template? */
export function isHidden(el: Target): boolean {
  const e = elementOf(el);
  return e !== null && placementOf(e).hidden;
}
