/** Elements that never nest in a parser's stack of open elements (void) or that the next sibling closes implicitly. */
const NOT_NESTING = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'li', 'p', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rp', 'rt', 'caption', 'colgroup',
]);
/** Their content is text up to their own end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp']);
const RAW_TEXT_END = new Map([...RAW_TEXT].map((name) => [name, new RegExp(`</${name}`, 'gi')]));
const FOREIGN = new Set(['svg', 'math']);

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(\/?)([A-Za-z][^\s/>\0]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<[!?][^>]*>/g;

/**
 * Keeps the nesting of a page's elements at most `cap` deep before it reaches the HTML parser, whose stack
 * of open elements costs time in proportion to its depth on every tag (100,000 nested tags: a minute).
 * One linear scan estimates the depth; only a page nested deeper than `cap` is rewritten: the opening tags
 * past the cap and their end tags are left out, their text stays in the deepest kept element. A browser
 * does much the same (Chromium lifts elements past depth 512 up to be siblings), so no real page changes.
 */
export function capNesting(html: string, cap: number): string {
  if (!exceeds(html, cap)) return html;
  const open: string[] = [];
  const openCount = new Map<string, number>();
  const dropped = new Map<string, number>();
  let foreign = 0;
  let out = '';
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    const name = m[2]?.toLowerCase();
    if (!name) continue;
    if (m[1]) {
      const skipped = dropped.get(name) ?? 0;
      if (skipped > 0) {
        dropped.set(name, skipped - 1);
        out += html.slice(last, m.index);
        last = TOKEN.lastIndex;
      } else if (closeTag(open, openCount, name) && FOREIGN.has(name)) foreign = Math.max(0, foreign - 1);
      continue;
    }
    if (RAW_TEXT.has(name)) {
      skipRawText(html, name);
      continue;
    }
    if (NOT_NESTING.has(name) || (foreign > 0 && m[3]?.endsWith('/'))) continue;
    if (open.length >= cap) {
      dropped.set(name, (dropped.get(name) ?? 0) + 1);
      out += html.slice(last, m.index);
      last = TOKEN.lastIndex;
      continue;
    }
    open.push(name);
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
    if (FOREIGN.has(name)) foreign += 1;
  }
  return out + html.slice(last);
}

/** Does the page nest elements deeper than `cap`? The same scan without rewriting. */
function exceeds(html: string, cap: number): boolean {
  const open: string[] = [];
  const openCount = new Map<string, number>();
  let foreign = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    const name = m[2]?.toLowerCase();
    if (!name) continue;
    if (m[1]) {
      if (closeTag(open, openCount, name) && FOREIGN.has(name)) foreign = Math.max(0, foreign - 1);
    } else if (RAW_TEXT.has(name)) skipRawText(html, name);
    else if (!NOT_NESTING.has(name) && !(foreign > 0 && m[3]?.endsWith('/'))) {
      open.push(name);
      openCount.set(name, (openCount.get(name) ?? 0) + 1);
      if (FOREIGN.has(name)) foreign += 1;
      if (open.length > cap) return true;
    }
  }
  return false;
}

/** Closes the innermost open element of that name and everything inside it; false when none is open (amortised O(1)). */
function closeTag(open: string[], openCount: Map<string, number>, name: string): boolean {
  if (!openCount.get(name)) return false;
  for (;;) {
    const top = open.pop() as string;
    openCount.set(top, (openCount.get(top) ?? 1) - 1);
    if (top === name) return true;
  }
}

function skipRawText(html: string, name: string): void {
  const end = RAW_TEXT_END.get(name) as RegExp;
  end.lastIndex = TOKEN.lastIndex;
  TOKEN.lastIndex = end.exec(html)?.index ?? html.length;
}
