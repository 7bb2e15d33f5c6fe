import { Hono, type Context } from 'hono';
import type { ProductComparison } from '../../compare/compare-product.ts';
import { comparedProducts, type ComparisonOptions } from '../../compare/comparisons.ts';
import type { Config } from '../../config.ts';
import { can } from '../../permissions.ts';
import type { Store } from '../../store/store.ts';
import { requirePermission } from '../auth/page-access.ts';
import { renderPage } from '../layout/render-page.tsx';
import type { WebEnv } from '../web-env.ts';
import { ComparisonPage, ComparisonResultsView, type Competitor, type ComparisonResults } from './comparison-page.tsx';
import { comparisonSearch, parseComparisonQuery, selectComparisons, type ComparisonQuery } from './comparison-query.ts';
import { overviewData } from './overview-data.ts';
import { NoOffersForRole, OverviewPage } from './overview-page.tsx';

const PAGE_SIZE = 20;

/** Every competitor that has a target, in id order: the comparison's columns and its business filter. */
function competitorsOf(comparisons: readonly ProductComparison[]): Competitor[] {
  const byId = new Map<number, string>();
  for (const p of comparisons) for (const c of p.competitors) byId.set(c.businessId, c.business);
  return [...byId].sort(([a], [b]) => a - b).map(([businessId, business]) => ({ businessId, business }));
}

function resultsOf(all: readonly ProductComparison[], query: ComparisonQuery, cursor: string | undefined, competitors: Competitor[]): ComparisonResults {
  const rows = selectComparisons(all, query);
  const offset = Math.max(0, Math.trunc(Number(cursor)) || 0);
  const next = offset + PAGE_SIZE;
  return {
    rows: rows.slice(offset, next),
    total: rows.length,
    cursor: offset > 0 ? String(offset) : null,
    nextCursor: next < rows.length ? String(next) : null,
    columns: query.business === null ? competitors : competitors.filter((c) => c.businessId === query.business),
  };
}

/** An htmx request for the results only (filters, paging); a history restore wants the whole page. */
const wantsResults = (c: Context) => c.req.header('hx-request') === 'true' && c.req.header('hx-target') === 'comparison-results' && !c.req.header('hx-history-restore-request');

/** The marketer's offer pages: the overview at `/` (every role lands there) and the comparison table; offers need `offers.read`. */
export function offersRoutes(store: Store, config: Config) {
  const options: ComparisonOptions = { rates: {}, staleAfter: config.staleAfter };
  const routes = new Hono<WebEnv>();
  routes.use('/comparison', requirePermission('offers.read'));

  routes.get('/', async (c) => {
    const role = c.var.person!.role;
    if (!can(role, 'offers.read')) return renderPage(c, { title: 'Overview', body: <NoOffersForRole /> });
    const data = await overviewData(store, await comparedProducts(store, options));
    return renderPage(c, { title: 'Overview', body: <OverviewPage data={data} prefs={c.var.prefs} canWrite={can(role, 'offers.write')} /> });
  });

  routes.get('/comparison', async (c) => {
    const all = await comparedProducts(store, options);
    const query = parseComparisonQuery(c.req.query());
    const competitors = competitorsOf(all);
    const results = resultsOf(all, query, c.req.query('cursor'), competitors);
    if (wantsResults(c)) {
      // the address bar shows the filters as a link would carry them, without the form's empty fields
      c.header('HX-Push-Url', `/comparison${comparisonSearch(query, results.cursor ? { cursor: results.cursor } : {})}`);
      return c.html(<ComparisonResultsView results={results} query={query} prefs={c.var.prefs} />);
    }
    return renderPage(c, {
      title: 'Comparison',
      body: <ComparisonPage results={results} query={query} competitors={competitors} prefs={c.var.prefs} empty={all.length === 0} />,
    });
  });

  return routes;
}
