import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Offer, Provenance } from '../offer.ts';
import type { ExtractInput } from './extract-offer.ts';
import { ExtractionError } from './extraction-error.ts';
import type { WorkerJob, WorkerReply } from './extraction-worker.ts';

export interface ExtractionPoolOptions {
  /** Worker threads. Default 2. */
  size?: number;
  /** Hard limit per page: past it the worker is terminated and the page fails with extraction_timeout. Default 10 s. */
  timeoutMs?: number;
  /** Heap cap per worker in MB (a page that exhausts it fails, the worker is replaced). Default 512. */
  maxHeapMb?: number;
}

export interface ExtractionPoolStats {
  workers: number;
  busy: number;
  queued: number;
  timeouts: number;
  crashes: number;
}

type Extracted = { offer: Offer; provenance: Provenance };

interface Job {
  id: number;
  input: ExtractInput;
  timeoutMs: number;
  resolve: (result: Extracted) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

/** The worker runs TypeScript: tsx is registered in the thread before the worker module is imported. */
const TSX_API = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
const WORKER_URL = new URL('./extraction-worker.ts', import.meta.url).href;
const BOOT = `import(${JSON.stringify(TSX_API)})
  .then((tsx) => (tsx.register(), import(${JSON.stringify(WORKER_URL)})))
  .then(() => require('node:worker_threads').parentPort.postMessage({ ready: true }));`;

function toError(reply: Extract<WorkerReply, { ok: false }>['error']): Error {
  if (reply.name === 'ExtractionError' && reply.code) return new ExtractionError(reply.code as ExtractionError['code'], reply.message, reply.field);
  const err = new Error(reply.message);
  err.name = reply.name;
  return err;
}

/**
 * Extraction off the main thread: a small pool of worker threads, each extracting one page at a time under a
 * hard time limit. A page past the limit has its worker terminated (a synchronous loop cannot be interrupted
 * any other way) and fails with ExtractionError('extraction_timeout'); a replacement worker starts for the next
 * page. So a pathological page costs its own run, never the event loop that serves the API.
 * Not wired into the service yet: the scheduler still calls extractOffer() in-process.
 */
export class ExtractionPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  private readonly counters = { timeouts: 0, crashes: 0 };
  private readonly size: number;
  private readonly timeoutMs: number;
  private readonly maxHeapMb: number;

  constructor(options: ExtractionPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? 2);
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxHeapMb = options.maxHeapMb ?? 512;
  }

  /** extractOffer(input) in a worker; `timeoutMs` overrides the pool's limit for this page. */
  extract(input: ExtractInput, options: { timeoutMs?: number } = {}): Promise<Extracted> {
    if (this.closed) return Promise.reject(new Error('extraction pool is closed'));
    return new Promise<Extracted>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, input, timeoutMs: options.timeoutMs ?? this.timeoutMs, resolve, reject });
      this.dispatch();
    });
  }

  stats(): ExtractionPoolStats {
    return { workers: this.slots.length, busy: this.slots.filter((s) => s.job).length, queued: this.queue.length, ...this.counters };
  }

  /** Fails queued pages, terminates every worker (pages in progress fail too). */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('extraction pool is closed'));
    await Promise.all(
      this.slots.splice(0).map((slot) => {
        const job = slot.job;
        this.finish(slot, null);
        job?.reject(new Error('extraction pool is closed'));
        return slot.worker.terminate();
      }),
    );
  }

  private dispatch(): void {
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.job);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      this.run(slot, this.queue.shift() as Job);
    }
  }

  private run(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref();
    // The clock starts once the worker is ready: start-up is the pool's cost, not the page's.
    void slot.ready.then(() => {
      if (slot.job !== job) return;
      slot.timer = setTimeout(() => this.timeOut(slot, job), job.timeoutMs);
      const message: WorkerJob = { id: job.id, input: job.input };
      slot.worker.postMessage(message);
    });
  }

  private timeOut(slot: Slot, job: Job): void {
    if (slot.job !== job) return;
    this.counters.timeouts += 1;
    this.retire(slot);
    job.reject(new ExtractionError('extraction_timeout', `extraction took longer than ${job.timeoutMs} ms`));
  }

  private spawn(): Slot {
    const worker = new Worker(BOOT, { eval: true, resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb } });
    let ready!: () => void;
    const slot: Slot = { worker, ready: new Promise<void>((r) => (ready = r)), job: null, timer: null };
    worker.on('message', (message: WorkerReply | { ready: true }) => {
      if ('ready' in message) return ready();
      const job = slot.job;
      if (!job || job.id !== message.id) return;
      this.finish(slot, null);
      if (message.ok) job.resolve(message.result);
      else job.reject(toError(message.error));
      this.dispatch();
    });
    worker.on('error', (err) => this.crashed(slot, err));
    worker.on('exit', (code) => this.crashed(slot, new Error(`extraction worker exited with code ${code}`)));
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  /** The worker died under a page (out of memory, a native crash): that page fails, the next one gets a new worker. */
  private crashed(slot: Slot, err: Error): void {
    if (!this.slots.includes(slot)) return;
    const job = slot.job;
    this.retire(slot);
    if (job) {
      this.counters.crashes += 1;
      job.reject(new Error(`extraction worker failed: ${err.message}`, { cause: err }));
    }
  }

  private retire(slot: Slot): void {
    this.finish(slot, null);
    const at = this.slots.indexOf(slot);
    if (at >= 0) this.slots.splice(at, 1);
    void slot.worker.terminate();
    if (!this.closed) this.dispatch();
  }

  private finish(slot: Slot, job: Job | null): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = job;
    if (!job) slot.worker.unref();
  }
}
