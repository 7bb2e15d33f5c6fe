import { z } from 'zod';

export const ExportFormat = z.enum(['csv', 'json']).default('csv');

type Source<T> = Iterable<T> | AsyncIterable<T>;

async function* jsonArray(items: Source<unknown>): AsyncGenerator<string> {
  let first = true;
  for await (const item of items) {
    yield `${first ? '[' : ','}\n${JSON.stringify(item)}`;
    first = false;
  }
  yield first ? '[]\n' : '\n]\n';
}

const iteratorOf = <T>(source: Source<T>): Iterator<T> | AsyncIterator<T> =>
  Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();

/** A streamed download: CSV lines, or the items as one JSON array, with a file name for browsers. */
export function download(format: 'csv' | 'json', name: string, content: Source<string> | Source<unknown>): Response {
  const chunks = format === 'csv' ? (content as Source<string>) : jsonArray(content);
  const iterator = iteratorOf(chunks);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let batch = '';
      for (let i = 0; i < 500; i++) {
        const next = await iterator.next();
        if (next.done) {
          if (batch) controller.enqueue(encoder.encode(batch));
          controller.close();
          return;
        }
        batch += next.value;
      }
      controller.enqueue(encoder.encode(batch));
    },
  });
  const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8';
  return new Response(stream, {
    headers: { 'content-type': type, 'content-disposition': `attachment; filename="${name}.${format}"` },
  });
}
