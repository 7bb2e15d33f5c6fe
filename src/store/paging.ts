/** Keyset pagination over ids: a request continues after the last id seen, a page names the id to continue after. */
export interface PageRequest {
  /** The last id of the previous page; none for the first page. */
  after?: number;
  limit: number;
}

export interface Page<T> {
  items: T[];
  /** The `after` of the next page; null on the last page. */
  nextAfter: number | null;
}

/** Given limit + 1 rows fetched, returns the page. */
export function toPage<T extends { id: number }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextAfter: rows.length > limit && last ? last.id : null };
}
