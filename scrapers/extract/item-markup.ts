import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { addProp, stripVocabulary, type SchemaNode } from './schema-node.ts';
import { isInRelatedArea } from './page-areas.ts';

interface Syntax {
  /** Does this element start an item? */
  scope(el: Element): boolean;
  types(el: Element): string[];
  props(el: Element): string[];
}

const words = (s: string | undefined): string[] => (s ?? '').split(/\s+/).filter(Boolean);

const MICRODATA: Syntax = {
  scope: (el) => el.attribs['itemscope'] !== undefined,
  types: (el) => words(el.attribs['itemtype']).map(stripVocabulary),
  props: (el) => words(el.attribs['itemprop']),
};

/** RDFa Lite: `typeof` starts an item, `property` names a property (OpenGraph `og:` meta is read separately). */
const RDFA: Syntax = {
  scope: (el) => el.attribs['typeof'] !== undefined,
  types: (el) => words(el.attribs['typeof']).map(stripVocabulary),
  props: (el) => words(el.attribs['property']).filter((p) => !/^(og|fb|product|twitter|article):/i.test(p)),
};

const URL_ATTRIBUTES: Record<string, string> = { a: 'href', link: 'href', area: 'href', img: 'src', source: 'src', video: 'src', audio: 'src', iframe: 'src', embed: 'src', object: 'data' };

function valueOf($: CheerioAPI, el: Element): string {
  const a = el.attribs;
  if (a['content'] !== undefined) return a['content'];
  const urlAttr = URL_ATTRIBUTES[el.tagName];
  if (urlAttr && a[urlAttr] !== undefined) return a[urlAttr];
  if ((el.tagName === 'data' || el.tagName === 'meter') && a['value'] !== undefined) return a['value'];
  if (el.tagName === 'time' && a['datetime'] !== undefined) return a['datetime'];
  if (a['resource'] !== undefined && el.tagName !== 'div' && el.tagName !== 'span') return a['resource'];
  return $(el).text().replace(/\s+/g, ' ').trim();
}

function readItem($: CheerioAPI, el: Element, syntax: Syntax, all: SchemaNode[]): SchemaNode {
  const node: SchemaNode = { types: syntax.types(el), props: new Map() };
  if (isInRelatedArea($(el))) node.nested = true;
  all.push(node);
  const walk = (parent: Element): void => {
    for (const child of parent.children) {
      if (child.type !== 'tag' && child.type !== 'script') continue;
      const c = child as Element;
      const props = syntax.props(c);
      if (syntax.scope(c)) {
        const nested = readItem($, c, syntax, all);
        for (const p of props) addProp(node, p, nested);
        continue;
      }
      if (props.length) {
        const value = valueOf($, c);
        for (const p of props) addProp(node, p, value);
      }
      walk(c);
    }
  };
  walk(el);
  return node;
}

/** The outermost items in document order: one walk that does not descend into an item (readItem reads inside it). */
function topItems(root: AnyNode[], syntax: Syntax): Element[] {
  const tops: Element[] = [];
  const pending = [...root].reverse();
  while (pending.length) {
    const node = pending.pop() as AnyNode;
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
    const el = node as Element;
    if (syntax.scope(el)) tops.push(el);
    else for (let i = el.children.length - 1; i >= 0; i--) pending.push(el.children[i] as AnyNode);
  }
  return tops;
}

function readItems($: CheerioAPI, syntax: Syntax): SchemaNode[] {
  const all: SchemaNode[] = [];
  for (const el of topItems($.root()[0]?.children ?? [], syntax)) readItem($, el, syntax, all);
  return all;
}

/** Every microdata item of the page (nested ones included, in document order of their start). */
export function readMicrodata($: CheerioAPI): SchemaNode[] {
  return readItems($, MICRODATA);
}

/** Every RDFa Lite item of the page. */
export function readRdfa($: CheerioAPI): SchemaNode[] {
  return readItems($, RDFA);
}
