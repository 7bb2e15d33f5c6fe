import type { Page } from '../../store/paging.ts';
import type { Run } from '../../store/runs.ts';
import type { Target } from '../../store/targets.ts';
import { CSRF_FIELD } from '../security/csrf.ts';
import type { DisplayPrefs } from '../ui/display-prefs.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { formatDateTime, machineTime } from '../ui/format.ts';
import { Pagination } from '../ui/pagination.tsx';

/** The list's filters as they are in the query string (`/targets?health=broken`). */
export interface TargetFilters {
  businessId?: number;
  productId?: number;
  health?: 'ok' | 'broken';
  enabled?: boolean;
}

export interface Option {
  id: number;
  name: string;
}

/** `/targets?…` with the filters and, when given, the page cursor. */
export function targetsHref(filters: TargetFilters, cursor: string | null = null): string {
  const query = new URLSearchParams();
  if (filters.businessId) query.set('businessId', String(filters.businessId));
  if (filters.productId) query.set('productId', String(filters.productId));
  if (filters.health) query.set('health', filters.health);
  if (filters.enabled !== undefined) query.set('enabled', String(filters.enabled));
  if (cursor) query.set('cursor', cursor);
  const text = query.toString();
  return text ? `/targets?${text}` : '/targets';
}

/** A broken target's reason is `code: message` (see scheduler/record-outcome.ts). */
function splitReason(reason: string | null): { code: string | null; message: string } {
  const match = reason ? /^([a-z0-9_]+): (.*)$/s.exec(reason) : null;
  return match ? { code: match[1]!, message: match[2]! } : { code: null, message: reason ?? 'no reason recorded' };
}

const When = ({ at, prefs, none }: { at: string | null; prefs: DisplayPrefs; none: string }) =>
  at ? <time datetime={machineTime(at)}>{formatDateTime(at, prefs)}</time> : <span class="muted">{none}</span>;

const Health = ({ target, prefs }: { target: Target; prefs: DisplayPrefs }) => {
  if (target.health === 'ok') return <span class="badge badge-active">OK</span>;
  const { code, message } = splitReason(target.healthReason);
  return (
    <div class="health-broken">
      <span class="badge badge-disabled">Broken</span> {code && <code>{code}</code>}
      <p class="health-reason">{message}</p>
      <p class="muted">
        {target.consecutiveFailures === 1 ? '1 failed check' : `${target.consecutiveFailures} failed checks in a row`}; last success:{' '}
        <When at={target.lastSuccessAt} prefs={prefs} none="never" />
      </p>
    </div>
  );
};

/** The newest finished run: when, and how it ended. */
const LastRun = ({ run, prefs }: { run: Run | undefined; prefs: DisplayPrefs }) =>
  !run ? (
    <span class="muted">not run yet</span>
  ) : (
    <>
      <When at={run.finishedAt} prefs={prefs} none="—" />
      <span class="last-run-result">{run.status === 'succeeded' ? 'succeeded' : `failed${run.code ? `: ${run.code}` : ''}`}</span>
    </>
  );

