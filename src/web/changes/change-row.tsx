import type { Change } from '../../store/changes.ts';
import type { Snapshot } from '../../store/snapshots.ts';
import type { DisplayPrefs } from '../ui/display-prefs.ts';
import { formatDateTime, formatMoney, formatTime, machineTime } from '../ui/format.ts';
import type { ChangeContext } from './change-context.ts';
import { WordDiff } from './word-diff.tsx';

const FIELD_LABELS: Record<string, string> = {
  price: 'Price',
  regularPrice: 'Regular price',
  currency: 'Currency',
  availability: 'Stock',
  promotions: 'Promotion',
  name: 'Name',
};

export const fieldLabel = (field: string) => FIELD_LABELS[field] ?? (field.startsWith('fields.') ? field.slice('fields.'.length) : field);

export const kindLabel = (kind: string) => {
  const words = kind.replaceAll('_', ' ');
  return words[0]!.toUpperCase() + words.slice(1);
};

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Name, promotions and free-text recipe fields read best as a word diff; amounts, stock and currency as old → new. */
const isText = (c: Change) =>
  c.field === 'name' || c.field === 'promotions' || (c.field.startsWith('fields.') && c.delta === null && !(DECIMAL.test(c.old ?? '') && DECIMAL.test(c.new ?? '')));

const AVAILABILITY: Record<string, string> = { InStock: 'In stock', OutOfStock: 'Out of stock' };

/** The currency an amount of the change is in, from the snapshot it was read from. */
function currencyOf(c: Change, snapshot: Snapshot | null): string | null {
  if (!snapshot) return null;
  if (c.field === 'price' || c.field === 'regularPrice') return snapshot.offer.currency;
  return c.field.startsWith('fields.') ? (snapshot.offer.fields[c.field.slice('fields.'.length)]?.currency ?? null) : null;
}

function valueText(c: Change, value: string | null, snapshot: Snapshot | null, prefs: DisplayPrefs): string {
  if (value === null) return '—';
  if (c.field === 'availability') return AVAILABILITY[value] ?? value;
  const currency = currencyOf(c, snapshot);
  return currency && DECIMAL.test(value) ? formatMoney(value, currency, prefs) : value;
}

const signed = (text: string, negative: boolean) => (negative ? text.replace(/^-/, '−') : `+${text}`);

/** "+1,50 zł (+3.2%)" for a move of an amount. */
function deltaText(c: Change, ctx: ChangeContext, prefs: DisplayPrefs): string | null {
  if (c.delta === null) return null;
  const negative = c.delta.startsWith('-');
  const currency = currencyOf(c, ctx.snapshot);
  const amount = signed(currency ? formatMoney(c.delta, currency, prefs) : c.delta, negative);
  if (c.deltaPercent === null) return amount;
  const percent = new Intl.NumberFormat(prefs.locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(c.deltaPercent);
  return `${amount} (${percent.replace('-', '−')}%)`;
}

/** Links to the stored page and the screenshot of one snapshot, where they were kept. */
const Evidence = ({ label, snapshot }: { label: string; snapshot: Snapshot }) => {
  const { htmlHash, screenshotType } = snapshot.evidence;
  if (!htmlHash && !screenshotType) return <span class="muted">{label}: no evidence kept</span>;
  return (
    <span>
      {label}:{' '}
      {htmlHash && (
        <a href={`/api/snapshots/${snapshot.id}/evidence/html`} target="_blank" rel="noopener">
          page<span class="visually-hidden"> {label.toLowerCase()} (snapshot {snapshot.id})</span>
        </a>
      )}
      {htmlHash && screenshotType && ' · '}
      {screenshotType && (
        <a href={`/api/snapshots/${snapshot.id}/evidence/screenshot`} target="_blank" rel="noopener">
          screenshot<span class="visually-hidden"> {label.toLowerCase()} (snapshot {snapshot.id})</span>
        </a>
      )}
    </span>
  );
};

/** One change: when (the time only when it is listed under its day), whose offer, which field, old → new with the move (or a word diff), and both snapshots' evidence. */
export const ChangeRow = (props: { change: Change; ctx: ChangeContext; prefs: DisplayPrefs; showProduct?: boolean; underDay?: boolean }) => {
  const { change: c, ctx, prefs, showProduct = true, underDay = false } = props;
  const delta = deltaText(c, ctx, prefs);
  return (
    <li class="change" data-change-id={c.id}>
      <div class="change-head">
        <time datetime={machineTime(c.detectedAt)}>{underDay ? formatTime(c.detectedAt, prefs) : formatDateTime(c.detectedAt, prefs)}</time>
        <span class="change-who">
          <strong>{ctx.business.name}</strong>
          {ctx.business.own && <span class="badge badge-own">own</span>}
          {showProduct && (
            <>
              {' · '}
              <a href={`/products/${ctx.product.id}`}>{ctx.product.name}</a>
            </>
          )}
        </span>
        <span class={`badge kind kind-${c.kind}`}>{kindLabel(c.kind)}</span>
      </div>
      <div class="change-body">
        <span class="change-field">{fieldLabel(c.field)}</span>
        {isText(c) ? (
          <WordDiff old={c.old} next={c.new} />
        ) : (
          <span class="change-values">
            <span class="old">{valueText(c, c.old, ctx.previous, prefs)}</span>
            <span aria-hidden="true"> → </span>
            <span class="visually-hidden"> to </span>
            <span class="new">{valueText(c, c.new, ctx.snapshot, prefs)}</span>
            {delta && <span class="delta">{delta}</span>}
          </span>
        )}
      </div>
      <div class="change-evidence">
        {ctx.previous && <Evidence label="Before" snapshot={ctx.previous} />}
        <Evidence label="After" snapshot={ctx.snapshot} />
      </div>
    </li>
  );
};
