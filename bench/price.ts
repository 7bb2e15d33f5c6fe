/**
 * Price-string benchmark: amount and ISO-currency accuracy on ../shared/benchmarks/price-strings.
 * `npm run bench:price [-- --failures]`
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { normaliseDecimal } from '../scrapers/price/decimal.ts';
import { parsePrice, type ParsedPrice } from '../scrapers/price/parse-price.ts';

interface Case {
  text: string | null;
  hint: string | null;
  amount: string | null;
  currencySymbol: string | null;
  currencyIso?: string[];
  group: string;
}

const PASSES = 9;
const WARM_UP_PASSES = 2;
const casesUrl = new URL('../../shared/benchmarks/price-strings/cases.json', import.meta.url);
const cases = JSON.parse(readFileSync(casesUrl, 'utf8')) as Case[];
const showFailures = process.argv.includes('--failures');

const run = (c: Case): ParsedPrice => parsePrice(c.text ?? '', c.hint ? { hint: c.hint } : {});

const amountOk = (c: Case, got: ParsedPrice): boolean =>
  c.amount === null ? got.amount === null : got.amount !== null && normaliseDecimal(got.amount) === normaliseDecimal(c.amount);

const currencyOk = (c: Case, got: ParsedPrice): boolean =>
  c.currencyIso!.length === 0 ? got.currency === null : got.currency !== null && c.currencyIso!.includes(got.currency);

const perString: number[] = [];
for (let pass = 0; pass < WARM_UP_PASSES; pass++) for (const c of cases) run(c);
for (let pass = 0; pass < PASSES; pass++) {
  const t0 = performance.now();
  for (const c of cases) run(c);
  perString.push(((performance.now() - t0) * 1000) / cases.length);
}
perString.sort((a, b) => a - b);

const groups = new Map<string, { n: number; amount: number; cur: number; curN: number }>();
let amountHits = 0;
let currencyHits = 0;
let currencyRows = 0;
const failures: string[] = [];
for (const c of cases) {
  const got = run(c);
  const g = groups.get(c.group) ?? { n: 0, amount: 0, cur: 0, curN: 0 };
  groups.set(c.group, g);
  g.n++;
  const aOk = amountOk(c, got);
  if (aOk) g.amount++;
  amountHits += aOk ? 1 : 0;
  let cOk = true;
  if (c.currencyIso) {
    cOk = currencyOk(c, got);
    currencyRows++;
    g.curN++;
    if (cOk) g.cur++;
    currencyHits += cOk ? 1 : 0;
  }
  if (!aOk || !cOk) {
    const want = `${c.amount} ${c.currencyIso ? `[${c.currencyIso.slice(0, 3).join(',')}]` : '-'}`;
    const have = `${got.amount} ${got.currency} (${got.currencyText})`;
    failures.push(`${aOk ? ' ' : 'A'}${cOk ? ' ' : 'C'} ${JSON.stringify(c.text)} hint=${JSON.stringify(c.hint)}  want ${want}  got ${have}`);
  }
}

const pct = (a: number, b: number): string => `${((100 * a) / b).toFixed(1)} %`;
console.log(`price-strings: ${cases.length} strings`);
console.log(`amount accuracy:   ${amountHits} / ${cases.length} = ${pct(amountHits, cases.length)}`);
console.log(`currency accuracy: ${currencyHits} / ${currencyRows} = ${pct(currencyHits, currencyRows)} (rows with currencyIso)`);
const median = perString[Math.floor(PASSES / 2)]!;
console.log(`speed:             ${median.toFixed(2)} µs/string (median of ${PASSES} passes; fastest ${perString[0]!.toFixed(2)})`);
console.log('\ngroup                          strings  amount  currency');
for (const [name, g] of [...groups].sort((a, b) => b[1].n - a[1].n)) {
  const cur = g.curN ? `${g.cur}/${g.curN}` : '-';
  console.log(`${name.padEnd(30)} ${String(g.n).padStart(7)} ${String(g.amount).padStart(7)} ${cur.padStart(9)}`);
}
if (showFailures) {
  console.log(`\nfailures (A amount, C currency): ${failures.length}`);
  for (const f of failures) console.log(f);
} else if (failures.length) {
  console.log(`\n${failures.length} strings failed; run with --failures to list them.`);
}