const Filters = ({ filters, businesses, products }: { filters: TargetFilters; businesses: Option[]; products: Option[] }) => (
  <form
    method="get"
    action="/targets"
    class="card filters"
    aria-label="Filter targets"
    hx-get="/targets"
    hx-trigger="change, submit"
    hx-target="#targets-results"
    hx-select="#targets-results"
    hx-swap="outerHTML"
    hx-push-url="true"
  >
    <div class="form-row">
      <div class="field">
        <label for="filter-business">Business</label>
        <select id="filter-business" name="businessId">
          <option value="">All businesses</option>
          {businesses.map((b) => (
            <option value={String(b.id)} selected={filters.businessId === b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-product">Product</label>
        <select id="filter-product" name="productId">
          <option value="">All products</option>
          {products.map((p) => (
            <option value={String(p.id)} selected={filters.productId === p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-health">Health</label>
        <select id="filter-health" name="health">
          <option value="">Any health</option>
          <option value="ok" selected={filters.health === 'ok'}>
            OK
          </option>
          <option value="broken" selected={filters.health === 'broken'}>
            Broken
          </option>
        </select>
      </div>
      <div class="field">
        <label for="filter-enabled">Checks</label>
        <select id="filter-enabled" name="enabled">
          <option value="">Enabled and disabled</option>
          <option value="true" selected={filters.enabled === true}>
            Enabled
          </option>
          <option value="false" selected={filters.enabled === false}>
            Disabled
          </option>
        </select>
      </div>
    </div>
    <button class="button button-secondary" type="submit">
      Show targets
    </button>
  </form>
);

const TargetRow = ({ target, lastRun, names, prefs, canWrite }: { target: Target; lastRun: Run | undefined; names: Names; prefs: DisplayPrefs; canWrite: boolean }) => (
  <tr>
    {canWrite && (
      <td>
        <input type="checkbox" name="ids" value={String(target.id)} id={`pick-${target.id}`} aria-label={`Select target ${target.id}`} />
      </td>
    )}
    <td class="target-cell" data-label="Target">
      <span class="target-title">
        {names.business.get(target.businessId) ?? `Business ${target.businessId}`} · {names.product.get(target.productId) ?? `Product ${target.productId}`}
      </span>
      <a class="target-url" href={target.url} rel="noreferrer noopener" target="_blank">
        {target.url}
      </a>
      {!target.enabled && <span class="badge badge-invited">Disabled</span>}
    </td>
    <td data-label="Health">
      <Health target={target} prefs={prefs} />
    </td>
    <td data-label="Last run">
      <LastRun run={lastRun} prefs={prefs} />
    </td>
    <td data-label="Next check">
      <When at={target.enabled ? target.nextRunAt : null} prefs={prefs} none={target.enabled ? 'not planned yet' : 'disabled'} />
    </td>
    {canWrite && (
      <td class="actions">
        <div class="row-actions">
          <a class="button button-secondary button-small" href={`/targets/${target.id}/edit`} aria-label={`Edit target ${target.id}`}>
            Edit
          </a>
          <button class="button button-small" type="submit" formaction={`/targets/${target.id}/run`} aria-label={`Run target ${target.id} now`}>
            Run now
          </button>
        </div>
      </td>
    )}
  </tr>
);

interface Names {
  business: Map<number, string>;
  product: Map<number, string>;
}

export interface TargetsPageProps {
  targets: Page<Target>;
  /** The newest finished run of each listed target, by target id. */
  lastRuns: Map<number, Run>;
  names: Names;
  filters: TargetFilters;
  businesses: Option[];
  products: Option[];
  cursor: string | null;
  canWrite: boolean;
  csrfToken: string;
  prefs: DisplayPrefs;
}

const filtered = (f: TargetFilters) => Object.values(f).some((v) => v !== undefined);

/** `/targets`: every target's health, its last run and next check, filters, and (for writers) bulk enable/disable. */
export const TargetsPage = (props: TargetsPageProps) => {
  const { targets, canWrite } = props;
  const table = (
    <div class="table-wrap">
      <table class="data-table stack-table targets-table">
        <caption class="visually-hidden">Targets with their health, last run and next check</caption>
        <thead>
          <tr>
            {canWrite && (
              <th scope="col">
                <span class="visually-hidden">Select</span>
              </th>
            )}
            <th scope="col">Target</th>
            <th scope="col">Health</th>
            <th scope="col">Last run</th>
            <th scope="col">Next check</th>
            {canWrite && (
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {targets.items.map((target) => (
            <TargetRow target={target} lastRun={props.lastRuns.get(target.id)} names={props.names} prefs={props.prefs} canWrite={canWrite} />
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <>
      {canWrite && (
        <p>
          <a class="button" href="/targets/new">
            Add a target
          </a>
        </p>
      )}
      <Filters filters={props.filters} businesses={props.businesses} products={props.products} />
      <div id="targets-results">
        {targets.items.length === 0 ? (
          filtered(props.filters) ? (
            <EmptyState title="No target matches these filters" hint="Choose other filters, or show all targets." action={<a href="/targets">Show all targets</a>} />
          ) : (
            <EmptyState
              title="No targets yet"
              hint={canWrite ? 'Add the first competitor page to watch; try it before you save it.' : 'A marketer adds the competitor pages to watch.'}
              action={
                canWrite ? (
                  <a class="button" href="/targets/new">
                    Add a target
                  </a>
                ) : undefined
              }
            />
          )
        ) : canWrite ? (
          <form method="post" action="/targets/bulk" aria-label="Targets">
            <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
            <div class="bulk-bar">
              <span class="muted">With the selected targets:</span>
              <button class="button button-secondary button-small" type="submit" name="action" value="enable">
                Enable
              </button>
              <button class="button button-danger button-small" type="submit" name="action" value="disable">
                Disable
              </button>
            </div>
            {table}
          </form>
        ) : (
          table
        )}
        <Pagination
          shown={targets.items.length}
          cursor={props.cursor}
          nextCursor={targets.nextAfter === null ? null : String(targets.nextAfter)}
          pageHref={(cursor) => targetsHref(props.filters, cursor)}
          noun="targets"
        />
      </div>
    </>
  );
};
