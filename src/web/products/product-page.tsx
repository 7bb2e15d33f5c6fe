import type { Assets } from '../assets/build-assets.ts';
import type { ChangeContext } from '../changes/change-context.ts';
import { ChangeRow } from '../changes/change-row.tsx';
import type { Change } from '../../store/changes.ts';
import type { Product } from '../../store/products.ts';
import type { DisplayPrefs } from '../ui/display-prefs.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { LatestOffers, type LatestOffer } from './latest-offers.tsx';
import { PriceChart } from './price-chart.tsx';
import type { PriceSeries } from './price-history.ts';

/** One product: its identifiers, the price history chart, each business's latest offer and its latest changes. */
export const ProductPage = (props: {
  product: Product;
  series: readonly PriceSeries[];
  offers: readonly LatestOffer[];
  changes: readonly Change[];
  contexts: ReadonlyMap<number, ChangeContext>;
  allChangesHref: string;
  prefs: DisplayPrefs;
  assets: Assets;
  nonce: string;
}) => (
  <>
    <p class="muted product-ids">
      <a href="/products">All products</a>
      {props.product.sku && <> · SKU {props.product.sku}</>}
      {props.product.gtin && <> · GTIN {props.product.gtin}</>}
    </p>
    {props.offers.length === 0 ? (
      <EmptyState title="Nobody is watched for this product" hint="Add a target (a business's page for this product) through the API; its prices will appear here after the first check." />
    ) : (
      <>
        <PriceChart series={props.series} prefs={props.prefs} assets={props.assets} nonce={props.nonce} />
        <LatestOffers offers={props.offers} prefs={props.prefs} />
      </>
    )}
    <section aria-labelledby="product-changes-title">
      <h2 id="product-changes-title">Latest changes</h2>
      {props.changes.length === 0 ? (
        <p class="muted">No changes in the last 90 days.</p>
      ) : (
        <ol class="change-list card">
          {props.changes.map((change) => (
            <ChangeRow change={change} ctx={props.contexts.get(change.id)!} prefs={props.prefs} showProduct={false} />
          ))}
        </ol>
      )}
      <p>
        <a href={props.allChangesHref}>All changes of this product</a>
      </p>
    </section>
  </>
);
