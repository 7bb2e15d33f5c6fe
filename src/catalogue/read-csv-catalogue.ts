import { mapColumns } from './catalogue-columns.ts';
import { catalogueRow, type CatalogueField, type CatalogueRow, type CatalogueRowError } from './catalogue-row.ts';
import { csvRecords, detectDelimiter } from './csv-records.ts';

/** Text chunks with the first line looked at, for the delimiter, and then handed on unchanged. */
async function withHeaderLine(chunks: AsyncIterable<string>): Promise<{ header: string; all: AsyncIterable<string> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const seen: string[] = [];
  let text = '';
  while (!/[\r\n]/.test(text)) {
    const next = await iterator.next();
    if (next.done) break;
    seen.push(next.value);
    text += next.value;
  }
  async function* all() {
    yield* seen;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { header: text.split(/[\r\n]/)[0] ?? '', all: all() };
}

/** Rows of a CSV or TSV catalogue (delimiter detected from the header), one at a time. */
export async function* readCsvCatalogue(chunks: AsyncIterable<string>): AsyncGenerator<CatalogueRow | CatalogueRowError> {
  const { header, all } = await withHeaderLine(chunks);
  let columns: Map<CatalogueField, number> | null = null;
  for await (const record of csvRecords(all, detectDelimiter(header))) {
    if (!columns) {
      columns = mapColumns(record.fields);
      if (!columns.has('name')) {
        yield { line: record.line, reason: 'no column for the product name (name, title, …) in the header' };
        return;
      }
      continue;
    }
    const cells: Partial<Record<CatalogueField, string>> = {};
    for (const [field, index] of columns) cells[field] = record.fields[index];
    yield catalogueRow(record.line, cells);
  }
}
