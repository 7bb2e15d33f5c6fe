import type { DisplayPrefs } from '../ui/display-prefs.ts';
import { formatMoney } from '../ui/format.ts';
import type { FieldErrors } from './target-form-data.ts';
import type { SelectorMatch, TryResult } from './try-target.ts';

const Value = ({ value }: { value: string | null | undefined }) => (value ? <>{value}</> : <span class="muted">not found</span>);

const Matches = ({ matches }: { matches: SelectorMatch[] }) => (
  <div class="table-wrap">
    <table class="data-table">
      <caption>What each selector matched</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Selector</th>
          <th scope="col">Matched text</th>
        </tr>
      </thead>
      <tbody>
        {matches.map((m) => (
          <tr>
            <td>{m.field}</td>
            <td>
              <code>
                {m.selector}
                {m.attribute && ` @${m.attribute}`}
              </code>
            </td>
            <td class="match-texts">
              {m.invalid ? (
                <span class="badge badge-disabled">Not valid CSS</span>
              ) : m.count === 0 ? (
                <span class="badge badge-disabled">Matched nothing</span>
              ) : (
                <>
                  <ul>
                    {m.texts.map((t) => (
                      <li>{t}</li>
                    ))}
                  </ul>
                  {m.count > m.texts.length && <span class="muted">and {m.count - m.texts.length} more</span>}
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

/** The try-it panel: the extracted offer (or why the run would fail), the selector matches, the screenshot. */
export const TryResultPanel = ({ result, prefs }: { result: TryResult; prefs: DisplayPrefs }) => {
  const offer = result.offer;
  return (
    <section class="card try-result" aria-labelledby="try-title">
      <h2 id="try-title">{result.ok ? 'Found on the page' : 'This page would fail'}</h2>
      <p class="muted">
        {result.mode === 'browser' ? 'Fetched with the browser' : 'Fetched over plain HTTP'}
        {result.httpStatus !== null && `, HTTP ${result.httpStatus}`}, in {result.durationMs} ms. Nothing is saved yet.
      </p>
      {result.failure && (
        <p class="flash flash-error">
          <code>{result.failure.code}</code> {result.failure.message}
        </p>
      )}
      {offer && (
        <dl class="offer-facts">
          <dt>Price</dt>
          <dd class="try-price">{offer.price ? (offer.currency ? formatMoney(offer.price, offer.currency, prefs) : offer.price) : <Value value={null} />}</dd>
          <dt>Regular price</dt>
          <dd>
            <Value value={offer.regularPrice && (offer.currency ? formatMoney(offer.regularPrice, offer.currency, prefs) : offer.regularPrice)} />
          </dd>
          <dt>Currency</dt>
          <dd>
            <Value value={offer.currency} />
          </dd>
          <dt>Availability</dt>
          <dd>
            <Value value={offer.availability === 'InStock' ? 'In stock' : offer.availability === 'OutOfStock' ? 'Out of stock' : null} />
          </dd>
          <dt>Name</dt>
          <dd>
            <Value value={offer.name} />
          </dd>
          <dt>Promotions</dt>
          <dd>{offer.promotions.length ? offer.promotions.join(' · ') : <Value value={null} />}</dd>
          {Object.entries(offer.fields).map(([key, field]) => (
            <>
              <dt>{key}</dt>
              <dd>
                {String(field.value)}
                {field.currency ? ` ${field.currency}` : ''} <span class="muted">(from “{field.text}”)</span>
              </dd>
            </>
          ))}
        </dl>
      )}
      {result.matches.length > 0 && <Matches matches={result.matches} />}
      {result.screenshot && <img class="try-screenshot" src={result.screenshot} alt="Screenshot of the page as the browser saw it" />}
    </section>
  );
};

const FIELD_NAMES: Partial<Record<string, string>> = {
  businessId: 'Business',
  productId: 'Product',
  url: 'Page URL',
  fetch: 'Fetch with',
  schedule: 'Schedule',
  locale: 'Page language',
  currency: 'Currency',
  minPriceDelta: 'Ignore price moves below',
  recipeMore: 'Custom fields, browser steps and waitFor',
};

/** Try-it on a form that does not pass the schema: nothing is fetched, the fields to fix are listed. */
export const TryRefused = ({ errors }: { errors: FieldErrors }) => (
  <section class="card try-result" aria-labelledby="try-title">
    <h2 id="try-title">Fix the form first</h2>
    <ul>
      {Object.entries(errors).map(([field, message]) => (
        <li>
          {FIELD_NAMES[field] ?? field}: {message}
        </li>
      ))}
    </ul>
  </section>
);
