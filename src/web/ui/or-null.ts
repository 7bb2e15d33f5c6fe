import { isNotFound } from '../../errors.ts';

/** The value, or null when the store says there is no such thing (other errors still throw). */
export async function orNullIfMissing<T>(value: Promise<T>): Promise<T | null> {
  try {
    return await value;
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}
