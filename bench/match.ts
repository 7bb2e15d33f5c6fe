/**
 * Product-matching benchmark: F1 of the match class and precision/recall of auto-accepted pairs on
 * ../shared/benchmarks/product-matching. `npm run bench:match [-- --failures]`
 */
import { fileURLToPath } from 'node:url';
import { matchProducts, type MatchResult } from '../src/catalogue/match-products.ts';
import { readPairFile } from '../src/catalogue/pair-file.ts';

const FILES = ['promap-cz-dev.csv', 'promap-en.csv'];
const dir = fileURLToPath(new URL('../../shared/benchmarks/product-matching/', import.meta.url));
const showFailures = process.argv.includes('--failures');

const ratio = (n: number, d: number) => (d === 0 ? 0 : n / d);
const fmt = (x: number) => x.toFixed(3);

for (const file of FILES) {
  const counts = { tp: 0, fp: 0, fn: 0, autoTp: 0, autoFp: 0, positives: 0, pairs: 0 };
  const failures: string[] = [];
  for await (const pair of readPairFile(`${dir}${file}`)) {
    const result: MatchResult = matchProducts(pair.a, pair.b);
    const truth = pair.label === true;
    counts.pairs++;
    if (truth) counts.positives++;
    if (result.match && truth) counts.tp++;
    if (result.match && !truth) counts.fp++;
    if (!result.match && truth) counts.fn++;
    if (result.autoAccept && truth) counts.autoTp++;
    if (result.autoAccept && !truth) counts.autoFp++;
    if (showFailures && (result.match !== truth || (result.autoAccept && !truth))) {
      failures.push(`  ${truth ? 'FN' : result.autoAccept ? 'FP!' : 'FP'} ${fmt(result.score)} line ${pair.line} [${result.reasons.join('; ')}]\n     ${pair.a.name.replace(/\s+/g, ' ')}\n     ${pair.b.name.replace(/\s+/g, ' ')}`);
    }
  }
  const precision = ratio(counts.tp, counts.tp + counts.fp);
  const recall = ratio(counts.tp, counts.tp + counts.fn);
  const f1 = ratio(2 * precision * recall, precision + recall);
  console.log(
    `${file}: ${counts.pairs} pairs (${counts.positives} matches)  F1 ${fmt(f1)}  precision ${fmt(precision)}  recall ${fmt(recall)}  ` +
      `auto-accept precision ${fmt(ratio(counts.autoTp, counts.autoTp + counts.autoFp))} recall ${fmt(ratio(counts.autoTp, counts.positives))} ` +
      `(${counts.autoTp + counts.autoFp} accepted)`,
  );
  if (showFailures) console.log(failures.join('\n'));
}
