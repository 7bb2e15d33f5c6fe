import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService } from '../../../src/server.ts';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import { startFaultServer, type FaultServer } from '../../helpers/fault-server.ts';
import { schedulerTestConfig } from '../../helpers/scheduler-harness.ts';
import { seedTarget } from '../../helpers/seed-target.ts';
import { tempDir } from '../../helpers/test-app.ts';

let server: FaultServer;
let tmp: ReturnType<typeof tempDir>;
beforeAll(async () => {
  server = await startFaultServer();
  tmp = tempDir();
});
afterAll(async () => {
  await server.close();
  tmp.remove();
});

const until = async (check: () => Promise<boolean>) => {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 50));
};

describe('the scheduler inside the service', () => {
  it('runs a target queued through the API, and on close lets a hung run time out instead of leaving it running', async () => {
    const dbPath = join(tmp.dir, 'svc.db');
    const service = await startService({ ...schedulerTestConfig(dbPath, { tickMs: 100, runTimeoutMs: 1_500, maxAttempts: 1 }), port: 0 });
    const { token } = await service.store.users.createToken('m', 'marketer');
    const headers = { authorization: `Bearer ${token}` };
    const ok = await seedTarget(service.store, { url: `${server.origin}/product`, currency: 'PLN' });
    const hung = await seedTarget(service.store, { url: `${server.origin}/hang` });

    const queued = await (await fetch(`${service.url}/api/targets/${ok.id}/runs`, { method: 'POST', headers })).json();
    const runUrl = `${service.url}/api/runs/${queued.id}`;
    await until(async () => (await (await fetch(runUrl, { headers })).json()).status === 'succeeded');

    const hangRun = await (await fetch(`${service.url}/api/targets/${hung.id}/runs`, { method: 'POST', headers })).json();
    await until(async () => (await (await fetch(`${service.url}/api/runs/${hangRun.id}`, { headers })).json()).status === 'running');
    await service.close();

    const store = openSqliteStore(dbPath);
    try {
      expect(await store.runs.get(hangRun.id)).toMatchObject({ status: 'failed', code: 'timeout' });
      expect((await store.runs.list({ status: 'running', limit: 10 })).items).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
