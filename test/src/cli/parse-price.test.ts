import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

function runCli(stdin: string, args: string[] = []) {
  const result = spawnSync(tsx, ['src/cli/main.ts', 'parse-price', ...args], {
    cwd: root,
    input: stdin,
    encoding: 'utf8',
  });
  const lines = result.stdout.split('\n').filter((l) => l !== '');
  return { status: result.status, lines: lines.map((l) => JSON.parse(l) as unknown), stderr: result.stderr };
}

describe('rivalscope parse-price', () => {
  it('writes one JSON line per input line, in order, and a line with an error for a malformed one', () => {
    const input = [
      '{"text": "1 234,56 zł"}',
      '{"text": "$25.00", "locale": "en-CA"}',
      'not json',
      '{"text": 12}',
      '',
      '{"text": "19,99", "currency": "EUR", "hint": "Preis"}',
    ].join('\n');
    const { status, lines } = runCli(input);
    expect(lines).toEqual([
      { amount: '1234.56', currency: 'PLN', currencyText: 'zł' },
      { amount: '25.00', currency: 'CAD', currencyText: '$' },
      { error: 'not valid JSON' },
      { error: '"text" must be a string' },
      { amount: '19.99', currency: 'EUR', currencyText: null },
    ]);
    expect(status).toBe(1);
  });

  it('exits 0 when every line parses', () => {
    const { status, lines } = runCli('{"text": "Free"}\n{"text": "none here", "hint": null}\n');
    expect(lines).toEqual([
      { amount: '0', currency: null, currencyText: null },
      { amount: null, currency: null, currencyText: null },
    ]);
    expect(status).toBe(0);
  });

  it('rejects unknown options with exit code 2', () => {
    const { status, stderr } = runCli('', ['--bogus']);
    expect(status).toBe(2);
    expect(stderr).toContain('parse-price');
  });
});
