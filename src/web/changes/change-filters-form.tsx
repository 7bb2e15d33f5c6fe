import { CHANGE_KINDS } from '../../compare/diff-snapshots.ts';
import type { Business } from '../../store/businesses.ts';
import type { Product } from '../../store/products.ts';
import type { PERIODS} from './change-filters.ts';
import { type ChangeFilters } from './change-filters.ts';
import { fieldLabel, kindLabel } from './change-row.tsx';

const STANDARD_FIELDS = ['price', 'regularPrice', 'availability', 'promotions', 'name', 'currency'];
const PERIOD_LABELS: Record<keyof typeof PERIODS, string> = { '1d': 'Last 24 hours', '7d': 'Last 7 days', '30d': 'Last 30 days', '90d': 'Last 90 days' };

const Select = (props: { id: string; label: string; name: string; value: string | undefined; any: string; options: { value: string; label: string }[] }) => (
  <div class="field">
    <label for={props.id}>{props.label}</label>
    <select id={props.id} name={props.name}>
      <option value="">{props.any}</option>
      {props.options.map((o) => (
        <option value={o.value} selected={o.value === props.value}>
          {o.label}
        </option>
      ))}
    </select>
  </div>
);

/**
 * The feed's filters: a plain GET form (works without script) that htmx sends on every change, swapping only
 * the feed; the server answers with the canonical address (HX-Push-Url) so the URL always names the filters.
 */
export const ChangeFiltersForm = (props: { filters: ChangeFilters; businesses: Business[]; products: Product[] }) => {
  const f = props.filters;
  const fields = f.field && !STANDARD_FIELDS.includes(f.field) ? [...STANDARD_FIELDS, f.field] : STANDARD_FIELDS;
  return (
    <form class="card filters" method="get" action="/changes" hx-get="/changes" hx-target="#changes-feed" hx-swap="outerHTML" hx-trigger="change, submit" aria-label="Filter changes">
      <div class="filter-grid">
        <Select id="filter-business" label="Business" name="businessId" value={f.businessId?.toString()} any="All businesses" options={props.businesses.map((b) => ({ value: String(b.id), label: b.own ? `${b.name} (own)` : b.name }))} />
        <Select id="filter-product" label="Product" name="productId" value={f.productId?.toString()} any="All products" options={props.products.map((p) => ({ value: String(p.id), label: p.name }))} />
        <Select id="filter-field" label="Field" name="field" value={f.field} any="All fields" options={fields.map((v) => ({ value: v, label: fieldLabel(v) }))} />
        <Select id="filter-kind" label="Kind" name="kind" value={f.kind} any="All kinds" options={CHANGE_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))} />
        <Select id="filter-period" label="Period" name="period" value={f.period} any="Any time" options={Object.entries(PERIOD_LABELS).map(([value, label]) => ({ value, label }))} />
      </div>
      <div class="filter-actions">
        <button class="button" type="submit">
          Show changes
        </button>
        <a href="/changes">Clear filters</a>
        <span class="htmx-indicator muted" aria-hidden="true">
          Loading…
        </span>
      </div>
    </form>
  );
};
