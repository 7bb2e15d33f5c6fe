import { Hono } from 'hono';
import { renderPage } from '../layout/render-page.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import type { WebEnv } from '../web-env.ts';

/** `/`: where a person lands after signing in. The marketer's overview (issue #10) will fill it. */
export function overviewRoutes() {
  return new Hono<WebEnv>().get('/', (c) =>
    renderPage(c, {
      title: 'Overview',
      body: (
        <EmptyState
          title="Nothing to show here yet"
          hint="Offers, changes and comparisons will appear on this page. Until then the JSON API has them all."
          action={
            <a class="button" href="/api/docs">
              Open the API reference
            </a>
          }
        />
      ),
    }),
  );
}
