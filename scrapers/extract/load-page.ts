import { load, type CheerioAPI } from 'cheerio/slim';
import type { AnyNode, ParentNode } from 'domhandler';
import { capNesting } from './cap-nesting.ts';

/** Chromium's HTML parser nests elements at most this deep (kMaximumHTMLParserDOMTreeDepth); deeper ones become siblings. */
export const MAX_TREE_DEPTH = 512;

/**
 * Parses a page (htmlparser2) and, like a browser, nests elements at most MAX_TREE_DEPTH deep: every element
 * below that depth is lifted, in document order, to be a sibling at the deepest level, keeping its own text.
 * A hostile page of 100,000 nested tags then costs every later walk over the tree (and cheerio's own
 * selector engine, whose stack grows with the depth) at most a bounded factor per element, not one per level.
 */
export function loadPage(html: string): CheerioAPI {
  const $ = load(capNesting(html, MAX_TREE_DEPTH));
  const root = $.root()[0];
  if (root) capDepth(root);
  return $;
}

/** One iterative walk; a parent at the last allowed depth gets its deeper descendants as flat children. */
function capDepth(root: ParentNode): void {
  const stack: [ParentNode, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop() as [ParentNode, number];
    if (depth >= MAX_TREE_DEPTH - 1) {
      if (node.children.some((c) => 'children' in c && c.children.some((g) => 'children' in g))) flatten(node);
      continue;
    }
    for (const child of node.children) if ('children' in child) stack.push([child, depth + 1]);
  }
}

/** Replaces `parent`'s children by every node of its subtree in document order, each element keeping its non-element children. */
function flatten(parent: ParentNode): void {
  const flat: AnyNode[] = [];
  const pending: AnyNode[] = [...parent.children].reverse();
  while (pending.length) {
    const node = pending.pop() as AnyNode;
    flat.push(node);
    if (!('children' in node)) continue;
    const kids = node.children;
    const own = kids.filter((k) => !('children' in k));
    const nested = kids.filter((k) => 'children' in k);
    node.children = own;
    relink(node, own);
    for (let i = nested.length - 1; i >= 0; i--) pending.push(nested[i] as AnyNode);
  }
  parent.children = flat;
  relink(parent, flat);
}

function relink(parent: ParentNode, children: AnyNode[]): void {
  children.forEach((c, i) => {
    c.parent = parent;
    c.prev = children[i - 1] ?? null;
    c.next = children[i + 1] ?? null;
  });
}
