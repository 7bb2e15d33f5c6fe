/** How values are written in the SQLite schema: ISO-8601 UTC text timestamps, 0/1 booleans. */
export const nowIso = () => new Date().toISOString();

export const bool = (value: number | null): boolean => value === 1;

export const bit = (value: boolean): 0 | 1 => (value ? 1 : 0);

/** Recognises SQLite's and Postgres' unique violations alike: the query code using it is shared. */
export { isUniqueViolation } from '../unique-violation.ts';
