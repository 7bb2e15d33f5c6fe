import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'rivalscope-catalogue-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ROWS = 50_000;

async function writeCatalogue(file: string): Promise<void> {
  const out = createWriteStream(file);
  out.write('sku;name;price;currency;description\n');
  const padding = 'x'.repeat(500);
  for (let i = 1; i <= ROWS; i++) {
    const line = `S${i};"Produkt č. ${i}\nřádek dva";${i},50;CZK;${padding}\n`;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

// Runs in a child process with --expose-gc, so heap is measured after collections, not with garbage in it.
const reader = `
import { createReadStream } from 'node:fs';
import { readCatalogue } from './src/catalogue/read-catalogue.ts';
gc();
const base = process.memoryUsage().heapUsed;
let rows = 0, errors = 0, peak = 0, last = null;
for await (const row of readCatalogue(createReadStream(process.argv[1]))) {
  if ('reason' in row) errors++; else { rows++; last = row; }
  if ((rows + errors) % 5000 === 0) { gc(); peak = Math.max(peak, process.memoryUsage().heapUsed - base); }
}
console.log(JSON.stringify({ rows, errors, peak, last }));
`;

describe('readCatalogue on a large file', () => {
  it('reads 50,000 rows with heap growth bounded well below the file size', async () => {
    const file = join(dir, 'catalogue.csv');
    await writeCatalogue(file);
    const size = statSync(file).size;
    const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', reader, file], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(child.stderr).toBe('');
    const result = JSON.parse(child.stdout) as { rows: number; errors: number; peak: number; last: Record<string, unknown> };
    expect(result.rows).toBe(ROWS);
    expect(result.errors).toBe(0);
    expect(result.last).toMatchObject({ line: 2 * ROWS, sku: `S${ROWS}`, name: `Produkt č. ${ROWS} řádek dva`, price: `${ROWS}.50` });
    expect(size).toBeGreaterThan(25 * 1024 * 1024);
    expect(result.peak).toBeLessThan(8 * 1024 * 1024);
  }, 120_000);
});
