import type { Change } from '../../store/changes.ts';
import type { Page } from '../../store/paging.ts';
import type { DisplayPrefs } from '../ui/display-prefs.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { formatDate } from '../ui/format.ts';
import { Pagination } from '../ui/pagination.tsx';
import type { ChangeContext } from './change-context.ts';
import { changesHref, type ChangeFilters } from './change-filters.ts';
import { ChangeRow } from './change-row.tsx';

/** Consecutive changes on the same calendar day in the reader's time zone. */
export function byDay(changes: readonly Change[], prefs: DisplayPrefs): { day: string; changes: Change[] }[] {
  const days: { day: string; changes: Change[] }[] = [];
  for (const change of changes) {
    const day = formatDate(change.detectedAt, prefs);
    const last = days.at(-1);
    if (last?.day === day) last.changes.push(change);
    else days.push({ day, changes: [change] });
  }
  return days;
}

/** What the feed shows, for the live region beside it. */
export const feedSummary = (page: Page<Change>, filters: ChangeFilters) =>
  page.items.length === 0
    ? 'No changes match these filters.'
    : `${page.items.length}${page.nextAfter === null ? '' : ' or more'} ${page.items.length === 1 && page.nextAfter === null ? 'change' : 'changes'}${hasFilters(filters) ? ' shown for these filters' : ' shown'}.`;

const hasFilters = (f: ChangeFilters) => Object.values(f).some((v) => v !== undefined);

/**
 * The feed under the filters, grouped by day: the element htmx swaps when a filter or the page changes
 * (the paging links are boosted into it, keeping the filters and the address; other links load their page).
 */
export const ChangesFeed = (props: {
  page: Page<Change>;
  contexts: ReadonlyMap<number, ChangeContext>;
  filters: ChangeFilters;
  cursor: string | null;
  prefs: DisplayPrefs;
}) => (
  <div id="changes-feed">
    {props.page.items.length === 0 ? (
      hasFilters(props.filters) ? (
        <EmptyState
          title="No changes match these filters"
          hint="Widen the period or clear a filter to see more."
          action={
            <a class="button button-secondary" href="/changes">
              Clear the filters
            </a>
          }
        />
      ) : (
        <EmptyState
          title="No changes yet"
          hint="Changes appear once an offer has been checked twice and something on its page moved. Check that your targets run."
        />
      )
    ) : (
      byDay(props.page.items, props.prefs).map((group) => (
        <section class="change-day" aria-label={group.day}>
          <h2 class="change-day-title">{group.day}</h2>
          <ol class="change-list">
            {group.changes.map((change) => (
              <ChangeRow change={change} ctx={props.contexts.get(change.id)!} prefs={props.prefs} underDay />
            ))}
          </ol>
        </section>
      ))
    )}
    <div hx-boost="true" hx-target="#changes-feed" hx-swap="outerHTML show:#changes-feed:top">
      <Pagination
        shown={props.page.items.length}
        cursor={props.cursor}
        nextCursor={props.page.nextAfter === null ? null : String(props.page.nextAfter)}
        pageHref={(cursor) => changesHref(props.filters, cursor)}
        noun="changes"
      />
    </div>
  </div>
);
