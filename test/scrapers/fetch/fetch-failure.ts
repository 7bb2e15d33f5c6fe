import { FetchError } from '../../../scrapers/fetch/fetch-error.ts';

/** The FetchError a fetch fails with; anything else (or success) fails the test. */
export async function fetchFailure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof FetchError) return err;
    throw err;
  }
  throw new Error('expected a FetchError');
}
