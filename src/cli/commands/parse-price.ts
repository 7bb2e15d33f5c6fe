import { createInterface } from 'node:readline';
import { parsePrice, type ParsedPrice, type PriceHints } from '../../../scrapers/price/parse-price.ts';
import { parseOptions, type Command } from '../command.ts';

const HINT_FIELDS = ['hint', 'locale', 'currency'] as const;

/** One input line → the price, or a message saying what is wrong with the line. */
export function parsePriceLine(line: string): ParsedPrice | { error: string } {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { error: 'not valid JSON' };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { error: 'expected a JSON object' };
  const fields = input as Record<string, unknown>;
  if (typeof fields.text !== 'string') return { error: '"text" must be a string' };
  const hints: PriceHints = {};
  for (const name of HINT_FIELDS) {
    const value = fields[name];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') return { error: `"${name}" must be a string` };
    hints[name] = value;
  }
  return parsePrice(fields.text, hints);
}

export const command: Command = {
  summary: 'Parse price texts (JSON lines on stdin) into amount and ISO currency',
  usage:
    'rivalscope parse-price < lines.jsonl\n' +
    '  each input line: {"text": "1 234,56 zł", "hint"?: "...", "locale"?: "pl-PL", "currency"?: "PLN"}\n' +
    '  each output line: {"amount": "1234.56"|null, "currency": "PLN"|null, "currencyText": "zł"|null}\n' +
    '  or {"error": "..."} for a malformed line (exit code 1 at the end); blank lines are skipped',
  async run(args) {
    parseOptions(args, {});
    let failed = false;
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      if (line.trim() === '') continue;
      const result = parsePriceLine(line);
      if ('error' in result) failed = true;
      process.stdout.write(`${JSON.stringify(result)}\n`);
    }
    return failed ? 1 : 0;
  },
};
