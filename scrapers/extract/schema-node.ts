/**
 * One schema.org item, whichever syntax it was written in (JSON-LD, microdata, RDFa): its types without
 * vocabulary prefix ("Product", "Offer") and its properties, each a list of texts or nested items.
 */
export interface SchemaNode {
  types: string[];
  props: Map<string, SchemaValue[]>;
  /** Set when the item sits inside a list of other products (related, recommended, recently viewed). */
  nested?: boolean;
}

export type SchemaValue = string | SchemaNode;

/** "http://schema.org/Product", "schema:Product", "https://schema.org/InStock" → "Product", "InStock". */
export function stripVocabulary(term: string): string {
  return term.trim().replace(/^.*[/#:]/, '');
}

export function addProp(node: SchemaNode, name: string, value: SchemaValue): void {
  const key = stripVocabulary(name);
  if (!key) return;
  const list = node.props.get(key);
  if (list) list.push(value);
  else node.props.set(key, [value]);
}

export function texts(node: SchemaNode, name: string): string[] {
  return (node.props.get(name) ?? []).filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
}

export function firstText(node: SchemaNode, ...names: string[]): string | null {
  for (const name of names) {
    const t = texts(node, name)[0];
    if (t) return t;
  }
  return null;
}

export function children(node: SchemaNode, name: string): SchemaNode[] {
  return (node.props.get(name) ?? []).filter((v): v is SchemaNode => typeof v !== 'string');
}

export function hasType(node: SchemaNode, ...types: string[]): boolean {
  return node.types.some((t) => types.includes(t));
}
