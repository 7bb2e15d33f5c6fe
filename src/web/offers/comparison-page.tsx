import type { ProductComparison } from '../../compare/compare-product.ts';
import type { DisplayPrefs } from '../ui/display-prefs.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { Pagination } from '../ui/pagination.tsx';
import { comparisonHref, comparisonSearch, shownCompetitors, type ComparisonQuery } from './comparison-query.ts';
import { OfferCell } from './offer-cell.tsx';

export interface Competitor {
  businessId: number;
  business: string;
}

export interface ComparisonResults {
  rows: ProductComparison[];
  total: number;
  /** Offset of the first row (the page cursor); null on the first page. */
  cursor: string | null;
  nextCursor: string | null;
  /** The competitor columns: every competitor with a target, or the one filtered for. */
  columns: Competitor[];
}

const STANDING_OPTIONS = [
  ['', 'Any standing'],
  ['undercut', 'A competitor is cheaper'],
  ['dearer', 'A competitor is dearer'],
  ['cheapest', 'We are cheapest'],
  ['only', 'Only we sell it'],
  ['compared', 'Price compared'],
] as const;
const SORT_OPTIONS = [
  ['name', 'Product name'],
  ['index-asc', 'Lowest competitor index first'],
  ['index-desc', 'Highest competitor index first'],
  ['rank', 'Our worst rank first'],
] as const;

const Select = ({ id, label, name, value, options }: { id: string; label: string; name: string; value: string; options: readonly (readonly [string, string])[] }) => (
  <div class="field">
    <label for={id}>{label}</label>
    <select id={id} name={name}>
      {options.map(([v, text]) => (
        <option value={v} selected={v === value}>
          {text}
        </option>
      ))}
    </select>
  </div>
);

/** The filter form: plain GET without script; with htmx each change swaps only the results and updates the address. */
export const ComparisonFilters = ({ query, competitors }: { query: ComparisonQuery; competitors: Competitor[] }) => (
  <form
    class="card filters"
    method="get"
    action="/comparison"
    role="search"
    aria-label="Filter the comparison"
    hx-get="/comparison"
    hx-target="#comparison-results"
    hx-push-url="true"
    hx-trigger="input delay:300ms, submit"
    hx-sync="this:replace"
  >
    <div class="filter-row">
      <div class="field field-wide">
        <label for="filter-q">Product name</label>
        <input id="filter-q" name="q" type="search" value={query.q} autocomplete="off" />
      </div>
      <Select id="filter-business" label="Competitor" name="business" value={query.business ? String(query.business) : ''} options={[['', 'All competitors'], ...competitors.map((c) => [String(c.businessId), c.business] as const)]} />
      <Select id="filter-availability" label="Competitor stock" name="availability" value={query.availability ?? ''} options={[['', 'Any'], ['InStock', 'In stock'], ['OutOfStock', 'Out of stock']]} />
      <Select id="filter-standing" label="Standing" name="standing" value={query.standing ?? ''} options={STANDING_OPTIONS} />
      <Select id="filter-flag" label="Flags" name="flag" value={query.flag ?? ''} options={[['', 'Any'], ['stale', 'Stale offer'], ['currency_mismatch', 'Other currency']]} />
      <Select id="filter-sort" label="Sort by" name="sort" value={query.sort} options={SORT_OPTIONS} />
    </div>
    <div class="filter-actions">
      <label class="check">
        <input type="checkbox" name="promo" value="1" checked={query.promo} /> Promotion running
      </label>
      <button class="button button-secondary button-small" type="submit">
        Apply
      </button>
      <a href="/comparison">Clear filters</a>
    </div>
  </form>
);

const Table = ({ results, prefs }: { results: ComparisonResults; prefs: DisplayPrefs }) => (
  <div class="table-wrap comparison-wrap" tabindex={0} role="region" aria-label="Comparison table, scrolls sideways">
    <table class="data-table comparison-table">
      <caption class="visually-hidden">Our offer and each competitor's latest offer, one product a row</caption>
      <thead>
        <tr>
          <th scope="col" class="sticky-col">
            Product
          </th>
          <th scope="col">Our offer</th>
          {results.columns.map((c) => (
            <th scope="col">{c.business}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {results.rows.map((p) => {
          const byBusiness = new Map(shownCompetitors(p, null).map((c) => [c.businessId, c]));
          return (
            <tr>
              <th scope="row" class="sticky-col">
                <span class="product-name">{p.product}</span>
                {p.ownRank !== null && (
                  <span class="muted product-rank">
                    we rank {p.ownRank} of {p.rankedOffers}
                  </span>
                )}
              </th>
              <td>{p.own ? <OfferCell offer={p.own} fields={p.fields} prefs={prefs} /> : <span class="muted">We do not sell it</span>}</td>
              {results.columns.map((col) => {
                const offer = byBusiness.get(col.businessId);
                return <td>{offer ? <OfferCell offer={offer} fields={p.fields} prefs={prefs} /> : <span class="muted">Not watched</span>}</td>;
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  </div>
);

/** What the filters swap: the count, the export link, the table and the pager. */
export const ComparisonResultsView = ({ results, query, prefs }: { results: ComparisonResults; query: ComparisonQuery; prefs: DisplayPrefs }) => (
  <div id="comparison-results" hx-boost="true" hx-target="#comparison-results" hx-push-url="true">
    <div class="results-bar">
      <p class="muted" role="status">
        {results.total === 1 ? '1 product' : `${results.total} products`}
      </p>
      <a class="button button-secondary button-small" href="/api/comparison/export?format=csv" hx-boost="false" download>
        Download all as CSV
      </a>
    </div>
    {results.rows.length === 0 ? (
      <EmptyState
        title="No product matches"
        hint="Loosen the filters or search for another name."
        action={
          <a class="button button-secondary" href="/comparison">
            Show every product
          </a>
        }
      />
    ) : (
      <Table results={results} prefs={prefs} />
    )}
    <Pagination
      shown={results.rows.length}
      cursor={results.cursor}
      nextCursor={results.nextCursor}
      pageHref={(cursor) => (cursor ? `/comparison${comparisonSearch(query, { cursor })}` : comparisonHref(query))}
      noun="products"
    />
  </div>
);

export const ComparisonPage = (props: { results: ComparisonResults; query: ComparisonQuery; competitors: Competitor[]; prefs: DisplayPrefs; empty: boolean }) =>
  props.empty ? (
    <EmptyState
      title="No offers to compare yet"
      hint="Once your own product pages and your competitors' are watched and read, each product's offers line up here."
      action={
        <a class="button button-secondary" href="/">
          Back to the overview
        </a>
      }
    />
  ) : (
    <>
      <ComparisonFilters query={props.query} competitors={props.competitors} />
      <ComparisonResultsView results={props.results} query={props.query} prefs={props.prefs} />
    </>
  );
