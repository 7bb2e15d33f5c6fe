/** Keyset pagination over ascending ids: the cursor is the last id seen, opaque to clients. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function encodeCursor(id: number): string {
  return Buffer.from(`id:${id}`).toString('base64url');
}

/** Returns the id after which to continue, or null when the cursor is not one of ours. */
export function decodeCursor(cursor: string): number | null {
  const match = /^id:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : null;
}

/** Given limit + 1 rows fetched, returns the page and the cursor for the next one. */
export function toPage<T extends { id: number }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null };
}
