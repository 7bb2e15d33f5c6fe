import { access } from 'node:fs/promises';
import { matchProducts } from '../../catalogue/match-products.ts';
import { readPairFile } from '../../catalogue/pair-file.ts';
import { UsageError, type Command } from '../command.ts';

export const command: Command = {
  summary: 'Match the two listings of each pair in a CSV: one JSON line per pair, in order',
  usage:
    'rivalscope match-pairs FILE.csv\n' +
    '  FILE.csv: columns name1, short_description1, long_description1, specification_text1 and the same with 2\n' +
    '  (other columns are ignored); each output line: {"score": 0..1, "match": true|false, "autoAccept": true|false}',
  async run(args) {
    if (args.length !== 1 || args[0]?.startsWith('-')) throw new UsageError('expected one CSV file');
    const file = args[0] as string;
    try {
      await access(file);
    } catch {
      console.error(`rivalscope match-pairs: cannot read ${file}`);
      return 2;
    }
    for await (const pair of readPairFile(file)) {
      const { score, match, autoAccept } = matchProducts(pair.a, pair.b);
      process.stdout.write(`${JSON.stringify({ score, match, autoAccept })}\n`);
    }
    return 0;
  },
};
