import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { hidesContent } from './page-areas.ts';

/** An element whose whole visible text is short: a price, a label, a badge, a button. */
export interface TextBox {
  el: Element;
  text: string;
  /** Document order of the element among all elements. */
  index: number;
}

export interface PageIndex {
  /** In the order their elements end (children before parents). */
  boxes: TextBox[];
  order: Map<Element, number>;
  textOf: Map<Element, string>;
}

const MAX_DEPTH = 400;

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'select', 'option', 'textarea', 'iframe', 'head']);

/**
 * One walk over the document: numbers every element in document order and keeps the elements whose
 * visible text (hidden subtrees left out) is at most `maxLength` characters (whitespace collapsed) — without building the text of big subtrees.
 */
export function indexPage($: CheerioAPI, maxLength = 80): PageIndex {
  const boxes: TextBox[] = [];
  const order = new Map<Element, number>();
  const textOf = new Map<Element, string>();
  const markSkipped = (el: Element): void => {
    for (const child of el.children) {
      if (child.type !== 'tag') continue;
      order.set(child, order.size);
      markSkipped(child);
    }
  };
  const walk = (node: AnyNode, depth: number): string | null => {
    if (node.type === 'text') return node.data;
    if (node.type !== 'tag') return '';
    const el = node;
    order.set(el, order.size);
    // Broken markup can nest thousands of unclosed tags; nothing a shopper sees lives that deep.
    if (depth > MAX_DEPTH) return null;
    if (SKIPPED.has(el.tagName) || hidesContent(el)) {
      markSkipped(el);
      return '';
    }
    const index = order.size - 1;
    let text: string | null = '';
    for (const child of el.children) {
      const t = walk(child, depth + 1);
      if (t === null || text === null) text = null;
      else if (child.type === 'tag' && child.tagName === 'sup' && /^\s*\d{2}\s*$/.test(t) && /\d\s*$/.test(text)) text += `.${t.trim()}`;
      else {
        const sep = child.type === 'tag' && !INLINE.has(child.tagName) ? ' ' : '';
        text += sep + t + sep;
        if (text.length > maxLength * 4) text = null;
      }
    }
    if (text === null) return null;
    const collapsed = text.replace(/\s+/g, ' ').trim();
    if (collapsed.length > maxLength) return null;
    if (collapsed) {
      boxes.push({ el, text: collapsed, index });
      textOf.set(el, collapsed);
    }
    return text;
  };
  for (const child of $.root()[0]?.children ?? []) walk(child, 0);
  return { boxes, order, textOf };
}

const INLINE = new Set(['span', 'b', 'strong', 'i', 'em', 'sup', 'sub', 'small', 'a', 'abbr', 'bdi', 'bdo', 'data', 'font', 'ins', 'del', 's', 'strike', 'u', 'mark', 'label', 'meta', 'time', 'wbr']);
