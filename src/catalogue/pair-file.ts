import { createReadStream } from 'node:fs';
import { csvRecords } from './csv-records.ts';
import { decodeText } from './decode-text.ts';
import type { ProductListing } from './product-listing.ts';

/** Two listings to compare, as in the ProMap layout: name1 … id1, name2 … id2, optionally a `match` label. */
export interface ListingPair {
  line: number;
  a: ProductListing;
  b: ProductListing;
  /** The `match` column when present (1 = the same product). */
  label: boolean | null;
}

const SIDE_COLUMNS = { name: 'name', description: 'short_description', longDescription: 'long_description', specifications: 'specification_text' };

/** Reads a pairs CSV (columns name1, short_description1, long_description1, specification_text1, … for sides 1 and 2). */
export async function* readPairFile(path: string): AsyncGenerator<ListingPair> {
  let columns: Map<string, number> | null = null;
  for await (const record of csvRecords(decodeText(createReadStream(path)), ',')) {
    if (!columns) {
      columns = new Map(record.fields.map((name, index) => [name.trim().toLowerCase(), index]));
      if (!columns.has('name1') || !columns.has('name2')) throw new Error(`${path}: expected columns name1 and name2`);
      continue;
    }
    const cell = (name: string) => {
      const index = columns?.get(name);
      return index === undefined ? '' : (record.fields[index] ?? '');
    };
    const side = (n: 1 | 2): ProductListing => ({
      name: cell(`${SIDE_COLUMNS.name}${n}`),
      description: `${cell(`${SIDE_COLUMNS.description}${n}`)}\n${cell(`${SIDE_COLUMNS.longDescription}${n}`)}`,
      specifications: cell(`${SIDE_COLUMNS.specifications}${n}`),
    });
    const label = cell('match').trim();
    yield { line: record.line, a: side(1), b: side(2), label: label === '' ? null : label === '1' };
  }
}
