import { parentPort } from 'node:worker_threads';
import { extractOffer, type ExtractInput } from './extract-offer.ts';
import { ExtractionError } from './extraction-error.ts';

/** A job for the worker: one page. */
export interface WorkerJob {
  id: number;
  input: ExtractInput;
}

export type WorkerReply =
  | { id: number; ok: true; result: ReturnType<typeof extractOffer> }
  | { id: number; ok: false; error: { name: string; message: string; code?: string; field?: string } };

/** Runs inside a worker thread (see extract-in-worker.ts): extracts each page it is sent, one at a time. */
parentPort?.on('message', (job: WorkerJob) => {
  let reply: WorkerReply;
  try {
    reply = { id: job.id, ok: true, result: extractOffer(job.input) };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    reply = { id: job.id, ok: false, error: { name: e.name, message: e.message, ...(err instanceof ExtractionError ? { code: err.code, field: err.field } : {}) } };
  }
  parentPort?.postMessage(reply);
});
