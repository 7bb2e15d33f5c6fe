/**
 * The control under a cursor-paged list (the API's `{ items, nextCursor }`): back to the first page, on to the next.
 * `pageHref(cursor)` builds the list's URL with its filters kept; no cursor means the first page.
 */
export const Pagination = ({
  shown,
  cursor,
  nextCursor,
  pageHref,
  noun = 'items',
}: {
  shown: number;
  cursor: string | null;
  nextCursor: string | null;
  pageHref: (cursor: string | null) => string;
  noun?: string;
}) => {
  if (!cursor && !nextCursor) return null;
  return (
    <nav class="pagination" aria-label="Pages">
      <span class="muted">
        Showing {shown} {noun}
        {cursor ? ' (not the first page)' : ''}
      </span>
      <span class="pagination-links">
        {cursor && (
          <a class="button button-secondary" href={pageHref(null)}>
            First page
          </a>
        )}
        {nextCursor && (
          <a class="button button-secondary" href={pageHref(nextCursor)} rel="next">
            Next page
          </a>
        )}
      </span>
    </nav>
  );
};
