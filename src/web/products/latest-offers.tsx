import type { Business } from '../../store/businesses.ts';
import type { Snapshot } from '../../store/snapshots.ts';
import type { Target } from '../../store/targets.ts';
import type { DisplayPrefs } from '../ui/display-prefs.ts';
import { formatDateTime, formatMoney, machineTime } from '../ui/format.ts';

/** A business's offer of the product as last captured, with the evidence it was read from. */
export interface LatestOffer {
  target: Target;
  business: Business;
  snapshot: Snapshot | null;
}

const money = (amount: string | null, currency: string | null, prefs: DisplayPrefs) =>
  amount === null ? '—' : currency ? formatMoney(amount, currency, prefs) : amount;

/**
 * The screenshot (served by the API with the session cookie) and a link to the stored HTML, which the API
 * serves under a sandbox CSP in its own tab: a stranger's page is never put into ours.
 */
const Evidence = ({ snapshot, business }: { snapshot: Snapshot; business: Business }) => {
  const { htmlHash, screenshotType } = snapshot.evidence;
  const shot = `/api/snapshots/${snapshot.id}/evidence/screenshot`;
  return (
    <div class="offer-evidence">
      {screenshotType && (
        <a href={shot} target="_blank" rel="noopener" class="offer-shot">
          <img src={shot} alt={`Screenshot of ${business.name}'s page`} loading="lazy" />
        </a>
      )}
      {htmlHash ? (
        <a href={`/api/snapshots/${snapshot.id}/evidence/html`} target="_blank" rel="noopener">
          Stored page<span class="visually-hidden"> of {business.name}</span> (opens sandboxed)
        </a>
      ) : (
        !screenshotType && <span class="muted">No evidence kept for this capture.</span>
      )}
    </div>
  );
};

const OfferCard = ({ offer: { target, business, snapshot }, prefs }: { offer: LatestOffer; prefs: DisplayPrefs }) => {
  const o = snapshot?.offer;
  return (
    <li class="card offer-card">
      <h3>
        {business.name}
        {business.own && <span class="badge badge-own">own</span>}
      </h3>
      {!snapshot || !o ? (
        <p class="muted">Not captured yet.</p>
      ) : (
        <>
          <p class="offer-price">
            <strong>{money(o.price, o.currency, prefs)}</strong>
            {o.regularPrice && o.regularPrice !== o.price && <s class="muted"> {money(o.regularPrice, o.currency, prefs)}</s>}
          </p>
          <p>
            {o.availability === 'OutOfStock' ? <span class="badge badge-out">Out of stock</span> : o.availability === 'InStock' ? <span class="badge badge-active">In stock</span> : <span class="muted">Stock unknown</span>}
          </p>
          {o.promotions.length > 0 && (
            <ul class="offer-promotions" aria-label="Promotions">
              {o.promotions.map((p) => (
                <li>
                  <span class="badge badge-promo">{p}</span>
                </li>
              ))}
            </ul>
          )}
          <p class="muted">
            Captured <time datetime={machineTime(snapshot.capturedAt)}>{formatDateTime(snapshot.capturedAt, prefs)}</time>
          </p>
          <Evidence snapshot={snapshot} business={business} />
        </>
      )}
      <p class="offer-url">
        <a href={target.url} rel="noopener noreferrer nofollow" target="_blank">
          {target.url}
        </a>
      </p>
    </li>
  );
};

/** Each business's latest offer of the product, own first. */
export const LatestOffers = ({ offers, prefs }: { offers: readonly LatestOffer[]; prefs: DisplayPrefs }) => (
  <section aria-labelledby="latest-offers-title">
    <h2 id="latest-offers-title">Latest offers</h2>
    <ul class="offer-grid">
      {offers.map((offer) => (
        <OfferCard offer={offer} prefs={prefs} />
      ))}
    </ul>
  </section>
);
