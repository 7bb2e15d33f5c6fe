import type { Child } from 'hono/jsx';
import type { DisplayPrefs } from '../ui/display-prefs.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { formatDateTime, formatMoney, machineTime } from '../ui/format.ts';
import { comparisonHref } from './comparison-query.ts';
import { fieldLabel, formatIndex, kindLabel } from './offer-format.ts';
import { failureCode, failureMessage, RECENT_HOURS, type OverviewData } from './overview-data.ts';

/** An amount of a price field with the offer's currency; anything else as recorded. */
const changedValue = (field: string, value: string | null, currency: string | null, prefs: DisplayPrefs) =>
  value === null ? '—' : currency && (field === 'price' || field === 'regularPrice') ? formatMoney(value, currency, prefs) : value;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const changesHref = (params: Record<string, string>) => `/changes?${new URLSearchParams(params).toString()}`;

/** One headline figure: the count is the link to the list behind it. */
const Figure = ({ value, label, href, note }: { value: number; label: [one: string, many: string]; href: string; note?: Child }) => (
  <li class="figure">
    <a href={href} class="figure-link">
      <span class="figure-value">{value}</span> <span class="figure-label">{value === 1 ? label[0] : label[1]}</span>
    </a>
    {note && <span class="figure-note muted">{note}</span>}
  </li>
);

const Headline = ({ data }: { data: OverviewData }) => {
  const s = data.summary;
  return (
    <section aria-labelledby="standing-title">
      <h2 id="standing-title">Where our offer stands</h2>
      <ul class="figures">
        <Figure value={s.cheapestOn} label={['product where we are cheapest', 'products where we are cheapest']} href={comparisonHref({ standing: 'cheapest' })} note={`of ${s.pricedProducts} with our price`} />
        <Figure value={data.undercut} label={['product where a competitor undercuts us', 'products where a competitor undercuts us']} href={comparisonHref({ standing: 'undercut' })} />
        <Figure value={data.onlySeller} label={['product only we sell in stock', 'products only we sell in stock']} href={comparisonHref({ standing: 'only' })} />
        <Figure value={data.promotionProducts} label={['product with a promotion running', 'products with a promotion running']} href={comparisonHref({ promo: true })} />
        <Figure value={s.staleOffers} label={['stale offer', 'stale offers']} href={comparisonHref({ flag: 'stale' })} note="not read again recently" />
        <Figure value={s.currencyMismatches} label={['offer in another currency', 'offers in another currency']} href={comparisonHref({ flag: 'currency_mismatch' })} note="not compared without a rate" />
      </ul>
    </section>
  );
};

