import type { Cheerio } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

/** Containers of other products than the page's own: recommendations, carousels, recently viewed, bundles. */
const RELATED_AREA =
  /related|recommend|similar|also[-_ ]?(bought|viewed|like|purchased)|upsell|up-sell|cross-?sell|recently|recent[-_]?view|you[-_]?may|others[-_]|suggest|bestseller|top[-_]?sell|accessor|complementary|frequently|carousel|sponsored|reco[-_]|-reco\b|teaser|product-?list|products-?grid|product-?tiles|compare|zuletzt|aehnlich|ähnlich|podobn/i;

/** Class or id tokens of page chrome that never holds the main offer: navigation, site header and footer, mini cart, banners. */
const CHROME_TOKEN =
  /^((site|page|main|global|top|bottom)[-_]?)?(header|footer|nav|navbar|navigation|menu|megamenu|breadcrumbs?)$|^(mini|header|side|floating|fly)[-_]?(cart|basket)|^cart[-_]?(total|summary|count|preview|drawer|flyout)|cookie|newsletter/i;

function isChromeElement(el: Element, inContent: boolean): boolean {
  if (el.tagName === 'nav' || el.tagName === 'footer' || (el.tagName === 'header' && !inContent)) return true;
  const tokens = `${el.attribs['class'] ?? ''} ${el.attribs['id'] ?? ''}`.split(/\s+/);
  return tokens.some((t) => t && CHROME_TOKEN.test(t));
}

function describe(el: Element): string {
  const a = el.attribs;
  return `${a['class'] ?? ''} ${a['id'] ?? ''} ${a['data-component'] ?? ''} ${a['data-testid'] ?? ''} ${a['aria-label'] ?? ''}`;
}

function ancestors(el: Cheerio<AnyNode>): Element[] {
  return el.parents().toArray() as Element[];
}

/** Is the element inside a list of other products (related, recommended, recently viewed, …)? */
export function isInRelatedArea(el: Cheerio<AnyNode>): boolean {
  return ancestors(el).some((a) => RELATED_AREA.test(describe(a)));
}

/** Is the element inside the page chrome (site header, navigation, footer, mini cart, cookie banner)? */
export function isInChrome(el: Cheerio<AnyNode>): boolean {
  const up = ancestors(el);
  const inContent = up.some((a) => a.tagName === 'main' || a.tagName === 'article');
  return up.some((a) => isChromeElement(a, inContent));
}

const HIDDEN_CLASS = /(^|\s)(hidden|d-none|hide|is-hidden|u-hidden|js-hidden|invisible|visually-hidden|sr-only|screen-reader-text|display-none)(\s|$)/i;

/** Is the element hidden by markup (hidden attribute, inline display:none, a hiding utility class, template)? */
export function isHidden(el: Cheerio<AnyNode>): boolean {
  const all = [...(el.toArray() as Element[]), ...ancestors(el)];
  return all.some(
    (a) =>
      a.attribs['hidden'] !== undefined ||
      a.tagName === 'template' ||
      a.tagName === 'noscript' ||
      HIDDEN_CLASS.test(a.attribs['class'] ?? '') ||
      /display\s*:\s*none|visibility\s*:\s*hidden/i.test(a.attribs['style'] ?? ''),
  );
}
