/**
 * Offer extraction benchmark on ../shared/benchmarks/product-pages (real pages with annotated truth).
 * Scoring is the benchmark's own rule: per attribute a page is a true positive when the predicted value is
 * among the truth values (price compared as a decimal number), a false positive when a wrong value is
 * predicted (and then also a false negative if truth exists), a false negative when nothing is predicted
 * but truth exists; missing availability counts as InStock; F1 from the summed counts.
 *
 *   npm run bench:extract [-- --failures]
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { decodeHtml } from '../scrapers/extract/decode-html.ts';
import { compareDecimal, machineAmount } from '../scrapers/extract/decimal.ts';
import { extractOffer } from '../scrapers/extract/extract-offer.ts';
import { parsePrice } from '../scrapers/price/parse-price.ts';
import type { Offer } from '../scrapers/offer.ts';

const dir = fileURLToPath(new URL('../../shared/benchmarks/product-pages/', import.meta.url));
type Truth = Record<string, string[] | string | undefined> & { url: string };
const truth = JSON.parse(readFileSync(`${dir}ground-truth.json`, 'utf8')) as Record<string, Truth>;
const showFailures = process.argv.includes('--failures');

const ATTRIBUTES = ['price', 'sku', 'availability', 'gtin', 'brand', 'currency'] as const;
type Attribute = (typeof ATTRIBUTES)[number];
const counts = Object.fromEntries(ATTRIBUTES.map((a) => [a, { tp: 0, fp: 0, fn: 0 }])) as Record<Attribute, { tp: number; fp: number; fn: number }>;

/** The truth writes currencies as shown ("€", "Lei", "Rs"); compare their ISO codes. */
function isoOf(written: string): string | null {
  if (/^[A-Z]{3}$/.test(written.trim())) return written.trim();
  return parsePrice(`1 ${written}`).currency ?? parsePrice(`${written} 1`).currency;
}

function matches(attribute: Attribute, predicted: string, accepted: string[]): boolean {
  switch (attribute) {
    case 'price':
      return accepted.some((t) => {
        const a = machineAmount(t);
        return a !== null && compareDecimal(a, predicted) === 0;
      });
    case 'brand':
      return accepted.some((t) => t.trim().toLowerCase() === predicted.trim().toLowerCase());
    case 'currency':
      // "$" is written for many dollars and pesos: the symbol fits when it reads as the predicted code given that code as a hint.
      return accepted.some((t) => isoOf(t) === predicted || parsePrice(`${t} 1`, { currency: predicted }).currency === predicted);
    default:
      return accepted.some((t) => t.trim() === predicted.trim());
  }
}

function predictedValue(offer: Offer | null, attribute: Attribute): string | null {
  if (attribute === 'availability') return offer?.availability ?? 'InStock';
  return offer?.[attribute] ?? null;
}

let seconds = 0;
const failures: string[] = [];
for (const [id, t] of Object.entries(truth)) {
  const bytes = gunzipSync(readFileSync(`${dir}html/${id}.html.gz`));
  const started = performance.now();
  let offer: Offer | null;
  try {
    offer = extractOffer({ html: decodeHtml(bytes), url: t.url }).offer;
  } catch {
    offer = null;
  }
  seconds += (performance.now() - started) / 1000;
  for (const attribute of ATTRIBUTES) {
    const raw = t[attribute];
    const accepted = Array.isArray(raw) ? raw : attribute === 'availability' ? ['InStock'] : [];
    const predicted = predictedValue(offer, attribute);
    const c = counts[attribute];
    if (predicted === null) {
      if (accepted.length) {
        c.fn++;
        failures.push(`${id.slice(0, 8)} ${attribute.padEnd(12)} missed       truth ${JSON.stringify(accepted)}  ${t.url.slice(0, 70)}`);
      }
    } else if (accepted.length && matches(attribute, predicted, accepted)) c.tp++;
    else {
      c.fp++;
      if (accepted.length) c.fn++;
      failures.push(`${id.slice(0, 8)} ${attribute.padEnd(12)} got ${JSON.stringify(predicted)} truth ${JSON.stringify(accepted)}  ${t.url.slice(0, 70)}`);
    }
  }
}

const pages = Object.keys(truth).length;
console.log(`Offer extraction on ${pages} product pages (../shared/benchmarks/product-pages)\n`);
console.log('attribute      precision  recall     F1     tp  fp  fn');
for (const attribute of ATTRIBUTES) {
  const { tp, fp, fn } = counts[attribute];
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = 2 * tp + fp + fn ? (2 * tp) / (2 * tp + fp + fn) : 0;
  const extra = ['gtin', 'brand', 'currency'].includes(attribute) ? ' (extra)' : '';
  console.log(
    `${(attribute + extra).padEnd(14)} ${precision.toFixed(3).padStart(8)} ${recall.toFixed(3).padStart(7)} ${f1.toFixed(3).padStart(6)}  ${String(tp).padStart(3)} ${String(fp).padStart(3)} ${String(fn).padStart(3)}`,
  );
}
console.log(`\nspeed: ${(pages / seconds).toFixed(1)} pages/s (decode + extract, ${(seconds * 1000 / pages).toFixed(1)} ms/page)`);
console.log('targets: price F1 ≥ 0.92, sku ≥ 0.85, availability ≥ 0.93; anchors (price/sku/availability): Zyte 0.917/0.840/0.928, Diffbot 0.853/0.689/0.928, extruct 0.708/0.514/0.870');
if (showFailures) console.log(`\nFailures (${failures.length}):\n${failures.join('\n')}`);
