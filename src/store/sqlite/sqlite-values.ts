/** How values are written in the SQLite schema: ISO-8601 UTC text timestamps, 0/1 booleans. */
export const nowIso = () => new Date().toISOString();

export const bool = (value: number | null): boolean => value === 1;

export const bit = (value: boolean): 0 | 1 => (value ? 1 : 0);

/** True when `err` is SQLite's UNIQUE constraint failure on `column` (`table.column`). */
export const isUniqueViolation = (err: unknown, column: string): boolean =>
  err instanceof Error && err.message.includes(`UNIQUE constraint failed: ${column}`);
