import type { CompetitorView, FieldDefinition, OfferView } from '../../compare/compare-product.ts';
import type { Standing } from '../../compare/field-verdict.ts';
import type { DisplayPrefs } from '../ui/display-prefs.ts';
import { formatMoney } from '../ui/format.ts';
import { formatIndex } from './offer-format.ts';

const ISSUE_LABEL = { stale: 'Stale', currency_mismatch: 'Other currency', no_price: 'No price found' } as const;

/** Our standing against this competitor on a term, in words (never colour alone). */
const STANDING_LABEL: Record<Exclude<Standing, null>, string> = { better: 'ours better', worse: 'ours worse', equal: 'same', different: 'differs' };

/** On price, from the competitor's side: our 'worse' means they undercut us. */
const PRICE_LABEL: Record<Exclude<Standing, null>, { text: string; tone: string }> = {
  worse: { text: 'cheaper than us', tone: 'bad' },
  better: { text: 'dearer than us', tone: 'good' },
  equal: { text: 'same price', tone: 'neutral' },
  different: { text: 'differs', tone: 'neutral' },
};

const tone = (s: Exclude<Standing, null>) => (s === 'better' ? 'good' : s === 'worse' ? 'bad' : 'neutral');

const Money = ({ amount, currency, prefs }: { amount: string; currency: string | null; prefs: DisplayPrefs }) => (
  <>{currency ? formatMoney(amount, currency, prefs) : amount}</>
);

const Terms = ({ offer, fields, standings }: { offer: OfferView; fields: readonly FieldDefinition[]; standings?: Record<string, Standing> }) => {
  const shown = fields.filter((f) => offer.fields[f.key] !== undefined);
  if (shown.length === 0) return null;
  return (
    <dl class="terms">
      {shown.map((f) => {
        const standing = standings?.[f.key] ?? null;
        return (
          <div>
            <dt>{f.label ?? f.key}:</dt>
            <dd>
              {offer.fields[f.key]!.text}
              {standing && ' '}
              {standing && <span class={`mark mark-${tone(standing)}`}>{STANDING_LABEL[standing]}</span>}
            </dd>
          </div>
        );
      })}
    </dl>
  );
};

/** Everything one offer of one product says: price (and index for a competitor), discount, stock, promotions, terms, flags. */
export const OfferCell = ({ offer, fields, prefs }: { offer: OfferView | CompetitorView; fields: readonly FieldDefinition[]; prefs: DisplayPrefs }) => {
  if (offer.issue === 'no_offer') return <span class="muted">Not read yet</span>;
  const c = 'priceIndex' in offer ? offer : null;
  return (
    <div class="offer">
      <div class="offer-price">
        {offer.price !== null ? <Money amount={offer.price} currency={offer.currency} prefs={prefs} /> : <span class="muted">—</span>}
        {offer.issue && offer.issue in ISSUE_LABEL && ' '}
        {offer.issue && offer.issue in ISSUE_LABEL && <span class="flag">{ISSUE_LABEL[offer.issue as keyof typeof ISSUE_LABEL]}</span>}
      </div>
      {c && c.priceIndex !== null && (
        <div class="offer-index">
          Index {formatIndex(c.priceIndex, prefs)}
          {c.ownPrice && ' '}
          {c.ownPrice && <span class={`mark mark-${PRICE_LABEL[c.ownPrice].tone}`}>{PRICE_LABEL[c.ownPrice].text}</span>}
        </div>
      )}
      {offer.regularPrice !== null && offer.discount !== null && (
        <div class="muted">
          was <Money amount={offer.regularPrice} currency={offer.currency} prefs={prefs} />
          {offer.discountPercent !== null && ` (−${formatIndex(offer.discountPercent, prefs)}%)`}
        </div>
      )}
      {offer.availability && <div class={offer.availability === 'OutOfStock' ? 'stock-out' : 'stock-in'}>{offer.availability === 'OutOfStock' ? 'Out of stock' : 'In stock'}</div>}
      {offer.promotions.length > 0 && (
        <ul class="promos" aria-label="Promotions">
          {offer.promotions.map((p) => (
            <li>{p}</li>
          ))}
        </ul>
      )}
      <Terms offer={offer} fields={fields} standings={c?.ownFields} />
    </div>
  );
};
