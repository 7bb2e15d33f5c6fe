import { FetchError, type FailureCode } from '../../scrapers/fetch/fetch-error.ts';
import { ExtractionError } from '../../scrapers/extract/extraction-error.ts';
import type { Lane } from '../store/runs.ts';

/** Why a run failed, and whether trying again later may help. */
export interface RunFailure {
  code: FailureCode;
  message: string;
  retryable: boolean;
}

/** Thrown by the worker when a run outlives its time budget. */
export class RunTimeoutError extends Error {
  constructor(ms: number) {
    super(`the run did not finish within ${ms} ms`);
    this.name = 'RunTimeoutError';
  }
}

/**
 * Maps whatever a run threw onto a typed failure. An untyped error while fetching counts as a crash of the
 * fetch machinery (browser_crash, or http_5xx for plain HTTP), retryable; while extracting, as extraction_empty.
 */
export function toRunFailure(err: unknown, phase: 'fetch' | 'extract', lane: Lane): RunFailure {
  if (err instanceof FetchError) return { code: err.code, message: err.message, retryable: err.retryable };
  if (err instanceof ExtractionError) return { code: err.code, message: err.message, retryable: false };
  if (err instanceof RunTimeoutError) return { code: 'timeout', message: err.message, retryable: true };
  const message = err instanceof Error ? err.message : String(err);
  if (phase === 'extract') return { code: 'extraction_empty', message: `extraction failed: ${message}`, retryable: false };
  return { code: lane === 'browser' ? 'browser_crash' : 'http_5xx', message: `fetch failed: ${message}`, retryable: true };
}
