import type { CheerioAPI } from 'cheerio';
import { cleanGtin, type Found } from './found.ts';
import { isInChrome, isInRelatedArea } from './page-areas.ts';
import type { PageIndex, TextBox } from './page-index.ts';

/** "SKU", "Art.-Nr.", "Kod produktu", "Cikkszám", … labels in several languages, by the field they name. */
const LABELS: { field: 'sku' | 'gtin' | 'brand'; label: RegExp; value: RegExp }[] = [
  {
    field: 'sku',
    label:
      /^(sku|item (no\.?|number|#|code)|product (code|id|no\.?|number)|article (no\.?|number)|art\.? ?(-|\.)? ?nr\.?|artikel(-| )?(nr\.?|nummer)|artikelnr\.?|bestell(-| )?nr\.?|kod (produktu|towaru)|nr katalogowy|indeks|symbol|cikkszám|termékkód|kód( produktu| tovaru)?|katalogové číslo|šifra( proizvoda| artikla)?|šifra|oznaka|réf\.?|référence|ref\.?|referencia|código( de producto| del producto)?|codice( articolo| prodotto)?|cod\.?|art\.? ?nr|tuotenumero|tuotekoodi|varenummer|varenr\.?|produktnummer|artikelnummer|asin|numéro d'article|model( no\.?| number)?|part number|mpn|ad id|item id|id)$/i,
    value: /^[A-Z0-9][A-Z0-9._/-]{1,39}$/i,
  },
  { field: 'gtin', label: /^(ean( code)?|gtin|upc|isbn(-13)?|ean\/upc|kod ean|ean kód|čárový kód)$/i, value: /^[\d -]{8,17}$/ },
  { field: 'brand', label: /^(brand|marke|hersteller|marque|marca|merk|märke|merkki|marka|márka|značka|proizvođač|výrobce|producent|gyártó|producător|manufacturer)$/i, value: /^.{1,60}$/ },
];

const SEPARATED = /^(.{2,40}?)\s*[:#]\s*(.+)$/;

function labelOf(text: string): string {
  return text.replace(/[:#]\s*$/, '').trim();
}

/**
 * Identifiers and brand from visible "label: value" pairs ("SKU: 12345", "<dt>EAN</dt><dd>…</dd>",
 * "<th>Marke</th><td>…</td>") outside page chrome and related products, nearest to the main product first.
 */
export function findLabelledValues($: CheerioAPI, index: PageIndex, near: number | null): Found {
  const found: Found = {};
  const boxes = [...index.boxes].sort((a, b) => a.index - b.index);
  const hits: { field: 'sku' | 'gtin' | 'brand'; value: string; distance: number }[] = [];
  const consider = (box: TextBox, label: string, value: string): void => {
    const spec = LABELS.find((l) => l.label.test(label));
    const v = value.trim();
    if (!spec || !spec.value.test(v)) return;
    if (spec.field === 'sku' && !/\d/.test(v)) return;
    if (isInChrome($(box.el)) || isInRelatedArea($(box.el))) return;
    const cleaned = spec.field === 'gtin' ? cleanGtin(v) : v;
    if (cleaned) hits.push({ field: spec.field, value: cleaned, distance: near === null ? box.index : Math.abs(box.index - near) });
  };
  for (let i = 0; i < boxes.length; i++) {
    const box = boxes[i] as TextBox;
    if (box.text.length > 80) continue;
    const inline = SEPARATED.exec(box.text);
    if (inline?.[1] && inline[2]) consider(box, inline[1], inline[2]);
    const label = labelOf(box.text);
    if (label.length > 40 || !LABELS.some((l) => l.label.test(label))) continue;
    const next = boxes.slice(i + 1, i + 12).find((b) => !isInside(index, b, box) && !isInside(index, box, b));
    if (next) consider(box, label, next.text);
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
