import { decodeText, type TextEncoding } from './decode-text.ts';
import type { CatalogueRow, CatalogueRowError } from './catalogue-row.ts';
import { readCsvCatalogue } from './read-csv-catalogue.ts';
import { readMerchantFeed } from './read-merchant-feed.ts';

export type CatalogueFormat = 'csv' | 'xml';

export interface ReadCatalogueOptions {
  /** Default: XML when the text starts with "<", else CSV/TSV. */
  format?: CatalogueFormat;
  /** Default: detected (BOM, valid UTF-8, else Windows-1250 or -1252). */
  encoding?: TextEncoding;
}

/** Text chunks with the first one looked at, for the format, and then handed on unchanged. */
async function sniffFormat(chunks: AsyncIterable<string>): Promise<{ format: CatalogueFormat; all: AsyncIterable<string> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done ? '' : first.value;
  async function* all() {
    if (!first.done) yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { format: head.trimStart().startsWith('<') ? 'xml' : 'csv', all: all() };
}

/**
 * The products of a catalogue file — CSV (comma or semicolon), TSV, or a Merchant Center RSS/Atom feed — as rows or
 * per-row errors, in file order, streamed from bytes in bounded memory.
 */
export async function* readCatalogue(bytes: AsyncIterable<Uint8Array>, options: ReadCatalogueOptions = {}): AsyncGenerator<CatalogueRow | CatalogueRowError> {
  const { format, all } = await sniffFormat(decodeText(bytes, options.encoding));
  yield* (options.format ?? format) === 'xml' ? readMerchantFeed(all) : readCsvCatalogue(all);
}
