import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'rivalscope-match-pairs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rivalscope match-pairs', () => {
  it('prints one JSON line per pair, in order', () => {
    const file = join(dir, 'pairs.csv');
    writeFileSync(
      file,
      'name1,short_description1,long_description1,specification_text1,price1,id1,name2,short_description2,long_description2,specification_text2,price2,id2,match\n' +
        'Panasonic TX-55JX940E,,,,,a,"55"" Panasonic TX55JX940E",,,,,b,1\n' +
        'JVC LT-55VU6105,"multi\nline",,,,a,JVC LT-55VU3105,,,,,b,0\n',
    );
    const { status, stdout } = runCli(['match-pairs', file]);
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(Object.keys(lines[0] ?? {})).toEqual(['score', 'match', 'autoAccept']);
    expect(lines[0]).toMatchObject({ match: true, autoAccept: true });
    expect(lines[1]).toMatchObject({ match: false, autoAccept: false });
  });

  it('exits 2 for a missing file or missing argument', () => {
    expect(runCli(['match-pairs', join(dir, 'none.csv')]).status).toBe(2);
    expect(runCli(['match-pairs']).status).toBe(2);
  });
});
