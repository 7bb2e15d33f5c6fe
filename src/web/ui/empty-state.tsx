import type { Child } from 'hono/jsx';

/** What an empty list shows: what would be here, and what to do next (a link or a button as `action`). */
export const EmptyState = ({ title, hint, action }: { title: string; hint: string; action?: Child }) => (
  <section class="empty-state" aria-label={title}>
    <h2>{title}</h2>
    <p>{hint}</p>
    {action}
  </section>
);
