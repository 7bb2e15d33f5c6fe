import { load, type CheerioAPI } from 'cheerio/slim';
import { parseLenientJson, type JsonValue } from './lenient-json.ts';
import { addProp, stripVocabulary, type SchemaNode } from './schema-node.ts';

type JsonObject = { [key: string]: JsonValue };

const ENTITIES: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", '#39': "'", '#34': '"' };

/** Shops often HTML-escape texts inside JSON-LD ("11&quot; iPad", "Elo&iacute;sa"). */
function unescapeHtml(text: string): string {
  return /&(#\d+|#x[0-9a-f]+|[a-z]+\d*);/i.test(text) ? load(text, null, false).text() : text;
}

function isObject(v: JsonValue): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function flatten(v: JsonValue): JsonValue[] {
  return Array.isArray(v) ? v.flatMap(flatten) : [v];
}

/** Reads every JSON-LD block of the page into schema items, resolving `@graph` and `@id` references. */
export function readJsonLd($: CheerioAPI): SchemaNode[] {
  const values: JsonValue[] = [];
  $('script[type^="application/ld+json" i]').each((_, el) => {
    let text = $(el).text();
    if (/^\s*[[{]\s*&quot;/.test(text)) text = text.replace(/&(quot|amp|lt|gt|apos|#39|#34);/g, (_m, e: string) => ENTITIES[e] ?? '');
    try {
      values.push(...parseLenientJson(text));
    } catch {
      // Nesting too deep to read (a broken or hostile block): the other sources still count.
    }
  });

  const byId = new Map<string, JsonObject>();
  const collectIds = (v: JsonValue): void => {
    for (const item of flatten(v)) {
      if (!isObject(item)) continue;
      const id = item['@id'];
      if (typeof id === 'string' && Object.keys(item).length > 1 && !byId.has(id)) byId.set(id, item);
      for (const [k, child] of Object.entries(item)) if (k !== '@context') collectIds(child);
    }
  };
  values.forEach(collectIds);

  const converted = new Map<JsonObject, SchemaNode>();
  const toNode = (raw: JsonObject): SchemaNode => {
    const ref = raw['@id'];
    const obj = typeof ref === 'string' && Object.keys(raw).length === 1 ? (byId.get(ref) ?? raw) : raw;
    const done = converted.get(obj);
    if (done) return done;
    const node: SchemaNode = { types: flatten(obj['@type'] ?? null).filter((t) => typeof t === 'string').map(stripVocabulary), props: new Map() };
    converted.set(obj, node);
    for (const [key, value] of Object.entries(obj)) {
      if (key === '@type' || key === '@context' || key === '@graph') continue;
      for (const item of flatten(value)) {
        if (isObject(item)) {
          const literal = item['@value'];
          if (literal !== undefined) {
            if (typeof literal === 'string') addProp(node, key, unescapeHtml(literal));
          } else addProp(node, key, toNode(item));
        } else if (typeof item === 'string') addProp(node, key, unescapeHtml(item));
        else if (typeof item === 'boolean') addProp(node, key, String(item));
      }
    }
    return node;
  };

  const roots: SchemaNode[] = [];
  const addRoots = (v: JsonValue): void => {
    for (const item of flatten(v)) {
      if (!isObject(item)) continue;
      if (item['@graph'] !== undefined) addRoots(item['@graph']);
      if (item['@type'] !== undefined || item['@graph'] === undefined) roots.push(toNode(item));
    }
  };
  values.forEach(addRoots);
  return roots;
}
