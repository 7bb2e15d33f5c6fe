import type { CheerioAPI } from 'cheerio';
import { cleanGtin, type Found } from './found.ts';
import { isInChrome, isInRelatedArea } from './page-areas.ts';
import type { PageIndex, TextBox } from './page-index.ts';

type LabelledField = 'sku' | 'gtin' | 'brand';

/** "SKU", "Art.-Nr.", "Kod produktu", "Cikkszám", … labels in several languages, by the field they name. */
const LABELS: { field: LabelledField; label: string; value: RegExp }[] = [
  {
    field: 'sku',
    label:
      "sku|item (no\\.?|number|#|code)|product (code|id|no\\.?|number)|article (no\\.?|number)|art\\.? ?-?nr\\.?|artikel(-| )?(nr\\.?|nummer)|artikelnr\\.?|bestell(-| )?(nr\\.?|nummer)|bestellnummer|produktnummer|kod (produktu|towaru)|nr katalogowy|indeks|cikkszám|termékkód|kód( produktu| tovaru)?|katalogové číslo|šifra( proizvoda| artikla)?|oznaka|réf\\.?|référence|ref\\.?|referencia|código( de producto| del producto)?|codice( articolo| prodotto)?|cod(\\.|ice)? ?produs|cod\\.?|id produto|tuotenumero|tuotekoodi|varenummer|varenr\\.?|artikelnummer|asin|numéro d'article|код( товара)?|артикул|ad id|item id|post id|ürün kodu",
    value: /^[A-Z0-9][A-Z0-9._/-]{1,39}$/i,
  },
  { field: 'gtin', label: 'ean( code)?|gtin|upc|isbn(-13)?|ean/upc|kod ean|ean kód|čárový kód|штрихкод', value: /^[\d -]{8,17}$/ },
  {
    field: 'brand',
    label: 'brand|marke|hersteller|marque|marca|merk|märke|merkki|marka|márka|značka|proizvođač|výrobce|producent|gyártó|producător|manufacturer|бренд|производитель',
    value: /^.{1,60}$/,
  },
];

const LABEL_ONLY = LABELS.map((l) => ({ ...l, re: new RegExp(`^(?:${l.label})\\s*[:#.]?$`, 'i') }));
const uncaptured = (label: string): string => label.replace(/\((?!\?)/g, '(?:');
/** "SKU: 123", "Bestellnummer 106606"; a brand needs the colon ("Brand new" is no brand). */
const LABEL_VALUE = LABELS.map((l) => {
  const label = uncaptured(l.label);
  const loose = l.field === 'brand' ? '' : `^(?:${label})\\s*[:#.]?\\s+(.+)$|`;
  return { ...l, re: new RegExp(`${loose}^(?:${label})\\s*[:#]\\s*(.+)$`, 'i') };
});

/**
 * Identifiers and brand from visible "label: value" pairs ("SKU: 12345", "<dt>EAN</dt><dd>…</dd>",
 * "<th>Marke</th><td>…</td>") outside page chrome and related products, nearest to the main product first.
 */
export function findLabelledValues($: CheerioAPI, index: PageIndex, near: number | null): Found {
  const found: Found = {};
  const boxes = [...index.boxes].sort((a, b) => a.index - b.index);
  const hits: { field: LabelledField; value: string; distance: number }[] = [];
  const consider = (box: TextBox, field: LabelledField, value: string, valueCheck: RegExp): void => {
    const v = value.trim();
    if (!valueCheck.test(v) || (field === 'sku' && !/\d/.test(v))) return;
    if (isInChrome($(box.el)) || isInRelatedArea($(box.el))) return;
    const cleaned = field === 'gtin' ? cleanGtin(v) : v;
    if (cleaned) hits.push({ field, value: cleaned, distance: near === null ? box.index : Math.abs(box.index - near) });
  };
  for (let i = 0; i < boxes.length; i++) {
    const box = boxes[i] as TextBox;
    if (box.text.length > 80) continue;
    for (const l of LABEL_VALUE) {
      const m = l.re.exec(box.text);
      const value = m?.[1] ?? m?.[2];
      if (value) consider(box, l.field, value, l.value);
    }
    const label = LABEL_ONLY.find((l) => l.re.test(box.text));
    if (!label) continue;
    const next = boxes.slice(i + 1, i + 12).find((b) => !isInside(index, b, box) && !isInside(index, box, b));
    if (next) consider(box, label.field, next.text, label.value);
  }
  for (const field of ['sku', 'gtin', 'brand'] as const) {
    const best = hits.filter((h) => h.field === field).sort((a, b) => a.distance - b.distance)[0];
    if (best) found[field] = best.value;
  }
  return found;
}

function isInside(index: PageIndex, inner: TextBox, outer: TextBox): boolean {
  for (let p = inner.el.parent; p; p = p.parent) if (p === outer.el) return true;
  return index.order.get(inner.el) === index.order.get(outer.el);
}
