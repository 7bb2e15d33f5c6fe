import { z } from 'zod';

export const ExportFormat = z.enum(['csv', 'json']).default('csv');

function* jsonArray(items: Iterable<unknown>): Generator<string> {
  let first = true;
  for (const item of items) {
    yield `${first ? '[' : ','}\n${JSON.stringify(item)}`;
    first = false;
  }
  yield first ? '[]\n' : '\n]\n';
}

/** A streamed download: CSV lines, or the items as one JSON array, with a file name for browsers. */
export function download(format: 'csv' | 'json', name: string, content: Iterable<string> | Iterable<unknown>): Response {
  const chunks = format === 'csv' ? (content as Iterable<string>) : jsonArray(content);
  const iterator = chunks[Symbol.iterator]();
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      let batch = '';
      for (let i = 0; i < 500; i++) {
        const next = iterator.next();
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
