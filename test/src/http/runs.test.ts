import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { seedTarget } from '../../helpers/seed-target.ts';
import { runsRepo } from '../../../src/db/runs.ts';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

describe('POST /api/targets/:id/runs', () => {
  it('queues a manual run (202) and answers with the same run while it is pending', async () => {
    const target = seedTarget(t.db);
    const res = await t.call('marketer', 'POST', `/api/targets/${target.id}/runs`);
    expect(res.status).toBe(202);
    const run = await res.json();
    expect(run).toMatchObject({
      targetId: target.id,
      status: 'queued',
      code: null,
      attempt: 1,
      trigger: 'manual',
      snapshotId: null,
      timings: { queueMs: null, fetchMs: null, extractMs: null },
    });
    const again = await (await t.call('admin', 'POST', `/api/targets/${target.id}/runs`)).json();
    expect(again.id).toBe(run.id);
    expect(runsRepo(t.db).list({ limit: 10 }).items).toHaveLength(1);
  });

  it('is 404 for an unknown target and 403 for viewers and auditors', async () => {
    const target = seedTarget(t.db);
    expect((await t.call('marketer', 'POST', '/api/targets/999/runs')).status).toBe(404);
    expect((await t.call('viewer', 'POST', `/api/targets/${target.id}/runs`)).status).toBe(403);
    expect((await t.call('auditor', 'POST', `/api/targets/${target.id}/runs`)).status).toBe(403);
    expect((await t.call(null, 'POST', `/api/targets/${target.id}/runs`)).status).toBe(401);
  });
});

describe('GET /api/runs', () => {
  it('filters by target, status, code and since, with cursor pagination', async () => {
    const a = seedTarget(t.db);
    const b = seedTarget(t.db);
    const runs = runsRepo(t.db);
    const owner = 'test-owner';
    const now = new Date();
    const first = runs.enqueue(a.id, 'schedule', { availableAt: now.toISOString() }).run;
    const claimed = runs.claim(owner, 'static', now, new Date(now.getTime() + 60_000));
    expect(claimed?.id).toBe(first.id);
    runs.finish(first.id, owner, {
      status: 'failed', code: 'http_5xx', error: 'HTTP 503', fetchMode: 'static', timings: { queueMs: 1, fetchMs: 2, extractMs: null },
      snapshotId: null, httpStatus: 503, finalUrl: a.url, robotsOverridden: true, finishedAt: now.toISOString(),
    });
    runs.enqueue(a.id, 'manual', { availableAt: now.toISOString() });
    runs.enqueue(b.id, 'manual', { availableAt: now.toISOString() });

    const byTarget = await (await t.call('viewer', 'GET', `/api/runs?targetId=${a.id}`)).json();
    expect(byTarget.items.map((r: { targetId: number }) => r.targetId)).toEqual([a.id, a.id]);
    const failed = await (await t.call('viewer', 'GET', '/api/runs?status=failed&code=http_5xx')).json();
    expect(failed.items).toHaveLength(1);
    expect(failed.items[0]).toMatchObject({ id: first.id, code: 'http_5xx', httpStatus: 503, robotsOverridden: true, timings: { fetchMs: 2 } });
    const alias = await (await t.call('viewer', 'GET', `/api/runs?target=${b.id}`)).json();
    expect(alias.items).toHaveLength(1);
    const future = new Date(now.getTime() + 3_600_000).toISOString();
    expect((await (await t.call('viewer', 'GET', `/api/runs?since=${encodeURIComponent(future)}`)).json()).items).toHaveLength(0);

    const page1 = await (await t.call('viewer', 'GET', '/api/runs?limit=2')).json();
    expect(page1.items).toHaveLength(2);
    const page2 = await (await t.call('viewer', 'GET', `/api/runs?limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2.items).toHaveLength(1);
    expect(page2.nextCursor).toBeNull();

    const one = await t.call('viewer', 'GET', `/api/runs/${first.id}`);
    expect(one.status).toBe(200);
    expect((await t.call('viewer', 'GET', '/api/runs/999')).status).toBe(404);
  });

  it('rejects bad filters and the auditor role', async () => {
    const bad = await t.call('viewer', 'GET', '/api/runs?status=done&code=oops&since=yesterday');
    expect(bad.status).toBe(400);
    const paths = (await bad.json()).error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['status', 'code', 'since']));
    expect((await t.call('auditor', 'GET', '/api/runs')).status).toBe(403);
  });
});