const IndexTable = ({ data, prefs }: { data: OverviewData; prefs: DisplayPrefs }) => (
  <section aria-labelledby="index-title">
    <h2 id="index-title">Price index per competitor</h2>
    <p class="muted">
      Their price as a percentage of ours, averaged over the products both of us price: 100 is parity, below 100 they are cheaper. Cheaper and
      dearer count the products where they are cheaper or dearer than us.
    </p>
    {data.summary.competitors.length === 0 ? (
      <p>No competitor price can be set against ours yet.</p>
    ) : (
      <div class="table-wrap">
        <table class="data-table index-table">
          <caption class="visually-hidden">Average price index of each competitor</caption>
          <thead>
            <tr>
              <th scope="col">Competitor</th>
              <th scope="col" class="num">Index</th>
              <th scope="col" class="num">Compared</th>
              <th scope="col" class="num">Cheaper</th>
              <th scope="col" class="num">Dearer</th>
            </tr>
          </thead>
          <tbody>
            {data.summary.competitors.map((c) => (
              <tr>
                <th scope="row">{c.business}</th>
                <td class="num">
                  <span class={`index ${c.averagePriceIndex !== null && c.averagePriceIndex < 100 ? 'index-below' : ''}`}>
                    {c.averagePriceIndex === null ? '—' : formatIndex(c.averagePriceIndex, prefs)}
                  </span>
                </td>
                <td class="num">
                  <a href={comparisonHref({ business: c.businessId, standing: 'compared' })} aria-label={`${c.comparedProducts} products compared with ${c.business}`}>
                    {c.comparedProducts}
                  </a>
                </td>
                <td class="num">
                  <a href={comparisonHref({ business: c.businessId, standing: 'undercut' })} aria-label={`${c.cheaperThanOwn} products where ${c.business} is cheaper than us`}>
                    {c.cheaperThanOwn}
                  </a>
                </td>
                <td class="num">
                  <a href={comparisonHref({ business: c.businessId, standing: 'dearer' })} aria-label={`${c.dearerThanOwn} products where ${c.business} is dearer than us`}>
                    {c.dearerThanOwn}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
  </section>
);

const Promotions = ({ data }: { data: OverviewData }) => (
  <section class="card" aria-labelledby="promotions-title">
    <h2 id="promotions-title">Promotions running now</h2>
    {data.promotions.length === 0 ? (
      <p class="muted">No current offer shows a promotion.</p>
    ) : (
      <>
        <ul class="plain-list">
          {data.promotions.map((p) => (
            <li>
              <span>
                <strong>{p.own ? `${p.business} (us)` : p.business}</strong> · {p.product}
              </span>
              <span class="promo-text">{p.promotions.join(' · ')}</span>
            </li>
          ))}
        </ul>
        <a href={comparisonHref({ promo: true })}>{plural(data.promotionProducts, 'product', 'products')} with a promotion</a>
      </>
    )}
  </section>
);

const RecentChanges = ({ data, prefs }: { data: OverviewData; prefs: DisplayPrefs }) => {
  const { since, total, capped, byKind, latest } = data.recent;
  const kinds = Object.entries(byKind).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  return (
    <section class="card" aria-labelledby="changes-title">
      <h2 id="changes-title">Changes in the last {RECENT_HOURS} hours</h2>
      {total === 0 ? (
        <p class="muted">No offer changed in the last {RECENT_HOURS} hours.</p>
      ) : (
        <>
          <p>
            <a href={changesHref({ since })}>{capped ? `More than ${total} changes` : plural(total, 'change', 'changes')}</a>
          </p>
          <ul class="chips" aria-label="Changes by kind">
            {kinds.map(([kind, count]) => (
              <li>
                <a class="chip" href={changesHref({ kind, since })}>
                  {kindLabel(kind)}: {count}
                </a>
              </li>
            ))}
          </ul>
          <h3 class="subhead">Latest</h3>
          <ul class="plain-list">
            {latest.map((ch) => {
              const label = data.labels.get(ch.targetId);
              return (
                <li>
                  <a href={changesHref({ targetId: String(ch.targetId) })}>{label ? `${label.business} · ${label.product}` : `Target ${ch.targetId}`}</a>
                  <span class="change-line">
                    {fieldLabel(ch.field)}: {changedValue(ch.field, ch.old, label?.currency ?? null, prefs)} → {changedValue(ch.field, ch.new, label?.currency ?? null, prefs)}
                    {ch.deltaPercent !== null && ` (${ch.deltaPercent > 0 ? '+' : '−'}${formatIndex(Math.abs(ch.deltaPercent), prefs)}%)`}
                  </span>
                  <time class="muted change-time" datetime={machineTime(ch.detectedAt)}>
                    {formatDateTime(ch.detectedAt, prefs)}
                  </time>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
};

const BrokenTargets = ({ data }: { data: OverviewData }) => {
  const { total, byCode, shown } = data.broken;
  return (
    <section class="card" aria-labelledby="broken-title">
      <h2 id="broken-title">Broken targets</h2>
      {total === 0 ? (
        <p class="muted">Every target was read successfully.</p>
      ) : (
        <>
          <p>
            <a href="/targets?health=broken">{plural(total, 'broken target', 'broken targets')}</a>
          </p>
          <ul class="chips" aria-label="Broken targets by failure code">
            {byCode.map((c) => (
              <li>
                <a class="chip chip-bad" href="/targets?health=broken">
                  <code>{c.code}</code>: {c.count}
                </a>
              </li>
            ))}
          </ul>
          <ul class="plain-list">
            {shown.map((t) => {
              const label = data.labels.get(t.id);
              return (
                <li>
                  <strong>{label ? `${label.business} · ${label.product}` : t.url}</strong>
                  <span class="change-line">
                    <code>{failureCode(t.healthReason)}</code> {failureMessage(t.healthReason)}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
};

/** `/`: where the own offer stands, what runs and changed, what is broken; every count leads to its list. */
export const OverviewPage = ({ data, prefs, canWrite }: { data: OverviewData; prefs: DisplayPrefs; canWrite: boolean }) =>
  data.fresh ? (
    <EmptyState
      title="Nothing is watched yet"
      hint={
        canWrite
          ? 'Add your own shop and your competitors, then a target for each product page to watch. Prices, promotions and changes show up here after the first check.'
          : 'Nobody has added competitors and their product pages yet. Ask a marketer to add them; their prices show up here after the first check.'
      }
      action={
        canWrite && (
          <a class="button" href="/targets/new">
            Add a target
          </a>
        )
      }
    />
  ) : (
    <>
      <Headline data={data} />
      <IndexTable data={data} prefs={prefs} />
      <div class="overview-grid">
        <Promotions data={data} />
        <RecentChanges data={data} prefs={prefs} />
        <BrokenTargets data={data} />
      </div>
    </>
  );

/** `/` for a role that does not read offers (auditors): where their work is instead. */
export const NoOffersForRole = () => (
  <EmptyState title="Your work is in the audits" hint="Competitor offers are for marketers and viewers. Your visits and their questionnaires are in the audits area." />
);
