import type { Assets } from '../assets/build-assets.ts';
import type { DisplayPrefs } from '../ui/display-prefs.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { formatDateTime, formatMoney, machineTime } from '../ui/format.ts';
import { JsonScript } from '../ui/json-script.tsx';
import type { PricePoint, PriceSeries } from './price-history.ts';

const priceText = (p: PricePoint, prefs: DisplayPrefs) => (p.price === null ? 'No price' : p.currency ? formatMoney(p.price, p.currency, prefs) : p.price);

/** The currency the chart's axis is labelled in: the own offer's, else the first one seen. */
const axisCurrency = (series: readonly PriceSeries[]) => series.flatMap((s) => s.points).find((p) => p.currency)?.currency ?? null;

/** Every capture behind the chart, offer by offer, for screen readers and for reading exact values. */
const HistoryTable = ({ series, prefs }: { series: readonly PriceSeries[]; prefs: DisplayPrefs }) => (
  <details class="history-table">
    <summary>The prices as a table</summary>
    <div class="table-wrap">
      <table class="data-table" id="price-history-table">
        <caption>Every captured price, by business, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Business</th>
            <th scope="col">Captured</th>
            <th scope="col" class="num">
              Price
            </th>
            <th scope="col">Stock</th>
            <th scope="col">Promotions</th>
          </tr>
        </thead>
        <tbody>
          {series.flatMap((s) =>
            s.points.map((p) => (
              <tr data-target-id={s.targetId}>
                <th scope="row">{s.label}</th>
                <td>
                  <time datetime={machineTime(p.at)}>{formatDateTime(p.at, prefs)}</time>
                </td>
                <td class="num">{priceText(p, prefs)}</td>
                <td>{p.outOfStock ? <span class="badge badge-out">Out of stock</span> : 'In stock'}</td>
                <td>{p.promotions > 0 ? <span class="badge badge-promo">{p.promotions === 1 ? '1 promotion' : `${p.promotions} promotions`}</span> : '—'}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  </details>
);

/**
 * The price history of the own offer and every competitor's on one uPlot chart (drawn by client/product-chart.ts
 * from the JSON beside it), with the same captures in a table beneath.
 */
export const PriceChart = (props: { series: readonly PriceSeries[]; prefs: DisplayPrefs; assets: Assets; nonce: string }) => {
  const captures = props.series.reduce((n, s) => n + s.points.length, 0);
  const currencies = [...new Set(props.series.flatMap((s) => s.points.flatMap((p) => (p.currency ? [p.currency] : []))))];
  if (captures === 0)
    return <EmptyState title="No prices captured yet" hint="The chart fills in once the offers of this product have been checked. Add a target for it, or run a check now." />;
  return (
    <section class="card price-chart" aria-labelledby="price-history-title">
      <h2 id="price-history-title">Price history</h2>
      <p class="muted chart-key">
        {captures} captures of {props.series.length} {props.series.length === 1 ? 'offer' : 'offers'}.{' '}
        <span class="key-out" aria-hidden="true">
          ×
        </span>{' '}
        out of stock,{' '}
        <span class="key-promo" aria-hidden="true">
          ○
        </span>{' '}
        promotion running.
      </p>
      {currencies.length > 1 && (
        <p class="flash flash-info">
          These offers are in {currencies.join(', ')}: the chart draws the amounts as captured, unconverted, on the {currencies[0]} axis.
        </p>
      )}
      <div id="price-chart" class="price-chart-canvas" role="img" aria-label="Price history chart; the table below has the same prices."></div>
      <JsonScript id="price-history-data" data={{ currency: axisCurrency(props.series), series: props.series }} />
      <link rel="stylesheet" href={props.assets.pageAsset('product-chart', 'css')} />
      <script type="module" src={props.assets.pageAsset('product-chart', 'js')} nonce={props.nonce}></script>
      <HistoryTable series={props.series} prefs={props.prefs} />
    </section>
  );
};
