import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { issueExample } from '../../audits/template-fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'rivalscope-score-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

async function score(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'score', ...args]);
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('rivalscope score', () => {
  const template = file('template.json', issueExample);

  it('prints the score JSON for a valid template and answers', async () => {
    const answers = file('answers.json', { answers: { greeted: true, loyalty: 'na', wait: 6, extras: ['bag'], receipt: 'ev-1' } });
    const out = await score(template, answers);
    expect(out.code).toBe(0);
    // 5 + 0 (band open-ended) + 1 of 5 + 5 + 3; loyalty N/A
    expect(JSON.parse(out.stdout)).toMatchObject({ overall: { earned: 6, possible: 13, percent: 600 / 13 }, result: 'fail', autoFail: [] });
  });

  it('exits 2 naming each bad path of the answers', async () => {
    const answers = file('bad-answers.json', { answers: { greeted: 'yes', wait: 3, colour: 'red' } });
    const out = await score(template, answers);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(`${answers}: answers.greeted:`);
    expect(out.stderr).toContain(`${answers}: answers.colour: unknown question`);
    expect(out.stderr).not.toContain('answers.wait');
  });

  it('exits 2 naming each bad path of the template', async () => {
    const bad = file('bad-template.json', { ...issueExample, touchpoint: 'moon', sections: [{ ...issueExample.sections[0], weight: -1 }] });
    const out = await score(bad, file('empty.json', { answers: {} }));
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(`${bad}: touchpoint:`);
    expect(out.stderr).toContain(`${bad}: sections[0].weight:`);
  });

  it('exits 2 on unreadable or non-JSON files and on a wrong argument count', async () => {
    const notJson = file('not.json', '{ nope');
    expect(await score(template, notJson)).toMatchObject({ code: 2, stderr: expect.stringContaining(`${notJson}: not valid JSON`) });
    expect(await score(join(dir, 'missing.json'), notJson)).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot read') });
    expect((await score(template)).code).toBe(2);
  });
});
