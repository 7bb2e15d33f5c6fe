/**
 * Offer extraction benchmark on ../shared/benchmarks/product-pages (real pages with annotated truth).
 * Scoring is the benchmark's own rule: per attribute a page is a true positive when the predicted value is
 * among the truth values (price compared as a decimal number), a false positive when a wrong value is
 * predicted (and then also a false negative if truth exists), a false negative when nothing is predicted
 * but truth exists; missing availability counts as InStock; F1 from the summed counts.
 * Every page is extracted twice: as rivalscope does it, and with structured data switched off (the
 * visible page alone). OutOfStock is also scored on its own: a false "out of stock" costs most.
 *
 *   npm run bench:extract [-- --failures]
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { decodeHtml } from '../scrapers/extract/decode-html.ts';
import { extractOffer } from '../scrapers/extract/extract-offer.ts';
import { compareDecimals } from '../scrapers/price/decimal.ts';
import { machineAmount } from '../scrapers/price/machine-amount.ts';
import { parsePrice } from '../scrapers/price/parse-price.ts';
import type { Offer } from '../scrapers/offer.ts';

const dir = fileURLToPath(new URL('../../shared/benchmarks/product-pages/', import.meta.url));
type Truth = Record<string, string[] | string | undefined> & { url: string };
const truth = JSON.parse(readFileSync(`${dir}ground-truth.json`, 'utf8')) as Record<string, Truth>;
const showFailures = process.argv.includes('--failures');

const ATTRIBUTES = ['price', 'sku', 'availability', 'gtin', 'brand', 'currency'] as const;
type Attribute = (typeof ATTRIBUTES)[number];
interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

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
        return a !== null && compareDecimals(a, predicted) === 0;
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

interface Score {
  counts: Record<Attribute, Counts>;
  /** OutOfStock as a class of its own: tp = said and true, fp = said but in stock, fn = not said but out of stock. */
  outOfStock: Counts;
  seconds: number;
  failures: string[];
}

function score(structuredData: boolean): Score {
  const counts = Object.fromEntries(ATTRIBUTES.map((a) => [a, zero()])) as Record<Attribute, Counts>;
  const outOfStock = zero();
  const failures: string[] = [];
  let seconds = 0;
  for (const [id, t] of Object.entries(truth)) {
    const bytes = gunzipSync(readFileSync(`${dir}html/${id}.html.gz`));
    const started = performance.now();
    let offer: Offer | null;
    try {
      offer = extractOffer({ html: decodeHtml(bytes), url: t.url, structuredData }).offer;
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
      if (attribute === 'availability') {
        const said = predicted === 'OutOfStock';
        const isOut = accepted.includes('OutOfStock');
        if (said && isOut) outOfStock.tp++;
        else if (said) outOfStock.fp++;
        else if (isOut) outOfStock.fn++;
      }
    }
  }
  return { counts, outOfStock, seconds, failures };
}

const ratio = (a: number, b: number): string => (b ? a / b : 0).toFixed(3);
const f1 = ({ tp, fp, fn }: Counts): string => ratio(2 * tp, 2 * tp + fp + fn);

const full = score(true);
const visibleOnly = score(false);
const pages = Object.keys(truth).length;
console.log(`Offer extraction on ${pages} product pages (../shared/benchmarks/product-pages)\n`);
console.log('attribute          precision  recall     F1     tp  fp  fn   F1 without structured data');
const row = (label: string, c: Counts, without: Counts): string =>
  `${label.padEnd(18)} ${ratio(c.tp, c.tp + c.fp).padStart(8)} ${ratio(c.tp, c.tp + c.fn).padStart(7)} ${f1(c).padStart(6)}  ${String(c.tp).padStart(3)} ${String(c.fp).padStart(3)} ${String(c.fn).padStart(3)}   ${f1(without)}`;
for (const attribute of ATTRIBUTES) {
  const extra = ['gtin', 'brand', 'currency'].includes(attribute) ? ' (extra)' : '';
  console.log(row(attribute + extra, full.counts[attribute], visibleOnly.counts[attribute]));
}
console.log(row('  OutOfStock only', full.outOfStock, visibleOnly.outOfStock));
console.log(
  `\nOutOfStock precision ${ratio(full.outOfStock.tp, full.outOfStock.tp + full.outOfStock.fp)} (false "out of stock": ${full.outOfStock.fp}, missed: ${full.outOfStock.fn}); ` +
    `without structured data ${ratio(visibleOnly.outOfStock.tp, visibleOnly.outOfStock.tp + visibleOnly.outOfStock.fp)} (${visibleOnly.outOfStock.fp} false, ${visibleOnly.outOfStock.fn} missed)`,
);
console.log(`speed: ${(pages / full.seconds).toFixed(1)} pages/s (decode + extract, ${((full.seconds * 1000) / pages).toFixed(1)} ms/page)`);
console.log('targets: price F1 ≥ 0.94, sku ≥ 0.88, availability ≥ 0.97; anchors (price/sku/availability): Zyte 0.917/0.840/0.928, Diffbot 0.853/0.689/0.928, extruct 0.708/0.514/0.870');
if (showFailures) {
  console.log(`\nFailures (${full.failures.length}):\n${full.failures.join('\n')}`);
  console.log(`\nFailures without structured data (${visibleOnly.failures.length}):\n${visibleOnly.failures.join('\n')}`);
}
