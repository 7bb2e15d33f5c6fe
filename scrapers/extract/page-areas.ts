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

function isChromeElement(el: Element, inContent: boolean): boolean {
  if (el.tagName === 'nav' || el.tagName === 'footer' || (el.tagName === 'header' && !inContent && isSiteHeader(el))) return true;
  const tokens = `${el.attribs['class'] ?? ''} ${el.attribs['id'] ?? ''}`.split(/\s+/);
  return tokens.some((t) => t && CHROME_TOKEN.test(t));
}

function describe(el: Element): string {
  const a = el.attribs;
  return `${a['class'] ?? ''} ${a['id'] ?? ''} ${a['data-component'] ?? ''} ${a['data-testid'] ?? ''} ${a['aria-label'] ?? ''}`;
}

/** Ancestors below <body>: classes on <html> and <body> describe the page (or the browser), not an area. */
function ancestors(el: Cheerio<AnyNode>): Element[] {
  return (el.parents().toArray() as Element[]).filter((a) => a.tagName !== 'html' && a.tagName !== 'body');
}

const signature = (el: Element): string => `${el.tagName}.${(el.attribs['class'] ?? '').trim()}`;

const MAX_CARD_ELEMENTS = 60;

/** Small, with a link and an image, without the page's title: what a product card in a grid looks like. */
function looksLikeCard(el: Element): boolean {
  let link = false;
  let image = false;
  let size = 0;
  const walk = (n: Element): void => {
    for (const c of n.children) {
      if (c.type !== 'tag' || ++size > MAX_CARD_ELEMENTS) continue;
      if (c.tagName === 'h1') size = MAX_CARD_ELEMENTS + 1;
      if (c.tagName === 'a' && c.attribs['href']) link = true;
      if (c.tagName === 'img' || c.tagName === 'picture') image = true;
      walk(c);
    }
  };
  walk(el);
  return link && image && size <= MAX_CARD_ELEMENTS;
}

/** A product card repeated among its siblings: at least three siblings of the same tag and class look like cards. */
function isRepeatedCard(el: Element): boolean {
  const parent = el.parent;
  if (!parent || parent.type !== 'tag' || !looksLikeCard(el)) return false;
  const sig = signature(el);
  let cards = 0;
  for (const sibling of parent.children) {
    if (sibling.type === 'tag' && signature(sibling) === sig && looksLikeCard(sibling) && ++cards >= 3) return true;
  }
  return false;
}

/** Is the element inside a list of other products (related, recommended, recently viewed, a grid of product cards)? */
export function isInRelatedArea(el: Cheerio<AnyNode>): boolean {
  const up = ancestors(el);
  return up.some((a) => RELATED_AREA.test(describe(a))) || up.slice(0, 6).some(isRepeatedCard);
}

/** Is the element inside the page chrome (site header, navigation, footer, mini cart, cookie banner)? */
export function isInChrome(el: Cheerio<AnyNode>): boolean {
  const up = ancestors(el);
  const inContent = up.some((a) => a.tagName === 'main' || a.tagName === 'article');
  return up.some((a) => isChromeElement(a, inContent));
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
export function isHidden(el: Cheerio<AnyNode>): boolean {
  const all = [...(el.toArray() as Element[]), ...ancestors(el)];
  return all.some((a) => a.tagName === 'template' || a.tagName === 'noscript' || (a.type === 'tag' && hidesContent(a)));
}
