/** Elements that never nest in a parser's stack of open elements (void) or that the next sibling closes implicitly. */
const NOT_NESTING = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'li', 'p', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rp', 'rt', 'caption', 'colgroup',
]);
/** Their content is text up to their own end tag (as htmlparser2 reads them). */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp']);
const FOREIGN = new Set(['svg', 'math']);
const NAME_END = /[\s/>]/;

interface Tag {
  start: number;
  /** Index after the closing ">". */
  end: number;
  name: string;
  closing: boolean;
  selfClosing: boolean;
}

/** The next start or end tag from `from`, skipping comments, doctypes and stray "<"; null at the end. Forward jumps only: linear overall. */
function nextTag(html: string, from: number): Tag | null {
  for (let lt = html.indexOf('<', from); lt >= 0; lt = html.indexOf('<', lt + 1)) {
    const next = html[lt + 1] ?? '';
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      if (close < 0) return null;
      lt = close + 2;
      continue;
    }
    if (next === '!' || next === '?') {
      const close = html.indexOf('>', lt);
      if (close < 0) return null;
      lt = close;
      continue;
    }
    const closing = next === '/';
    const nameStart = closing ? lt + 2 : lt + 1;
    if (!/[A-Za-z]/.test(html[nameStart] ?? '')) continue;
    let i = nameStart;
    while (i < html.length && !NAME_END.test(html[i] as string)) i++;
    const name = html.slice(nameStart, i).toLowerCase();
    // Attributes: a quoted value may hold ">"; an unclosed quote runs to the end, as in the parser.
    while (i < html.length && html[i] !== '>') {
      const c = html[i];
      if (!closing && (c === '"' || c === "'")) {
        const close = html.indexOf(c, i + 1);
        i = close < 0 ? html.length : close + 1;
      } else i++;
    }
    if (i >= html.length) return null;
    return { start: lt, end: i + 1, name, closing, selfClosing: html[i - 1] === '/' };
  }
  return null;
}

/** The index of the end tag that ends a raw-text element's content (or the end of the page). */
function rawTextEnd(html: string, name: string, from: number): number {
  const re = new RegExp(`</${name}`, 'gi');
  re.lastIndex = from;
  return re.exec(html)?.index ?? html.length;
}

/**
 * One pass over the tags with a stack of open elements (implied closes ignored: their elements do not count
 * as nesting). Calls `past` for each start tag that would open an element deeper than `cap`, and for each end
 * tag that closes such an element; returns whether there was any.
 */
function scan(html: string, cap: number, past: (tag: Tag) => void): boolean {
  const open: string[] = [];
  const openCount = new Map<string, number>();
  const dropped = new Map<string, number>();
  let foreign = 0;
  let any = false;
  for (let tag = nextTag(html, 0); tag; tag = nextTag(html, tag.end)) {
    const { name } = tag;
    if (tag.closing) {
      const skipped = dropped.get(name) ?? 0;
      // Everything past the cap is deeper than every kept element: an end tag of its name closes it first.
      if (skipped > 0) {
        dropped.set(name, skipped - 1);
        past(tag);
      } else if (openCount.get(name)) {
        for (;;) {
          const top = open.pop() as string;
          openCount.set(top, (openCount.get(top) ?? 1) - 1);
          if (FOREIGN.has(top)) foreign -= 1;
          if (top === name) break;
        }
      }
      continue;
    }
    if (RAW_TEXT.has(name)) {
      tag.end = rawTextEnd(html, name, tag.end);
      continue;
    }
    if (NOT_NESTING.has(name) || (foreign > 0 && tag.selfClosing)) continue;
    if (open.length >= cap) {
      any = true;
      dropped.set(name, (dropped.get(name) ?? 0) + 1);
      past(tag);
      continue;
    }
    open.push(name);
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
    if (FOREIGN.has(name)) foreign += 1;
  }
  return any;
}

/**
 * Keeps the nesting of a page's elements at most `cap` deep before it reaches the HTML parser, whose stack
 * of open elements costs time in proportion to its depth on every tag (100,000 nested tags: a minute).
 * One linear scan finds out; only a page nested deeper than `cap` is rewritten: the start tags past the cap
 * and their end tags are left out, their text stays in the deepest kept element. A browser does much the
 * same (Chromium lifts elements past depth 512 up to be siblings), so no real page changes.
 */
export function capNesting(html: string, cap: number): string {
  if (!scan(html, cap, () => undefined)) return html;
  const parts: string[] = [];
  let last = 0;
  scan(html, cap, (tag) => {
    parts.push(html.slice(last, tag.start));
    last = tag.end;
  });
  parts.push(html.slice(last));
  return parts.join('');
}
