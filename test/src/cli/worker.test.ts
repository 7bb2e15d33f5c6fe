import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import { startProductPages } from '../../helpers/product-pages.ts';
import { runCli } from '../../helpers/run-cli.ts';
import { seedTarget } from '../../helpers/seed-target.ts';
import { tempDir } from '../../helpers/test-app.ts';
import { startWorkerProcess } from '../../helpers/worker-process.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.remove());

describe('rivalscope worker and serve --workers 0', () => {
  it('refuses unknown lanes, a bad concurrency and a worker count other than 0 for serve', { timeout: 90_000 }, () => {
    const env = { RIVALSCOPE_DB: join(tmp.dir, 'x.db') };
    expect(runCli(['worker', '--lanes', 'static,ftp'], { env })).toMatchObject({ status: 2, stderr: expect.stringContaining('--lanes') });
    expect(runCli(['worker', '--concurrency', '0'], { env })).toMatchObject({ status: 2, stderr: expect.stringContaining('--concurrency') });
    expect(runCli(['serve', '--workers', '3'], { env })).toMatchObject({ status: 2, stderr: expect.stringContaining('--workers') });
  });

  it('runs two workers on one SQLite file: every queued run taken once, then both stop on SIGTERM', async () => {
    const db = join(tmp.dir, 'workers.db');
    const pages = await startProductPages({ count: 10 });
    const store = openSqliteStore(db);
    try {
      const env = { RIVALSCOPE_DB: db, RIVALSCOPE_ALLOW_HOSTS: '127.0.0.1', RIVALSCOPE_HOST_DELAY_MS: '0', RIVALSCOPE_TICK_MS: '100' };
      const workers = [startWorkerProcess(['--lanes', 'static'], env), startWorkerProcess(['--concurrency', '2'], env)];
      await Promise.all(workers.map((w) => w.owner));
      const now = new Date().toISOString();
      for (let i = 0; i < 10; i++) {
        const target = await seedTarget(store, { url: pages.url(i), schedule: '0 3 * * *' });
        await store.runQueue.enqueue({ targetId: target.id, lane: 'static', trigger: 'manual', availableAt: now });
      }
      const deadline = Date.now() + 30_000;
      while ((await store.runs.list({ limit: 100 })).items.some((r) => r.status === 'queued' || r.status === 'running')) {
        if (Date.now() > deadline) throw new Error('runs still pending');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const runs = (await store.runs.list({ limit: 100 })).items;
      expect(runs.map((r) => r.status)).toEqual(Array(10).fill('succeeded'));
      expect(new Set(runs.map((r) => r.snapshotId)).size).toBe(10);
      expect([...pages.hits.values()].every((n) => n === 1)).toBe(true);
      for (const w of workers) w.child.kill('SIGTERM');
      expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0]);
    } finally {
      await store.close();
      await pages.close();
    }
  });

  it('serve --workers 0 serves the API and says it is API only', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--workers', '0'], {
      cwd: root,
      env: { ...process.env, RIVALSCOPE_DB: join(tmp.dir, 'api.db'), RIVALSCOPE_PORT: '0', RIVALSCOPE_LOG_LEVEL: 'silent' },
    });
    let stdout = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(stdout);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`serve exited early with ${code}: ${stdout}`)));
    });
    expect(stdout).toContain('API only');
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
