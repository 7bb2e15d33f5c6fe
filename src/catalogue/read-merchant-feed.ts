import { Parser } from 'htmlparser2';
import { fieldOfHeader } from './catalogue-columns.ts';
import { catalogueRow, type CatalogueField, type CatalogueRow, type CatalogueRowError } from './catalogue-row.ts';

const ITEM = new Set(['item', 'entry']);

/** Counts lines of streamed text so a parser's absolute offset can be given as a line number. */
class LineCounter {
  private start = 0;
  private linesBefore = 1;
  private chunk = '';

  next(chunk: string): void {
    this.linesBefore += countNewlines(this.chunk, this.chunk.length);
    this.start += this.chunk.length;
    this.chunk = chunk;
  }

  /** The line of an offset in the current chunk (an offset before it counts as the chunk's first line). */
  lineAt(offset: number): number {
    return this.linesBefore + countNewlines(this.chunk, Math.max(0, offset - this.start));
  }
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Rows of a Google Merchant Center feed (RSS 2.0 `<item>` or Atom `<entry>`, fields plain or in the `g:` namespace),
 * parsed as a stream: only the current item is held in memory. Nested fields (g:shipping's g:price) are ignored.
 */
export async function* readMerchantFeed(chunks: AsyncIterable<string>): AsyncGenerator<CatalogueRow | CatalogueRowError> {
  const ready: (CatalogueRow | CatalogueRowError)[] = [];
  const lines = new LineCounter();
  let item: Partial<Record<CatalogueField, string>> | null = null;
  let itemLine = 0;
  let depth = 0;
  let field: CatalogueField | null = null;
  let text = '';
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (!item && ITEM.has(name)) {
          item = {};
          itemLine = lines.lineAt(parser.startIndex);
          depth = 0;
          return;
        }
        if (!item) return;
        depth++;
        if (depth !== 1) return;
        field = fieldOfHeader(name);
        text = '';
        // Atom gives the link as an attribute: <link href="…"/>.
        if (field === 'url' && attributes.href && !item.url) item.url = attributes.href;
      },
      ontext(chunk) {
        if (item && depth === 1 && field) text += chunk;
      },
      onclosetag(name) {
        if (!item) return;
        if (depth === 0 && ITEM.has(name)) {
          ready.push(catalogueRow(itemLine, item));
          item = null;
          return;
        }
        if (depth === 1 && field && text.trim() && !item[field]) item[field] = text;
        if (depth === 1) field = null;
        depth--;
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true },
  );
  for await (const chunk of chunks) {
    lines.next(chunk);
    parser.write(chunk);
    yield* ready.splice(0);
  }
  parser.end();
  yield* ready.splice(0);
}
