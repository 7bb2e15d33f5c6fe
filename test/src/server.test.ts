import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.ts';
import { startService, type Service } from '../../src/server.ts';
import { tempDir } from '../helpers/test-app.ts';

let tmp: ReturnType<typeof tempDir>;
let service: Service;
beforeEach(async () => {
  tmp = tempDir();
  service = await startService(testConfig({ dbPath: join(tmp.dir, 'svc.db'), port: 0, logLevel: 'silent' }));
});
afterEach(async () => {
  await service.close();
  tmp.remove();
});

describe('the real server on port 0', () => {
  it('answers health and authenticated API calls over HTTP', async () => {
    expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${service.url}/api/health`);
    expect(health.status).toBe(200);
    expect((await health.json()).db).toBe('ok');
    const { token } = await service.store.users.createToken('ops', 'marketer');
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const created = await fetch(`${service.url}/api/products`, { method: 'POST', headers, body: JSON.stringify({ name: 'Beans' }) });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-request-id')).toBeTruthy();
    const list = await (await fetch(`${service.url}/api/products`, { headers })).json();
    expect(list.items.map((p: { name: string }) => p.name)).toEqual(['Beans']);
  });
});
